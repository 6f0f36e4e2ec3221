/**
 * The real task pane in Chromium as it runs inside Excel: office.js is replaced by a fake Office/Excel
 * (test/browser/fakeExcel.js) over an in-memory copy of the bundled example.
 */
import { promises as fs, existsSync } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import * as ts from 'typescript';
import { exampleSheets } from '../../src/workbook/example';
import { scenariosTemplateSheet } from '../../src/workbook/sheets/scenarios';
import { ALWAYS_OUTPUT_SHEET_NAMES, ownerMarkName } from '../../src/workbook/schema';
import { ARTIFACTS, CHROMIUM_ARGS, DIST, requireChromium, serve } from '../helpers/browser';

const executablePath = requireChromium();
const describeBrowser = executablePath ? describe : describe.skip;

const serial = (d: Date) => d.getTime() / 86400000 + 25569;

interface FakeOptions {
  displayLanguage?: string;
  empty?: boolean;
  /** Office.onReady answers only after this long (a slow Office start). */
  onReadyDelayMs?: number;
  /** A sheet of the user's own besides the input. */
  notes?: boolean;
  /** The ExcelApi version the fake supports (default: the fake's). */
  apiVersion?: string;
  /** `Office.context.officeTheme`. */
  officeTheme?: { isDarkTheme: boolean; bodyBackgroundColor: string };
  /** The template's `Scenarier` sheet (Full statlig tilldelning) besides the input. */
  scenarios?: boolean;
}

function fakeWorkbook({
  displayLanguage = 'sv-SE',
  empty = false,
  onReadyDelayMs = 0,
  notes = false,
  apiVersion,
  scenarios = false,
}: FakeOptions = {}) {
  const sheets: Record<string, { values: unknown[][] }> = {};
  if (empty) sheets['Blad1'] = { values: [] };
  else
    exampleSheets().forEach((s) => {
      sheets[s.name] = { values: s.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : (v ?? '')))) };
    });
  if (notes) sheets['Mina anteckningar'] = { values: [['ring Eva']] };
  if (scenarios) sheets['Scenarier'] = { values: scenariosTemplateSheet().rows.map((r) => r.map((v) => v ?? '')) };
  return { sheets, displayLanguage, onReadyDelayMs, apiVersion };
}

