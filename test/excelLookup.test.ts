/**
 * The Excel host finds sheets as the contract's reading rules say (NFC, case and surrounding spaces
 * ignored; two sheets for one name are an input error) and reads Excel tables' totals rows as sum rows,
 * as the .xlsx readers do — against the fake Office.js (test/fakeOffice.ts), in a fixed number of syncs.
 */
import ExcelJS from 'exceljs';
import { ExcelHost, officeExcel } from '../src/hosts/excel/excelHost';
import { PackageHost } from '../src/hosts/xlsx/package/packageHost';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets } from '../src/workbook/example';
import type { CellValue, WorkbookSnapshot } from '../src/workbook/grid';
import { computeFromSnapshot, refresh } from '../src/workbook/refresh';
import { OUTPUT_SHEET_NAMES } from '../src/workbook/schema';
import { FakeExcel } from './fakeOffice';
import { exampleExcel } from './fakeOfficeWorkbooks';

const hostOf = (excel: FakeExcel) => new ExcelHost(officeExcel(excel.Excel as never));
const allValues = (excel: FakeExcel) =>
  Object.fromEntries(excel.sheets.map((s) => [s.name, JSON.stringify(excel.valuesOf(s.name))]));

describe('Excel host: sheets found as the contract says', () => {
  test.each([
    ['case and surrounding spaces', 'Medlemmar', ' MEDLEMMAR '],
    ['Unicode NFD', 'Inställningar', 'Inställningar'.normalize('NFD')],
    ['a no-break space after the name', 'År', 'År\u00a0'],
  ])('%s: the sheet is read, the outputs written, in three round trips', async (_label, from, to) => {
    const excel = exampleExcel();
    const reference = await refresh(hostOf(exampleExcel()));
    excel.renameSheet(from, to);
    const before = excel.valuesOf(to);
    const r = await refresh(hostOf(excel));
    expect(r.errors).toEqual([]);
    expect(r.written).toBe(true);
    expect(JSON.stringify(r.json().budget)).toBe(JSON.stringify(reference.json().budget));
    // The first read finds no sheet under the contract's name; the second loads the one that matches.
    expect(excel.syncs).toBe(3);
    expect(excel.valuesOf(to)).toEqual(before);
  });

  test('two sheets matching one name: the ambiguousSheet error naming both, nothing written', async () => {
    const excel = exampleExcel();
    const rows = exampleSheets().find((s) => s.name === 'Medlemmar')!.rows as unknown[][];
    excel.addSheet('Medlemmar ', rows);
    const before = allValues(excel);
    const r = await refresh(hostOf(excel));
    expect(r.written).toBe(false);
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'ambiguousSheet', params: { sheet: 'Medlemmar', sheets: ['Medlemmar', 'Medlemmar '] } }),
    ]);
    expect(allValues(excel)).toEqual(before);
    for (const name of OUTPUT_SHEET_NAMES) expect(excel.sheet(name)).toBeUndefined();
  });

  test("an output sheet's name with spaces around it, not made by the tool: refused, nothing written", async () => {
    const excel = exampleExcel();
    excel.addSheet(' budget', [['min egen budget']]);
    const before = allValues(excel);
    const r = await refresh(hostOf(excel));
    expect(r.written).toBe(false);
    expect(r.errors.map((e) => e.sheet)).toContain(' budget');
    expect(allValues(excel)).toEqual(before);
  });

  test('an output sheet the tool made, renamed with other case and a space: rewritten in place', async () => {
    const excel = exampleExcel();
    await refresh(hostOf(excel));
    excel.renameSheet('Budget', 'BUDGET ');
    excel.sheet('BUDGET ')!.values[0]![0] = 'gammalt';
    const r = await refresh(hostOf(excel));
    expect(r.errors).toEqual([]);
    expect(excel.sheets.filter((s) => s.name.trim().toLowerCase() === 'budget')).toHaveLength(1);
    expect(excel.valuesOf('BUDGET ')[0]![0]).not.toBe('gammalt');
  });

  test('Skapa mall: a sheet matching a template sheet only after normalisation is a clash, nothing added', async () => {
    const excel = new FakeExcel();
    excel.addSheet(' medlemmar', [['mina medlemmar']]);
    expect(await hostOf(excel).addTemplate(exampleSheets())).toEqual([' medlemmar']);
    expect(excel.sheets.map((s) => s.name)).toEqual([' medlemmar']);
  });

  test('with every name as the contract spells it the read stays one round trip', async () => {
    const excel = exampleExcel();
    await hostOf(excel).read();
    expect(excel.syncs).toBe(1);
  });
});

