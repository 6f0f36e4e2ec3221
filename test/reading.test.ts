/** The ExcelJS reader (readGrid, plainValue) and the parser's use of what it fills in. */
import ExcelJS from 'exceljs';
import { addTemplateSheets, plainValue, readGrid, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets } from '../src/workbook/example';
import { sameSheetName } from '../src/workbook/grid';
import { computeFromSnapshot } from '../src/workbook/refresh';

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return back;
}

describe('plainValue', () => {
  test('rich text, hyperlinks with rich text, formulas, errors: their text, never [object Object]', () => {
    expect(plainValue({ richText: [{ text: 'Eskil' }, { text: 'stuna' }] })).toBe('Eskilstuna');
    expect(plainValue({ text: { richText: [{ text: 'Fl' }, { text: 'en' }] }, hyperlink: 'https://x' })).toBe('Flen');
    expect(plainValue({ text: 'Trosa', hyperlink: 'https://x' })).toBe('Trosa');
    expect(plainValue({ formula: 'A1', result: 5 })).toBe(5);
    expect(plainValue({ formula: 'A1' })).toBeNull();
    expect(plainValue({ error: '#N/A' })).toBe('#N/A');
    expect(plainValue({ something: 1 })).toBe('');
  });
});

describe('readGrid', () => {
  test('lists formulas without a cached value and the totals rows of tables', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Medlemmar');
    ws.addTable({
      name: 'Medlemmar',
      ref: 'A1',
      headerRow: true,
      totalsRow: true,
      columns: [{ name: 'Medlem', totalsRowLabel: 'Alla' }, { name: 'Part' }, { name: 'Invånare', totalsRowFunction: 'sum' }],
      rows: [
        ['A', 'Kommun', 10],
        ['B', 'Kommun', 20],
      ],
    });
    ws.getCell('E2').value = { formula: 'C2*2', date1904: false };
    ws.getCell('E3').value = { formula: 'C3*2', result: 40, date1904: false };
    const grid = readGrid((await roundTrip(wb)).getWorksheet('Medlemmar')!);
    expect(grid.totalsRows).toEqual([3]);
    expect(grid.formulasWithoutValue).toEqual(
      expect.arrayContaining([
        { row: 1, col: 4 },
        { row: 3, col: 2 },
      ]),
    );
    expect(grid.formulasWithoutValue).not.toContainEqual({ row: 2, col: 4 });
    expect(grid.values[3]![0]).toBe('Alla');
  });
});

describe('the parser with what the reader fills in', () => {
  async function snapshot() {
    const wb = new ExcelJS.Workbook();
    addTemplateSheets(wb, exampleSheets());
    return new XlsxHost(wb).read();
  }

  test("a table's totals row is a sum row whatever its label says: checked, never a member", async () => {
    const snap = await snapshot();
    const members = snap.inputs.find((g) => g.name === 'Medlemmar')!;
    members.values.push(['Alla kommuner', null, 168456, null]);
    members.totalsRows = [members.values.length - 1];
    const ok = computeFromSnapshot(snap);
    expect(ok.errors).toEqual([]);
    expect(ok.plan!.input.members.map((m) => m.name)).not.toContain('Alla kommuner');
    members.values[members.values.length - 1]![2] = 1;
    expect(computeFromSnapshot(snap).errors).toEqual([
      expect.objectContaining({ sheet: 'Medlemmar', cell: 'C14', code: 'sumRowMismatch' }),
    ]);
  });

  test('a totals row whose formula has no cached value is skipped, not an error', async () => {
    const snap = await snapshot();
    const members = snap.inputs.find((g) => g.name === 'Medlemmar')!;
    members.values.push(['Summa', null, null, null]);
    members.totalsRows = [members.values.length - 1];
    members.formulasWithoutValue = [{ row: members.values.length - 1, col: 2 }];
    expect(computeFromSnapshot(snap).errors).toEqual([]);
  });

  test('a row of formulas without values is not the end of the records', async () => {
    const snap = await snapshot();
    const years = snap.inputs.find((g) => g.name === 'År')!;
    years.values[2] = years.values[2]!.map(() => null);
    years.formulasWithoutValue = years.values[2].map((_, col) => ({ row: 2, col }));
    // The row is read (the year after it too): its year cell is the error, and nothing else is
    // reported (no "missing year" knock-on, no default for the other cells).
    const errors = computeFromSnapshot(snap).errors;
    expect(errors.map((e) => `${e.cell}:${e.code}`)).toEqual(['A3:formulaWithoutValue']);
  });

  test('sheet names: NFC, case and surrounding spaces ignored', () => {
    expect(sameSheetName('År'.normalize('NFD'), 'år ')).toBe(true);
    expect(sameSheetName('Medlemmar\u00a0', 'MEDLEMMAR')).toBe(true);
    expect(sameSheetName('Medlemmar2', 'Medlemmar')).toBe(false);
  });
});