/** test/fakeOffice.ts (the unit tests' fake Excel) as a browser script defining window.FakeOffice. */
async function fakeOfficeScript(): Promise<string> {
  const source = await fs.readFile(path.join(__dirname, '..', 'fakeOffice.ts'), 'utf8');
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  return `(function(){var exports={};var module={exports:exports};\n${js}\nwindow.FakeOffice=exports;})();`;
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

  async function open(options: FakeOptions = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    const script = (await fakeOfficeScript()) + '\n' + (await fs.readFile(fakeScript, 'utf8'));
    await page.route('**/appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body:
          `window.__FAKE_WORKBOOK__=${JSON.stringify(fakeWorkbook(options))};\n${script}` +
          (options.officeTheme ? `\nwindow.Office.context.officeTheme=${JSON.stringify(options.officeTheme)};` : ''),
      }),
    );
    await page.goto(`${server.url}taskpane.html`);
    await page.getByRole('button', { name: /^(Beräkna|Compute)$/ }).waitFor({ timeout: 20000 });
    return page;
  }

  const fake = <T>(page: Page, fn: string): Promise<T> => page.evaluate<T>(fn);

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
    expect(sheetNames).toEqual(expect.arrayContaining(ALWAYS_OUTPUT_SHEET_NAMES));
    expect(await fake<Record<string, string>>(page, 'window.__fake.names')).toMatchObject({
      [ownerMarkName('Budget')]: '=Budget!$A$1',
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

  test('an edit on the Scenarier sheet recomputes automatically: the comparison follows', async () => {
    const page = await open({ scenarios: true });
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const comparison = page.getByTestId('scenario-comparison');
    await comparison
      .getByText(/^6\u00a0538\u00a0000\u00a0kr/)
      .first()
      .waitFor();
    expect(await fake<string[]>(page, 'Object.keys(window.__fake.sheets)')).toContain('Scenariojämförelse');
    const syncs = await fake<number>(page, 'window.__fake.syncs');
    // 2024 in the scenario: 20 mkr instead of 21 — its result is 4 000 000 over the base's 1 538 000.
    await page.evaluate('window.__fake.edit("Scenarier", 1, 4, 20000000)');
    await comparison
      .getByText(/^5\u00a0538\u00a0000\u00a0kr/)
      .first()
      .waitFor({ timeout: 5000 });
    expect(await comparison.innerText()).toMatch(/\+4\u00a0000\u00a0000\u00a0kr/);
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(syncs + 2);
    const written = await fake<unknown[]>(
      page,
      'window.__fake.sheets["Scenariojämförelse"].values.find(r => r && r[0] === "Årets resultat")',
    );
    expect(written.slice(0, 4)).toEqual(['Årets resultat', 1538000, 5538000, 4000000]);
    await page.context().close();
  });

  test('Visa cell selects the cell in Excel; an input error is shown with Gå till cell', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const liquidity = page.getByTestId('group-liquidity');
    if ((await liquidity.evaluate((e) => e.tagName)) === 'DETAILS') await liquidity.locator('summary').click();
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

  test('an empty workbook says what to do and offers Skapa mall; after it the figures are computed, then it refuses to add it again', async () => {
    const page = await open({ empty: true });
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const empty = page.getByTestId('empty');
    await empty.waitFor(); // nothing to compute yet: the required sheets are missing
    expect(await empty.innerText()).toMatch(/Arbetsboken har inget underlag än[\s\S]*Tryck Skapa mall/);
    expect(await page.getByRole('button', { name: /Gå till cell/ }).count()).toBe(0); // no useless buttons
    expect(await page.getByTestId('errors').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-excel-empty.png'), fullPage: true });
    await page.getByRole('button', { name: 'Skapa mall' }).click();
    // Automatic recompute runs after Skapa mall: the figures without pressing Beräkna.
    await page
      .getByTestId('year-2024')
      .getByText(/^1\u00a0538\u00a0000\u00a0kr$/)
      .waitFor();
    await page.getByText(/Underlaget med exemplet är tillagt och beräknat\./).waitFor();
    expect(await page.getByTestId('errors').count()).toBe(0);
    expect(await page.getByTestId('empty').count()).toBe(0);
    expect(await fake<string[]>(page, 'Object.keys(window.__fake.sheets)')).toEqual(
      expect.arrayContaining(['Blad1', ...exampleSheets().map((s) => s.name), ...ALWAYS_OUTPUT_SHEET_NAMES]),
    );
    const members = await fake<string>(page, 'JSON.stringify(window.__fake.sheets["Medlemmar"].values)');
    await page.getByRole('button', { name: 'Skapa mall' }).click();
    await page.getByText(/Mallen lades inte till: bladen .*Medlemmar.* finns redan\./).waitFor();
    expect(await fake<string>(page, 'JSON.stringify(window.__fake.sheets["Medlemmar"].values)')).toBe(members);
    await page.context().close();
  });

  test('phases are visible while a slow refresh runs; the result says when it was written', async () => {
    const page = await open();
    await page.waitForFunction('window.__fake.handlers.length === 1');
    await page.evaluate('window.__fake.excel.latencyMs = 900');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const phase = page.getByTestId('phase');
    await phase.getByText('Steg 1 av 3: Läser underlaget…').waitFor({ timeout: 5000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-excel-reading.png') });
    await phase
      .getByText('Steg 3 av 3: Skriver Sammanfattning, Budget och de andra beräknade bladen…')
      .waitFor({ timeout: 5000 });
    expect(await page.getByRole('button', { name: 'Beräknar…' }).isDisabled()).toBe(true);
    await page
      .getByTestId('outcome')
      .getByText(/^Beräknat och skrivet \d\d:\d\d$/)
      .waitFor({ timeout: 10000 });
    expect(await page.getByTestId('phase').count()).toBe(0);
    await page.context().close();
  });

  test('a failed refresh replaces the previous figures with its message (no prefix for Office’s own instructions)', async () => {
    const page = await open();
    await computed(page);
    // Every sync fails (the one-sync read falls back to the two-step read, which fails too).
    await page.evaluate('window.__fake.excel.failNextSyncs.push(...Array(6).fill("GeneralException"))');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const crash = page.getByTestId('crash');
    await crash.waitFor();
    expect(await crash.innerText()).not.toMatch(/^Något gick fel/);
    expect(await page.getByTestId('year-2024').count()).toBe(0);
    expect(await page.getByTestId('checks').count()).toBe(0);
    expect(await page.getByTestId('outcome').innerText()).toBe('Inget skrevs.');
    // The next good run replaces the message with figures.
    await page.evaluate('window.__fake.excel.failNextSyncs.length = 0');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    expect(await page.getByTestId('crash').count()).toBe(0);
    await page.context().close();
  });

  test('Office’s dark theme: the pane is dark', async () => {
    const page = await open({ officeTheme: { isDarkTheme: true, bodyBackgroundColor: '#262626' } });
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r! + g! + b!).toBeLessThan(200);
    const text = await page.getByRole('heading', { name: 'Finsam Budget' }).evaluate((e) => getComputedStyle(e).color);
    expect(
      (text.match(/\d+/g) ?? [])
        .map(Number)
        .slice(0, 3)
        .reduce((a, c) => a + c, 0),
    ).toBeGreaterThan(500);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-dark.png') });
    await page.context().close();
  });

  test('an Excel without ExcelApi 1.7: says so and Beräkna is disabled; 1.7 without 1.9: a note, Beräkna works', async () => {
    const old = await open({ apiVersion: '1.6' });
    await old.getByTestId('feature').waitFor();
    expect(await old.getByRole('button', { name: 'Beräkna', exact: true }).isDisabled()).toBe(true);
    await old.context().close();
    const page = await open({ apiVersion: '1.7' });
    await page.getByTestId('feature').waitFor();
    expect(await page.getByRole('button', { name: 'Beräkna', exact: true }).isDisabled()).toBe(false);
    await page.context().close();
  });

  test('English when Office’s display language is not Swedish: <html lang>, figures and input errors', async () => {
    const page = await open({ displayLanguage: 'en-US' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    expect(await page.getByTestId('year-2024').innerText()).toMatch(/Result\s*1\u00a0538\u00a0000/);
    await page.evaluate('window.__fake.edit("Medlemmar", 5, 2, -3)');
    await page.getByTestId('errors').waitFor();
    expect(await page.getByTestId('errors').innerText()).toMatch(/Medlemmar!C6[\s\S]*negative/i);
    expect(await page.getByTestId('errors').innerText()).not.toMatch(/negativt/);
    await page.context().close();
  });

  /** Compute once and wait for the figures and the change handler. */
  async function computed(page: Page): Promise<void> {
    await page.waitForFunction('window.__fake.handlers.length === 1');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
  }

  test('Beräkna while the user is typing in a cell: Excel holds the batch, it completes when the edit ends', async () => {
    const page = await open();
    await page.waitForFunction('window.__fake.handlers.length === 1');
    await page.evaluate('window.__fake.startCellEdit()');
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.waitForTimeout(700);
    expect(await fake<string[]>(page, 'Object.keys(window.__fake.sheets)')).not.toContain('Budget');
    expect(await page.getByText(/cell-editing mode|InvalidOperationInCellEditMode/).count()).toBe(0);
    await page.evaluate('window.__fake.endCellEdit()');
    await page.getByTestId('year-2024').waitFor({ timeout: 5000 });
    expect(await fake<string[]>(page, 'Object.keys(window.__fake.sheets)')).toEqual(
      expect.arrayContaining(ALWAYS_OUTPUT_SHEET_NAMES),
    );
    await page.context().close();
  });

  test('a protected output sheet: a Swedish message naming it, and no output sheet changed', async () => {
    const page = await open();
    await computed(page);
    await page.evaluate('window.__fake.protect("Balansplan")');
    const outputs = `JSON.stringify(${JSON.stringify(ALWAYS_OUTPUT_SHEET_NAMES)}.map(n => window.__fake.sheets[n].values))`;
    const before = await fake<string>(page, outputs);
    // The ekonom changes 2024's contributions: the recompute has something to write, and must refuse.
    await page.evaluate('window.__fake.edit("År", 1, 1, 15000000)');
    await page.getByText(/Bladet ”Balansplan” är skyddat, så ingenting har skrivits\./).waitFor({ timeout: 5000 });
    expect(await fake<string>(page, outputs)).toBe(before);
    await page.screenshot({ path: path.join(ARTIFACTS, 'pane-excel-protected.png'), fullPage: true });
    await page.context().close();
  });

  test('a co-author’s edit and an edit on the user’s own sheet do not make this pane write', async () => {
    const page = await open({ notes: true });
    await computed(page);
    const syncs = await fake<number>(page, 'window.__fake.syncs');
    await page.evaluate('window.__fake.edit("Medlemmar", 5, 2, 40000, "Remote")');
    await page.evaluate('window.__fake.edit("Mina anteckningar", 0, 0, "ring Eva i morgon")');
    await page.waitForTimeout(1200);
    expect(await fake<number>(page, 'window.__fake.syncs')).toBe(syncs);
    await page.context().close();
  });

  test('a co-author’s edit marks the outputs stale', async () => {
    const page = await open();
    await computed(page);
    await page.evaluate('window.__fake.edit("Medlemmar", 5, 2, 40000, "Remote")');
    await page.getByTestId('stale').waitFor({ timeout: 3000 });
    await page.context().close();
  });

  test('Office answering only after 8 s: Excel mode, not the standalone preview', async () => {
    const page = await open({ onReadyDelayMs: 8000 });
    expect(await page.getByText('Förhandsvisning utanför Excel').count()).toBe(0);
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    await page.getByTestId('year-2024').waitFor();
    expect(await fake<string[]>(page, 'Object.keys(window.__fake.sheets)')).toEqual(
      expect.arrayContaining(ALWAYS_OUTPUT_SHEET_NAMES),
    );
    await page.context().close();
  });
});