/** The example as an .xlsx file whose `Medlemmar` is an Excel table with a totals row (ExcelJS). */
async function exampleWithTable(totalsLabel: string, total: number | null): Promise<{ bytes: Uint8Array; ref: string }> {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(
    wb,
    exampleSheets().filter((s) => s.name !== 'Medlemmar'),
  );
  const members = exampleSheets().find((s) => s.name === 'Medlemmar')!.rows as unknown[][];
  const ws = wb.addWorksheet('Medlemmar');
  const [header, ...rows] = members;
  ws.addTable({
    name: 'Medlemstabell',
    ref: 'A1',
    headerRow: true,
    totalsRow: true,
    columns: (header as string[]).map((name, i) =>
      i === 0 ? { name, totalsRowLabel: totalsLabel } : i === 2 ? { name, totalsRowFunction: 'sum' } : { name },
    ),
    rows: rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v))),
  });
  // A file written by a program that calculates: the totals cell holds its value.
  const totalRow = rows.length + 2;
  ws.getCell(`C${totalRow}`).value = {
    formula: `SUBTOTAL(109,Medlemstabell[Invånare])`,
    result: total ?? undefined,
  };
  const ref = `A1:${String.fromCharCode(64 + (header as unknown[]).length)}${totalRow}`;
  return { bytes: new Uint8Array(await wb.xlsx.writeBuffer()), ref };
}

/** The same workbook in the fake Excel: every sheet's values and the table, as Excel would hold them. */
function fakeOf(snapshot: WorkbookSnapshot, ref: string): FakeExcel {
  const excel = new FakeExcel();
  for (const g of snapshot.inputs) {
    const rows: CellValue[][] = [];
    g.values.forEach((r, i) => (rows[g.rowOffset + i] = [...new Array<CellValue>(g.colOffset).fill(null), ...r]));
    excel.addSheet(
      g.name,
      Array.from(rows, (r) => r ?? []),
    );
  }
  excel.addTable('Medlemmar', ref, { name: 'Medlemstabell', showTotals: true });
  return excel;
}

describe('Excel tables: the totals row is a sum row, in Excel as in the .xlsx readers', () => {
  const kommuner = () =>
    (exampleSheets().find((s) => s.name === 'Medlemmar')!.rows as unknown[][])
      .filter((r) => r[1] === 'Kommun')
      .reduce((n, r) => n + Number(r[2]), 0);

  test('the same totals rows through the Excel host, the package reader and ExcelJS; the members the same', async () => {
    const { bytes, ref } = await exampleWithTable('Alla', kommuner());
    const pkg = await (await PackageHost.open(bytes)).read();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const exceljs = await new XlsxHost(wb).read();
    const excel = fakeOf(pkg, ref);
    const office = await hostOf(excel).read();
    const totals = (s: WorkbookSnapshot) => s.inputs.find((g) => g.name === 'Medlemmar')!.totalsRows;
    const row = Number(/\d+$/.exec(ref)![0]) - 1;
    expect(totals(pkg)).toEqual([row]);
    expect(totals(exceljs)).toEqual([row]);
    expect(totals(office)).toEqual([row]);
    // One more round trip for the table's range, only because a table shows a totals row.
    expect(excel.syncs).toBe(2);
    const members = (s: WorkbookSnapshot) => {
      const r = computeFromSnapshot(s);
      expect(r.errors).toEqual([]);
      return r.plan!.input.members.map((m) => m.name);
    };
    expect(members(office)).toEqual(members(pkg));
    expect(members(office)).not.toContain('Alla');
  });

  test('a totals row that does not add up: the sum row error on its cell, in both hosts', async () => {
    const { bytes, ref } = await exampleWithTable('Alla', kommuner() + 1);
    const pkg = await (await PackageHost.open(bytes)).read();
    const office = await hostOf(fakeOf(pkg, ref)).read();
    const codes = (s: WorkbookSnapshot) => computeFromSnapshot(s).errors.map((e) => `${e.sheet}!${e.cell}:${e.code}`);
    const cell = `Medlemmar!C${/\d+$/.exec(ref)![0]}:sumRowMismatch`;
    expect(codes(pkg)).toEqual([cell]);
    expect(codes(office)).toEqual([cell]);
  });

  test("a table without a totals row, or one on the user's own sheet: nothing extra read, no totals rows", async () => {
    const excel = exampleExcel();
    excel.addTable('Medlemmar', 'A1:D13', { showTotals: false });
    excel.addSheet('Mina tabeller', [
      ['Sak', 'Kr'],
      ['a', 1],
      ['Summa', 1],
    ]);
    excel.addTable('Mina tabeller', 'A1:B3', { showTotals: true });
    const snap = await hostOf(excel).read();
    expect(excel.syncs).toBe(1);
    expect(snap.inputs.find((g) => g.name === 'Medlemmar')!.totalsRows).toBeUndefined();
  });
});
