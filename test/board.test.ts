/** The board sheets' content: Sammanfattning, the seeds' layouts, Kontroller's links, tkr that add up. */
import ExcelJS from 'exceljs';
import { computePlan } from '../src/engine/plan';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets, TemplateSheet } from '../src/workbook/example';
import { OutCell, OutputSheet, parseA1 } from '../src/workbook/grid';
import { computeFromSnapshot } from '../src/workbook/refresh';
import { renderPlan } from '../src/workbook/render';
import { KOMMUNER_2018, kommun, planInput, region, state, year } from './helpers/input';

async function refreshed(mutate: (s: TemplateSheet[]) => void = () => undefined) {
  const sheets = exampleSheets();
  mutate(sheets);
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, sheets);
  const computed = computeFromSnapshot(await new XlsxHost(wb).read());
  if (!computed.sheets.length) throw new Error('no sheets');
  return computed;
}
const byName = (sheets: OutputSheet[], name: string) => sheets.find((s) => s.name === name)!;
/** The row whose first cell is `label`, as values. */
const row = (s: OutputSheet, label: string): (OutCell['v'] | undefined)[] => {
  const r = s.rows.find((x) => x[0]?.v === label);
  if (!r) throw new Error(`no row ${label} on ${s.name}`);
  return r.map((c) => c.v);
};
const unitTkr = (s: TemplateSheet[]) => {
  const settings = s.find((x) => x.name === 'Inställningar')!;
  settings.rows.find((r) => r[0] === 'Enhet')![1] = 'tkr';
};

describe('Sammanfattning of the bundled example (the 2024 plan)', () => {
  test('first and active; income 18 000 000, costs −16 462 000, result 1 538 000', async () => {
    const { sheets } = await refreshed();
    expect(sheets[0]!.name).toBe('Sammanfattning');
    expect(sheets[0]!.active).toBe(true);
    const s = sheets[0]!;
    expect(row(s, 'Summa intäkter')[1]).toBe(18_000_000);
    expect(row(s, 'Summa kostnader')[1]).toBe(-16_462_000);
    expect(row(s, 'Årets resultat')[1]).toBe(1_538_000);
    expect(row(s, 'Sikta mot arbetslivet (Samordningsförbundet)')[1]).toBe(-9_000_000);
    expect(s.charts?.map((c) => c.kind)).toEqual(['line', 'column']);
    for (const c of s.charts!) {
      expect(c.altText.length).toBeGreaterThan(40);
      // Each series range holds numbers on this sheet.
      for (const ser of c.series) {
        const [from, to] = ser.values.split(':').map((r) => parseA1(r));
        for (let r = from!.row; r <= to!.row; r++) expect(typeof s.rows[r]![from!.col]!.v).toBe('number');
      }
    }
  });

  test('every output sheet has a print setup: fitted to one page wide, header rows repeated, page numbers', async () => {
    const { sheets } = await refreshed();
    for (const s of sheets) {
      expect(s.print).toMatchObject({ fitToWidth: true, repeatRows: 3 });
      expect(s.print!.footer.center).toContain('&P av &N');
      expect(s.print!.header.center).toBe(s.name);
    }
    expect(byName(sheets, 'Budget').print!.orientation).toBe('portrait');
    expect(byName(sheets, 'Budget').widths.length).toBe(4);
  });

  test('the header in Excel header syntax: the förbund literal (its & doubled), the date and pages as codes', async () => {
    const { sheets } = await refreshed((s) => {
      s.find((x) => x.name === 'Inställningar')!.rows.find((r) => r[0] === 'Förbund')![1] = 'RAR & Sörmland';
    });
    for (const s of sheets) {
      expect(s.print!.header).toEqual({ left: 'RAR && Sörmland', center: s.name, right: '&D' });
      expect(s.print!.footer.center).toBe('Sida &P av &N');
    }
  });

  test('Sammanfattning prints the statement and both charts on one page; Fördelning one year a page', async () => {
    const { sheets } = await refreshed();
    const summary = byName(sheets, 'Sammanfattning');
    const charts = summary.charts!;
    // Both charts under the statement, side by side within its four columns; the area ends with them.
    expect(charts.map((c) => [c.anchor.col, c.anchor.col + c.anchor.cols])).toEqual([
      [0, 1],
      [1, 4],
    ]);
    expect(charts[0]!.anchor.row).toBe(charts[1]!.anchor.row);
    expect(summary.print).toMatchObject({ onePage: true, area: `A1:D${charts[0]!.anchor.row + charts[0]!.anchor.rows}` });
    // No statement cell below the charts' top within columns A–D.
    for (const r of summary.rows.slice(charts[0]!.anchor.row)) expect(r.slice(0, 4).every((c) => c.v === null)).toBe(true);
    const split = byName(sheets, 'Fördelning');
    const yearRows = split.rows.map((r, i) => (typeof r[0]?.v === 'number' && r.length === 1 ? i : -1)).filter((i) => i >= 0);
    expect(yearRows.map((i) => split.rows[i]![0]!.v)).toEqual([2024, 2025, 2026]);
    expect(split.print!.rowBreaks).toEqual(yearRows.slice(1));
  });
});

