/**
 * The real task pane in headless Chromium, against the production build served on 127.0.0.1, outside
 * Office (office.js blocked): the standalone preview over the bundled example and over user files.
 */
import ExcelJS from 'exceljs';
import { promises as fs, existsSync } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { ALWAYS_OUTPUT_SHEET_NAMES } from '../../src/workbook/schema';
import { scenariosTemplateSheet } from '../../src/workbook/sheets/scenarios';
import { exampleFile, sheetOf, tempDir } from '../helpers/files';
import { AxeViolation, seriousViolations } from '../helpers/axe';
import { ARTIFACTS, CHROMIUM_ARGS, DIST, requireChromium, serve } from '../helpers/browser';

const executablePath = requireChromium();
const describeBrowser = executablePath ? describe : describe.skip;

describeBrowser('task pane in Chromium (standalone preview)', () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let dir: string;

  beforeAll(async () => {
    if (!existsSync(path.join(DIST, 'taskpane.html'))) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
    await fs.mkdir(ARTIFACTS, { recursive: true });
    dir = await tempDir();
    server = await serve(DIST);
    browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  /** A 320 px wide pane with office.js blocked, as outside Office with no network. */
  async function openPane(query = ''): Promise<{ page: Page; consoleErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    await page.route('**/appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${server.url}taskpane.html${query}`);
    await page.getByRole('button', { name: /^(Beräkna|Compute)$/ }).waitFor({ timeout: 20000 });
    return { page, consoleErrors };
  }

  test('with office.js blocked the pane renders; Beräkna computes the example: summary and checks', async () => {
    const { page, consoleErrors } = await openPane();
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-start.png'), fullPage: true });
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const y2024 = page.getByTestId('year-2024');
    await y2024.waitFor();
    await expectText(y2024, /Årets resultat\s*1\u00a0538\u00a0000\u00a0kr/);
    await expectText(y2024, /Eget kapital vid årets slut\s*3\u00a0399\u00a0000\u00a0kr\s*Ej uppfyllt/);
    await expectText(page.getByTestId('year-2026'), /Lägsta beslutsutrymme/);
    const checks = page.getByTestId('checks');
    await expectText(checks, /Högsta eget kapital · 2024/);
    await expectText(checks, /ESF hålls isär · 2024.*ESF-medel används till Finsam-verksamhet/s);
    await expectText(checks, /Treårsplan/); // met: folded to one line
    // A plain-words result with the local time, no milliseconds.
    await expectText(page.getByTestId('outcome'), /^Beräknat och skrivet \d\d:\d\d$/);
    expect(await page.locator('main').innerText()).not.toMatch(/\bms\b/);
    // The summary shows the limit and the gap.
    await expectText(y2024, /699\u00a0000\u00a0kr över taket 2\u00a0700\u00a0000\u00a0kr/);
    await expectText(y2024, /över golvet 500\u00a0000\u00a0kr/);
    // Problems first: the first group is a goal that is not met.
    expect(await checks.locator('[data-testid^="group-"]').first().innerText()).toMatch(/Ej uppfyllt/);
    // Fits a 320 px pane: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-computed.png'), fullPage: true });
    await page.getByRole('heading', { name: 'Sammanfattning per år' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-summary.png') });
    await page.getByRole('heading', { name: 'Kontroller' }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-checks.png') });
    // A check's button shows the cell it concerns.
    await page.getByRole('button', { name: 'Visa cell Balansplan!C13' }).first().click();
    await expectText(page.getByTestId('preview'), /Cell Balansplan!C13/);
    // The cell view: whole Swedish-formatted numbers, each row's label, in view.
    expect(await page.getByTestId('preview-focus').innerText()).toBe('3\u00a0399\u00a0000');
    expect((await page.getByTestId('preview-label').allInnerTexts())[3]).toBe('Eget kapital');
    expect(await page.getByTestId('preview').evaluate((e) => e.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-cell-view.png') });
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  test("the example's scenario: the list and comparison under the summary; choosing it shows its summary and checks, writing nothing", async () => {
    const { page, consoleErrors } = await openPane();
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const y2024 = page.getByTestId('year-2024').first();
    await y2024.waitFor();
    // The room for new grants per year, as a sentence (engine/room.ts: the decision room of March binds).
    await expectText(y2024, /Utrymme för nya insatser 2024: 1\u00a0537\u00a0996\u00a0kr — begränsas av Beslutsutrymme i mars/);
    const scenarios = page.getByTestId('scenarios');
    await expectText(scenarios, /Full statlig tilldelning/);
    // The comparison: the base's result 1 538 000, the scenario's 6 538 000 (+5 000 000: 21 mkr instead of 16).
    const comparison = page.getByTestId('scenario-comparison');
    await expectText(
      comparison,
      /Årets resultat\s*1\u00a0538\u00a0000\u00a0kr\s*6\u00a0538\u00a0000\u00a0kr\s*\+5\u00a0000\u00a0000\u00a0kr/,
    );
    expect(await page.getByTestId('scenario-shown').count()).toBe(0);
    const outcome = await page.getByTestId('outcome').getAttribute('data-at');
    await page.getByTestId('scenario-0').click();
    const shown = page.getByTestId('scenario-shown');
    await expectText(shown, /Scenariot Full statlig tilldelning \(visas bara här, inget skrivs\)/);
    await expectText(shown.getByTestId('scenario-summary'), /2024\s*Årets resultat\s*6\u00a0538\u00a0000\u00a0kr/);
    // Its checks: equity 8 399 000 in 2024 is over the 2.7 mkr cap.
    await expectText(shown.getByTestId('scenario-checks'), /Högsta eget kapital · 2024/);
    await expectText(shown, /Kontroller: Full statlig tilldelning/);
    // Nothing was computed or written again, and the base's summary is unchanged.
    expect(await page.getByTestId('outcome').getAttribute('data-at')).toBe(outcome);
    await expectText(page.getByTestId('summary'), /2024\s*Årets resultat\s*1\u00a0538\u00a0000\u00a0kr/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-scenario.png'), fullPage: true });
    await page.getByRole('button', { name: 'Visa grundbudgeten' }).click();
    expect(await page.getByTestId('scenario-shown').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  test('the downloaded workbook contains the output sheets with the computed figures', async () => {
    const { page } = await openPane();
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner beräknad arbetsbok' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rar-sormland-2024-beraknad.xlsx');
    const file = path.join(dir, 'downloaded.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(ALWAYS_OUTPUT_SHEET_NAMES));
    const budget = wb.getWorksheet('Budget')!;
    const result = (budget.getSheetValues() as unknown[]).find((r) => Array.isArray(r) && r[1] === 'Årets resultat') as unknown[];
    expect(result[2]).toBe(1538000);
    expect(wb.definedNames.getNames("'Fördelning'!$A$1")).toContain('FinsamBudget_Fordelning');
    await page.context().close();
  });

  test('a broken workbook shows the input error with its cell, and Gå till cell shows it', async () => {
    const broken = await exampleFile(dir, 'trasig.xlsx', (s) => (sheetOf(s, 'År').rows[2]![1] = 'sexton miljoner'));
    const { page } = await openPane();
    await page.getByTestId('file-input').setInputFiles(broken);
    const errors = page.getByTestId('errors');
    await errors.waitFor();
    await expectText(errors, /Ett fel i indata\. Ingenting har skrivits\./);
    await expectText(errors, /År!B3.*”sexton miljoner” är inte ett tal/s);
    await expectText(page.getByTestId('workbook-name'), /trasig\.xlsx/);
    await expect(page.getByRole('button', { name: 'Ladda ner beräknad arbetsbok' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Gå till cell År!B3' }).click();
    await expectText(page.getByTestId('preview'), /Cell År!B3/);
    expect(await page.getByTestId('preview-focus').innerText()).toBe('sexton miljoner');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-error.png') });
    // A file that is not a workbook is refused with a Swedish message naming what it is; the page keeps its width.
    const junk = path.join(dir, 'anteckningar-från-styrelsemötet-den-14-november-2024-version-slutgiltig.xlsx');
    await fs.writeFile(junk, 'ingen arbetsbok\nbara text\n');
    await page.getByTestId('file-input').setInputFiles(junk);
    await expectText(page.getByTestId('notice'), /”anteckningar-från.*\.xlsx” är en textfil, ingen Excel-arbetsbok\./);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const pdf = path.join(dir, 'budget.xlsx');
    await fs.writeFile(pdf, '%PDF-1.4\n%âãÏÓ\n1 0 obj\n');
    await page.getByTestId('file-input').setInputFiles(pdf);
    await expectText(page.getByTestId('notice'), /”budget\.xlsx” är en PDF-fil/);
    // The error of the previous workbook is still the one shown: the refused file changed nothing.
    await expectText(page.getByTestId('workbook-name'), /trasig\.xlsx/);
    await page.context().close();
  });

  test('accessibility: no serious axe-core violations; the pane works from the keyboard alone', async () => {
    const { page } = await openPane();
    // Keyboard: Tab to Beräkna and press Enter.
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'Beräkna'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');
    }
    expect(focused).toBe('Beräkna');
    await page.keyboard.press('Enter');
    await page.getByTestId('year-2024').waitFor();
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    // With the summary's charts drawn (they come after the result).
    await page.getByTestId('chart-equity').locator('svg').first().waitFor();
    const result = await page.evaluate<{ violations: AxeViolation[] }>('axe.run(document, { resultTypes: ["violations"] })');
    expect(seriousViolations(result.violations)).toEqual([]);
    await page.context().close();
  });

  test('English when asked, and the same figures; input errors in English too', async () => {
    const { page } = await openPane('?lang=en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    await expectText(page.getByTestId('year-2024'), /Result\s*1\u00a0538\u00a0000\u00a0kr/);
    await expectText(page.getByTestId('year-2024'), /699\u00a0000\u00a0kr above the cap of 2\u00a0700\u00a0000\u00a0kr/);
    await expectText(page.getByTestId('checks'), /Maximum equity · 2024/);
    await expectText(page.getByTestId('outcome'), /^Computed and written at \d\d:\d\d$/);
    // The room in English; 2025's binding month is in 2026 (the decision room's window), so it carries its year.
    await expectText(
      page.getByTestId('year-2025'),
      /Room for new grants 2025: 2\u00a0120\u00a0825\u00a0kr — limited by Decision room in June 2026/,
    );
    await expectText(page.getByTestId('scenarios'), /Scenarios[\s\S]*Base budget[\s\S]*Full statlig tilldelning/);
    // A scenario's error in English still names the scenario and the cell it changed.
    const badScenario = await exampleFile(dir, 'bad-scenario.xlsx', (s) =>
      s.push(scenariosTemplateSheet([['Fel', 'År', 2025, 'Medlemsavgifter', 'mycket']])),
    );
    await page.getByTestId('file-input').setInputFiles(badScenario);
    await expectText(page.getByTestId('errors'), /Scenarier!E2.*Scenario "Fel" \(År!B3\): "mycket" is not a number/s);
    const broken = await exampleFile(dir, 'broken.xlsx', (s) => (sheetOf(s, 'År').rows[2]![1] = 'sexton miljoner'));
    await page.getByTestId('file-input').setInputFiles(broken);
    await expectText(page.getByTestId('errors'), /År!B3.*"sexton miljoner" is not a number/s);
    await expectText(page.getByTestId('outcome'), /^Nothing written: one input error \(\d\d:\d\d\)$/);
    expect(await page.getByTestId('year-2024').count()).toBe(0); // the previous figures are gone
    await page.context().close();
  });

  test('Visa bara avvikelser: only the checks that are not met or warn, grouped by goal', async () => {
    const { page } = await openPane();
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const checks = page.getByTestId('checks');
    await checks.waitFor();
    const allGroups = await checks.locator('[data-testid^="group-"]').count();
    expect(await checks.getByText('Treårsplan', { exact: true }).count()).toBe(1);
    await page.getByRole('switch', { name: 'Visa bara avvikelser' }).click();
    await expectText(checks, /Högsta eget kapital/);
    expect(await checks.getByText('Treårsplan', { exact: true }).count()).toBe(0);
    expect(await checks.locator('[data-testid^="group-"]').count()).toBeLessThan(allGroups);
    const badges = await checks.locator('li').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.filter((b) => /^OK/.test(b))).toEqual([]);
    await page.getByRole('heading', { name: 'Kontroller' }).evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-checks-filtered.png') });
    await page.context().close();
  });

  test('with office.js present outside Office (Office.onReady without a host) the preview still runs', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    await page.route('**/appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: 'window.Office={HostType:{Excel:"Excel"},onReady:function(){return Promise.resolve({host:null,platform:null});}};',
      }),
    );
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await expectText(page.getByTestId('year-2024'), /1\u00a0538\u00a0000/);
    await context.close();
  });
});

async function expectText(
  locator: { innerText: () => Promise<string>; waitFor: () => Promise<void> },
  pattern: RegExp,
): Promise<void> {
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
