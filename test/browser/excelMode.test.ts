/**
 * The real task pane in Chromium as it runs inside Excel: office.js is replaced by a fake Office/Excel
 * (test/browser/fakeExcel.js) over an in-memory copy of the bundled example.
 */
import { promises as fs, existsSync } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { exampleSheets } from '../../src/workbook/example';
import { OUTPUT_SHEET_NAMES, ownerMarkName } from '../../src/workbook/schema';
import { ARTIFACTS, CHROMIUM_ARGS, DIST, requireChromium, serve } from '../helpers/browser';

const executablePath = requireChromium();
const describeBrowser = executablePath ? describe : describe.skip;

const serial = (d: Date) => d.getTime() / 86400000 + 25569;

function fakeWorkbook(displayLanguage = 'sv-SE', empty = false) {
  const sheets: Record<string, { id: string; values: unknown[][]; formats: string[][] }> = {};
  if (empty) sheets['Blad1'] = { id: 'blank', values: [], formats: [] };
  else
    exampleSheets().forEach((s, i) => {
      sheets[s.name] = {
        id: `in${i}`,
        values: s.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : (v ?? '')))),
        formats: [],
      };
    });
  return { sheets, displayLanguage };
}

describeBrowser('task pane in Chromium, inside (fake) Excel', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  const fakeScript = path.join(__dirname, 'fakeExcel.js');

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

  async function open(displayLanguage = 'sv-SE', empty = false): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    const script = await fs.readFile(fakeScript, 'utf8');
    await page.route('**/appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.__FAKE_WORKBOOK__=${JSON.stringify(fakeWorkbook(displayLanguage, empty))};\n${script}`,
      }),
    );
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: /^(Beräkna|Compute)$/ }).waitFor({ timeout: 20000 });
    return page;
  }

  const fake = <T>(page: Page, fn: string): Promise<T> => page.evaluate(fn) as Promise<T>;

  test('Beräkna reads and writes the workbook in two round trips; input sheets stay as they were', async () => {
    const page = await open();
    expect(await page.getByText('Förhandsvisning utanför Excel').count()).toBe(0); // not the standalone preview
    const before = await fake<string>(page, 'JSON.stringify(window.__fake.sheets["Medlemmar"].values)');
    await page.waitForFunction('window.__fake.handlers.length === 1'); // the pane listens for edits (one sync)
    const syncsBefore = await fake<number>(page, 'window.__fake.syncs');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    expect(await page.getByTestId('year-2024').innerText()).toMatch(/Årets resultat\s*1\u00a0538\u00a0000\u00a0kr/);
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(syncsBefore + 2);
    const sheetNames = await fake<string[]>(page, 'Object.keys(window.__fake.sheets)');
    expect(sheetNames).toEqual(expect.arrayContaining(OUTPUT_SHEET_NAMES));
    expect(await fake<Record<string, string>>(page, 'window.__fake.names')).toMatchObject({
      [ownerMarkName('Budget')]: "='Budget'!$A$1",
    });
    expect(await fake<string>(page, 'JSON.stringify(window.__fake.sheets["Medlemmar"].values)')).toBe(before);
    const budgetRow = await fake<unknown[]>(
      page,
      'window.__fake.sheets["Budget"].values.find(r => r && r[0] === "Årets resultat")',
    );
    expect(budgetRow.slice(1)).toEqual([1538000, expect.any(Number), expect.any(Number)]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-excel.png'), fullPage: true });
    await page.context().close();
  });

  test('an edit to an input sheet recomputes automatically; events from the output sheets do not', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    const syncs = await fake<number>(page, 'window.__fake.syncs');
    // The add-in's own sheets changing: no recompute.
    await page.evaluate('window.__fake.fire("Budget")');
    await page.waitForTimeout(1200);
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(syncs);
    // The ekonom lowers 2024's contributions to 15 mkr: the result follows within a second or so.
    await page.evaluate('window.__fake.edit("År", 1, 1, 15000000)');
    await page
      .getByTestId('year-2024')
      .getByText(/^538\u00a0000\u00a0kr$/)
      .waitFor({ timeout: 5000 });
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(syncs + 2);
    // With automatic recompute off, an edit marks the outputs stale instead.
    await page.getByRole('switch', { name: 'Automatisk omräkning' }).click();
    await page.evaluate('window.__fake.edit("År", 1, 1, 16000000)');
    await page.getByTestId('stale').waitFor();
    await page.waitForTimeout(800);
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(syncs + 2);
    await page.context().close();
  });

  test('Visa cell selects the cell in Excel; an input error is shown with Gå till cell', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByRole('button', { name: 'Visa cell Likviditet!D6' }).click();
    await page.waitForFunction('window.__fake.selected !== null');
    expect(await fake<unknown>(page, 'window.__fake.selected')).toEqual({ sheet: 'Likviditet', cell: 'D6' });
    await page.evaluate('window.__fake.edit("Medlemmar", 5, 2, -3)');
    await page.getByTestId('errors').waitFor();
    expect(await page.getByTestId('errors').innerText()).toMatch(/Medlemmar!C6[\s\S]*Antalet invånare får inte vara negativt/);
    await page.getByRole('button', { name: 'Gå till cell Medlemmar!C6' }).click();
    await page.waitForFunction('window.__fake.selected && window.__fake.selected.sheet === "Medlemmar"');
    expect(await fake<unknown>(page, 'window.__fake.selected')).toEqual({ sheet: 'Medlemmar', cell: 'C6' });
    await page.context().close();
  });

  test('Skapa mall fills an empty workbook with the example, then refuses to add it again', async () => {
    const page = await open('sv-SE', true);
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('errors').waitFor(); // nothing to compute yet: the required sheets are missing
    await page.getByRole('button', { name: 'Skapa mall' }).click();
    await page.getByText('Indatabladen med exemplet är tillagda. Tryck Beräkna.').waitFor();
    expect(await fake<string[]>(page, 'Object.keys(window.__fake.sheets)')).toEqual([
      'Blad1',
      ...exampleSheets().map((s) => s.name),
    ]);
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page
      .getByTestId('year-2024')
      .getByText(/^1\u00a0538\u00a0000\u00a0kr$/)
      .waitFor();
    const members = await fake<string>(page, 'JSON.stringify(window.__fake.sheets["Medlemmar"].values)');
    await page.getByRole('button', { name: 'Skapa mall' }).click();
    await page.getByText(/Mallen lades inte till: bladen .*Medlemmar.* finns redan\./).waitFor();
    expect(await fake<string>(page, 'JSON.stringify(window.__fake.sheets["Medlemmar"].values)')).toBe(members);
    await page.context().close();
  });

  test('English when Office’s display language is not Swedish', async () => {
    const page = await open('en-US');
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    expect(await page.getByTestId('year-2024').innerText()).toMatch(/Result\s*1\u00a0538\u00a0000/);
    await page.context().close();
  });
});
