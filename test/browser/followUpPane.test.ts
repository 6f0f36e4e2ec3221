/**
 * The pane's follow-up section in headless Chromium (standalone preview, office.js blocked): the second
 * bundled example opened as a file shows the follow-up, the largest deviations and the goals on the
 * forecast, and "Visa cell" goes to the line's row on `Uppföljning`.
 */
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { FOLLOW_UP_EXAMPLE_FILE } from '../../src/workbook/exampleFollowUp';
import { ARTIFACTS, CHROMIUM_ARGS, DIST, requireChromium, serve } from '../helpers/browser';

const executablePath = requireChromium();
const describeBrowser = executablePath ? describe : describe.skip;
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', FOLLOW_UP_EXAMPLE_FILE);

async function expectText(locator: { innerText: () => Promise<string>; waitFor: () => Promise<void> }, pattern: RegExp) {
  await locator.waitFor();
  const deadline = Date.now() + 10000;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText();
    if (pattern.test(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(text).toMatch(pattern);
}

describeBrowser('the follow-up in the task pane (Chromium, standalone preview)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    server = await serve(DIST);
    browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPane(query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.route('**/appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${server.url}taskpane.html${query}`);
    await page.getByRole('button', { name: /^(Beräkna|Compute)$/ }).waitFor({ timeout: 20000 });
    return page;
  }

  test('to date and full year, the largest deviations, the goals on the forecast, Visa cell to the line', async () => {
    const page = await openPane();
    await page.getByTestId('file-input').setInputFiles(EXAMPLE);
    const section = page.getByTestId('follow-up');
    await expectText(section, /Uppföljning 2024, utfall till och med juni/);
    // The summary's card of 2024 holds the forecast, and says so.
    await expectText(page.getByTestId('year-2024'), /^Prognos 2024\s*Årets resultat\s*2\u00a0345\u00a0054\u00a0kr/);
    // The result: 1 456 052 kr to date against 768 996 kr; 2 345 054 kr for the year against 1 538 000 kr.
    await expectText(section, /Resultat.*Utfall 1\u00a0456\u00a0052\u00a0kr, Budget 768\u00a0996\u00a0kr/s);
    await expectText(section, /Helår: Budget 1\u00a0538\u00a0000\u00a0kr\s*2\u00a0345\u00a0054\u00a0kr/);
    await expectText(section, /Största avvikelser\s*Sikta mot arbetslivet.*Samverkansstöd, ESF, utvärdering/s);
    await expectText(section, /Målen enligt prognosen.*Ej uppfyllt\s*Högsta eget kapital/s);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-follow-up.png'), fullPage: true });
    // Sikta mot arbetslivet stands on row 18 of Uppföljning.
    await section.getByTestId('follow-up-largest').first().getByRole('button', { name: 'Visa cell Uppföljning!A18' }).click();
    await expectText(page.getByTestId('preview'), /Cell Uppföljning!A18/);
    expect(await page.getByTestId('preview-focus').innerText()).toBe('Sikta mot arbetslivet (Samordningsförbundet)');
    await page.context().close();
  });

  test('in English, the same figures', async () => {
    const page = await openPane('?lang=en');
    await page.getByTestId('file-input').setInputFiles(EXAMPLE);
    const section = page.getByTestId('follow-up');
    await expectText(section, /Follow-up 2024, actual outcome through June/);
    await expectText(section, /Largest deviations\s*Sikta mot arbetslivet/);
    await page.context().close();
  });
});