describe('Kontroller', () => {
  test("each check's link points at a cell holding the check's value; statuses coloured, with the word", async () => {
    const { sheets } = await refreshed();
    const checks = byName(sheets, 'Kontroller');
    let linked = 0;
    for (const r of checks.rows.slice(3)) {
      const link = r[7]?.link;
      if (!link || link.startsWith('Inställningar')) continue;
      const m = /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]+\d+)$/.exec(link)!;
      const sheet = byName(sheets, (m[1] ?? m[2]!).replace(/''/g, "'"));
      const at = parseA1(m[3]!);
      const value = r[4]!.v;
      if (typeof value === 'number') {
        expect(sheet.rows[at.row]![at.col]!.v).toBe(value);
        linked++;
      }
      expect(r[3]!.fill).toMatch(/^(C6EFCE|FFEB9C|FFC7CE)$/);
      expect(r[3]!.v).toMatch(/^(OK|Varning|Ej uppfyllt)$/);
    }
    expect(linked).toBeGreaterThan(10);
  });
});

describe('Fördelning reads like the 2018 table (seed 002)', () => {
  test('nine kommuner, shares 3,04 % … 37,29 %, 121 409 … 1 491 665 kr, quarters that add up', () => {
    const input = planInput({
      years: [year(2018, 16_000_000)],
      members: [state(), region('Landstinget Sörmland'), ...KOMMUNER_2018.map(([n, p]) => kommun(n, p))],
    });
    const split = byName(renderPlan(computePlan(input)).sheets, 'Fördelning');
    for (const [name, , amount] of KOMMUNER_2018) {
      const r = row(split, name);
      expect(r[3]).toBe(amount);
      const quarters = r.slice(4, 8) as number[];
      expect(quarters.reduce((a, b) => a + b, 0)).toBe(amount);
    }
    expect(Math.round((row(split, 'Vingåker')[2] as number) * 10_000)).toBe(304);
    expect(Math.round((row(split, 'Eskilstuna')[2] as number) * 10_000)).toBe(3729);
    expect(row(split, 'Summa kommuner').slice(1, 8)).toEqual([168_456, 1, 4_000_000, 1_000_000, 1_000_000, 1_000_000, 1_000_000]);
    expect(row(split, 'Regionen')[3]).toBe(4_000_000);
    expect(row(split, 'Staten')[3]).toBe(8_000_000);
    expect(row(split, 'Totalt').slice(3, 8)).toEqual([16_000_000, 4_000_000, 4_000_000, 4_000_000, 4_000_000]);
    // One block per year: the year stands once, above its block.
    expect(split.rows.filter((r) => r[0]?.v === 2018).length).toBe(1);
  });
});

describe('Enhet tkr', () => {
  test('Budget, Balansplan and Sammanfattning agree and add up in tkr, with the footnote', async () => {
    const { sheets } = await refreshed(unitTkr);
    const budget = byName(sheets, 'Budget');
    const balance = byName(sheets, 'Balansplan');
    const summary = byName(sheets, 'Sammanfattning');
    expect(budget.rows[0]![0]!.v).toContain('(tkr)');
    expect(row(summary, 'Årets resultat').slice(1, 4)).toEqual(row(budget, 'Årets resultat').slice(1, 4));
    expect(row(balance, 'Eget kapital').slice(2, 5)).toEqual(row(budget, 'Eget kapital vid årets slut').slice(1, 4));
    expect(row(balance, '– därav årets resultat').slice(2, 5)).toEqual(row(budget, 'Årets resultat').slice(1, 4));
    expect(row(budget, 'Summa intäkter')[1]).toBe(18_000);
    expect(row(budget, 'Årets resultat')[1]).toBe(1_538);
    for (let c = 1; c <= 4; c++) {
      const v = (l: string) => row(balance, l)[c] as number;
      expect(v('Anläggningstillgångar') + v('Summa omsättningstillgångar')).toBe(v('Summa tillgångar'));
      expect(v('Fordringar') + v('Kassa och bank')).toBe(v('Summa omsättningstillgångar'));
      expect(v('Eget kapital') + v('Summa skulder')).toBe(v('Summa eget kapital, avsättningar och skulder'));
    }
    for (const s of [budget, balance, summary, byName(sheets, 'Insatser per år')])
      expect(s.rows.some((r) => r[0]?.v === 'Beloppen är avrundade till tkr så att summorna stämmer.')).toBe(true);
    expect(byName(sheets, 'Fördelning').rows[0]![0]!.v).toContain('(kr)');
  });
});
