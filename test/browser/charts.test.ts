/**
 * The summary's two charts in the pane (headless Chromium, the production build, the standalone
 * preview over the bundled example): both drawn after Beräkna, each a figure named by its title with
 * its figures as a table for screen readers, and their chunk fetched only once there is a result.
 */
import { promises as fs, existsSync } from 'fs';
import * as path from 'path';
import { Browser, chromium, Page } from 'playwright-core';
import { AxeViolation, seriousViolations } from '../helpers/axe';
import { ARTIFACTS, CHROMIUM_ARGS, DIST, requireChromium, serve } from '../helpers/browser';

const executablePath = requireChromium();
const describeBrowser = executablePath ? describe : describe.skip;
const nb = (s: string) => s.replace(/ /g, '\u00a0');

describeBrowser('the summary charts in the pane', () => {
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

  async function openPane(query = ''): Promise<{ page: Page; scripts: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) scripts.push(path.basename(new URL(r.url()).pathname));
    });
    await page.route('**/appsforoffice.microsoft.com/**', (route) => route.abort());
    await page.goto(`${server.url}taskpane.html${query}`);
    await page.getByRole('button', { name: /^(Beräkna|Compute)$/ }).waitFor({ timeout: 20000 });
    return { page, scripts, errors };
  }

  test('both charts and their text alternatives after Beräkna; the chart chunk only then', async () => {
    const { page, scripts, errors } = await openPane();
    expect(scripts.filter((s) => s.startsWith('charts.'))).toEqual([]);
    await page.getByRole('button', { name: 'Beräkna', exact: true }).click();
    const cash = page.getByRole('figure', { name: 'Kassa vid månadens slut och lägsta likviditet' });
    const equity = page.getByRole('figure', { name: 'Eget kapital vid årets slut och högsta eget kapital' });
    await cash.waitFor({ timeout: 20000 });
    await equity.waitFor();
    expect(scripts.filter((s) => s.startsWith('charts.'))).toHaveLength(1);
    // Drawn: an SVG with the lines of cash and the floor, and the bars of equity.
    await cash.locator('svg').first().waitFor();
    // The line chart draws a mark per month and series; the bar chart a bar per year.
    expect(await cash.locator('svg path').count()).toBeGreaterThanOrEqual(36);
    expect(await equity.locator('svg rect').count()).toBeGreaterThanOrEqual(3);
    const legends = (await page.getByTestId('summary-charts').innerText()).replace(/\s+/g, ' ');
    for (const legend of ['Kassa', 'Lägsta likviditet', 'Eget kapital', 'Högsta eget kapital']) expect(legends).toContain(legend);
    // The text alternatives: every month's cash and the floor; each year's equity and the cap.
    const cashTable = page.getByTestId('chart-cash-table');
    const cashRows = await cashTable.locator('tbody tr').allInnerTexts();
    expect(cashRows).toHaveLength(36);
    expect(cashRows[0]!.split('\t')).toEqual(['januari 2024', nb('5 294 833 kr'), nb('500 000 kr')]);
    expect(cashRows[35]!.split('\t')).toEqual(['december 2026', nb('4 020 825 kr'), nb('500 000 kr')]);
    expect(await cashTable.locator('caption').innerText()).toContain('Kassa vid månadens slut och lägsta likviditet');
    const equityRows = await page.getByTestId('chart-equity-table').locator('tbody tr').allInnerTexts();
    expect(equityRows.map((r) => r.split('\t'))).toEqual([
      ['2024', nb('3 399 000 kr'), nb('2 700 000 kr')],
      ['2025', nb('3 595 835 kr'), nb('2 700 000 kr')],
      ['2026', nb('3 381 825 kr'), nb('2 700 000 kr')],
    ]);
    // The tables are for screen readers: not visible, but in the accessibility tree.
    expect(await cashTable.evaluate((t) => t.parentElement!.getBoundingClientRect().width)).toBeLessThanOrEqual(1);
    expect(await page.getByRole('table', { name: /Eget kapital vid årets slut/ }).count()).toBe(1);
    // The charts fit the 320 px pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate<{ violations: AxeViolation[] }>(
      'axe.run(document.querySelector("[data-testid=summary-charts]"), { resultTypes: ["violations"] })',
    );
    expect(seriousViolations(result.violations)).toEqual([]);
    await page.getByTestId('summary-charts').scrollIntoViewIfNeeded();
    await page.getByTestId('summary-charts').screenshot({ path: path.join(ARTIFACTS, 'pane-charts.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('in English: the titles, legends and tables in English, the same figures', async () => {
    const { page } = await openPane('?lang=en');
    await page.getByRole('button', { name: 'Compute', exact: true }).click();
    const cash = page.getByRole('figure', { name: 'Cash at month end and the liquidity floor' });
    await cash.waitFor({ timeout: 20000 });
    await page.getByRole('figure', { name: 'Equity at year end and the equity cap' }).waitFor();
    const rows = await page.getByTestId('chart-cash-table').locator('tbody tr').allInnerTexts();
    expect(rows[0]!.split('\t')[1]).toBe(nb('5 294 833 kr'));
    const headers = await page.getByTestId('chart-equity-table').locator('thead th').allInnerTexts();
    expect(headers).toEqual(['Year', 'Equity', 'Equity cap']);
    await page.context().close();
  });
});
