/** PackageHost: marks that cannot be forged by accident, input sheets found as the contract says. */
import ExcelJS from 'exceljs';
import { markTarget, NotOwnedError, PackageHost, XlsxPackage } from '../src/hosts/xlsx/package';
import { addTemplateSheets } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets } from '../src/workbook/example';
import type { OutputSheet } from '../src/workbook/grid';
import { refresh } from '../src/workbook/refresh';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const budget: OutputSheet = { name: 'Budget', rows: [[{ v: 'Ny budget', bold: true }]], widths: [20], freezeRows: 1 };

describe('PackageHost', () => {
  it('reads the input sheets (NFC, spaces, case; hidden ones too) and nothing else', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Medlemmar', { state: 'hidden' }).getCell('A1').value = 'gammal';
      wb.addWorksheet('medlemmar ').getCell('A1').value = 'ny';
      wb.addWorksheet('A\u030Ar').getCell('A1').value = 'År i NFD';
      wb.addWorksheet('Annat').getCell('A1').value = 'x';
    });
    const host = await PackageHost.open(bytes);
    const snap = await host.read();
    expect(snap.inputs.map((g) => [g.name, g.values[0]![0]])).toEqual([
      ['Medlemmar', 'gammal'],
      ['medlemmar ', 'ny'],
      ['A\u030Ar', 'År i NFD'],
    ]);
    expect(snap.sheetNames).toHaveLength(4);
    expect(snap.ownedSheets).toEqual([]);
  });

  it('counts only the exact mark pointing at A1 of that sheet', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Budget').getCell('C5').value = 'användarens';
      wb.addWorksheet('Balansplan');
      wb.addWorksheet('Likviditet');
      wb.definedNames.add("'Budget'!$C$5", 'FinsamBudget_Summa'); // a user's name with our prefix
      wb.definedNames.add("'Budget'!$C$5", 'FinsamBudget_Budget'); // the right name, the wrong cell
      wb.definedNames.add("'Likviditet'!$A$1", 'FinsamBudget_Balansplan'); // points at another sheet
      wb.definedNames.add("'Likviditet'!$A$1", 'FinsamBudget_Likviditet');
    });
    const host = await PackageHost.open(bytes);
    expect((await host.read()).ownedSheets).toEqual(['Likviditet']);
    await expect(host.write([budget])).rejects.toBeInstanceOf(NotOwnedError);
    await host.write([{ ...budget, name: 'Likviditet' }]);
    const [g] = await (await XlsxPackage.open(host.result!)).readSheets(['Likviditet']);
    expect(g!.values).toEqual([['Ny budget']]);
  });

  it('repairs a mark left at #REF! by a deleted sheet, and marks what it writes', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Medlemmar');
      wb.definedNames.add("'Medlemmar'!$A$1", 'Tmp');
    });
    // Turn the name into a #REF! mark, as Excel leaves it when the sheet is deleted.
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const wbXml = (await zip.file('xl/workbook.xml')!.async('string')).replace(
      /<definedName name="Tmp">[^<]*</,
      '<definedName name="FinsamBudget_Budget">#REF!$A$1<',
    );
    zip.file('xl/workbook.xml', wbXml);
    const host = await PackageHost.open(await zip.generateAsync({ type: 'uint8array' }));
    expect((await host.read()).ownedSheets).toEqual([]);
    await host.write([budget]);
    const after = await PackageHost.open(host.result!);
    const snap = await after.read();
    expect(snap.ownedSheets).toEqual(['Budget']);
    expect(after.pkg.info.definedNames.filter((d) => d.name === 'FinsamBudget_Budget').map((d) => d.formula)).toEqual([
      "'Budget'!$A$1",
    ]);
    // The next refresh replaces it in place.
    await after.write([budget]);
    expect((await XlsxPackage.open(after.result!)).info.sheets.map((s) => s.name)).toEqual(['Medlemmar', 'Budget']);
  });

  it('reads mark formulas strictly', () => {
    expect(markTarget("'Budget'!$A$1")).toBe('Budget');
    expect(markTarget('Budget!A1')).toBe('Budget');
    expect(markTarget("'It''s'!$A$1")).toBe("It's");
    expect(markTarget("'Budget'!$A$1:$B$2")).toBeNull();
    expect(markTarget('#REF!$A$1')).toBeNull();
    expect(markTarget("'Budget'!$C$5")).toBeNull();
  });
});

describe('a refreshed file depends on its input only', () => {
  afterEach(() => jest.useRealTimers());

  /** Refreshes `bytes` with the clock at `isoTime` (only Date is faked: promises and timers run as usual). */
  async function refreshedAt(bytes: Uint8Array, isoTime: string): Promise<Uint8Array> {
    jest.useFakeTimers({
      now: new Date(isoTime),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const host = await PackageHost.open(bytes);
      const r = await refresh(host);
      expect(r.errors).toEqual([]);
      return host.result!;
    } finally {
      jest.useRealTimers();
    }
  }

  it('two refreshes of the same workbook at different times give the same bytes, a refreshed one too', async () => {
    const wb = new ExcelJS.Workbook();
    addTemplateSheets(wb, exampleSheets());
    const input = new Uint8Array(await wb.xlsx.writeBuffer());
    const first = await refreshedAt(input, '2025-03-14T09:26:53Z');
    const second = await refreshedAt(input, '2031-11-02T23:59:58Z');
    expect(first.length).toBeGreaterThan(input.length); // the output sheets were written
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // A refreshed workbook refreshed again (its output sheets replaced, not added): no clock either.
    const again = await refreshedAt(first, '2040-06-30T12:00:00Z');
    const againLater = await refreshedAt(first, '2041-01-01T00:00:01Z');
    expect(Buffer.from(againLater).equals(Buffer.from(again))).toBe(true);
  });
});
