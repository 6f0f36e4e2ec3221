import { OfficeMockObject } from 'office-addin-mock';
import { ExcelHost, ExcelRun, sheetOfFormula, splitByPayload } from '../src/hosts/excel/excelHost';
import { exampleSheets } from '../src/workbook/example';
import type { CellValue } from '../src/workbook/grid';
import { refresh } from '../src/workbook/refresh';
import { OUTPUT_SHEET_NAMES, ownerMarkName } from '../src/workbook/schema';

/** What a write did to one range. */
interface RangeWrite {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  values?: unknown[][];
  numberFormat?: unknown[][];
  bold?: boolean;
}

interface Book {
  sheets: Map<string, { id: string; values: CellValue[][]; formats: string[][]; address: string }>;
  names: Map<string, string>;
}

/**
 * A workbook behind office-addin-mock objects. Every proxy the code creates is an OfficeMockObject, so
 * reading a property that was not loaded and synced yields the mock's error value, as in Excel.
 * The harness counts context.sync() calls (round trips) and records every range written.
 */
function mockExcel(book: Book, options: { refuseNullNavigation?: boolean } = {}) {
  let poisoned = false;
  const created: { m: OfficeMockObject; synced: boolean }[] = [];
  const writes: RangeWrite[] = [];
  const calls: string[] = [];
  let syncs = 0;
  /** An OfficeMockObject; `isNullObject` needs no load but, as in Office.js, a sync before it is read. */
  const mock = (data: object, isNull: boolean) => {
    const entry = { m: new OfficeMockObject(data), synced: false };
    created.push(entry);
    Object.defineProperty(entry.m, 'isNullObject', {
      get: () => (entry.synced ? isNull : 'Error, context.sync() was not called'),
    });
    return entry.m;
  };
  const rangeProxy = (sheet: string, row: number, col: number, rows: number, cols: number) => {
    const record: RangeWrite = { sheet, row, col, rows, cols };
    writes.push(record);
    const format = { font: {} as { bold?: boolean }, columnWidth: 0 };
    const proxy = {
      format,
      clear: () => calls.push(`clear ${sheet}`),
      select: () => calls.push(`select ${sheet}`),
      set values(v: unknown[][]) {
        record.values = v;
      },
      set numberFormat(v: unknown[][]) {
        record.numberFormat = v;
      },
    };
    Object.defineProperty(format.font, 'bold', {
      set: (b: boolean) => {
        record.bold = b;
      },
    });
    return proxy;
  };
  const sheetProxy = (name: string, id = `new-${name}`) => ({
    id,
    load: () => undefined,
    getRange: (address?: string) => {
      calls.push(`getRange ${name} ${address ?? '(all)'}`);
      return rangeProxy(name, 0, 0, 0, 0);
    },
    getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => rangeProxy(name, r, c, rows, cols),
    freezePanes: { unfreeze: () => undefined, freezeRows: (n: number) => calls.push(`freeze ${name} ${n}`) },
    activate: () => calls.push(`activate ${name}`),
  });
  const find = (name: string) => [...book.sheets.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => {
          const key = find(name);
          const s = key ? book.sheets.get(key)! : undefined;
          return mock(
            {
              name: key ?? '',
              id: s?.id ?? '',
              getUsedRangeOrNullObject: () => {
                if (!s && options.refuseNullNavigation) poisoned = true;
                return mock(
                  { values: s?.values ?? [], numberFormat: s?.formats ?? [], address: s ? `${key}!${s.address}` : '' },
                  !s || s.values.length === 0,
                );
              },
            },
            !s,
          );
        },
        load: () => undefined,
        get items() {
          return [...book.sheets.keys()].map((name) => ({ name }));
        },
        getItem(name: string) {
          calls.push(`getItem ${name}`);
          // The read side (as getItemOrNullObject's) and the write side of an existing sheet.
          // eslint-disable-next-line @typescript-eslint/no-unused-vars
          const { load, ...write } = sheetProxy(name, book.sheets.get(find(name) ?? '')?.id);
          return Object.assign(this.getItemOrNullObject(name), write);
        },
        add: (name: string) => {
          calls.push(`add ${name}`);
          return sheetProxy(name);
        },
      },
      names: {
        getItemOrNullObject: (name: string) => mock({ formula: book.names.get(name) ?? '' }, !book.names.has(name)),
        add: (name: string) => calls.push(`name ${name}`),
      },
    },
    sync: async () => {
      syncs++;
      if (poisoned) {
        poisoned = false;
        created.length = 0;
        throw Object.assign(new Error('The requested resource does not exist.'), { code: 'ItemNotFound' });
      }
      for (const entry of created) {
        await entry.m.sync();
        entry.synced = true;
      }
    },
  };
  const run: ExcelRun = (batch) => batch(context as unknown as Excel.RequestContext);
  return { run, writes, calls, syncs: () => syncs };
}

const serial = (d: Date) => d.getTime() / 86400000 + 25569;

/** The bundled example as Excel gives it: dates as serial numbers; `scale` multiplies kommuner and interventions. */
function exampleBook(scale = 1): Book {
  const sheets = new Map<string, { id: string; values: CellValue[][]; formats: string[][]; address: string }>();
  exampleSheets().forEach((s, i) => {
    let rows = s.rows.map((r) => r.map((v) => (v instanceof Date ? serial(v) : v)));
    if (scale > 1 && (s.name === 'Medlemmar' || s.name === 'Insatser')) {
      const head = s.name === 'Medlemmar' ? 4 : 2;
      const body = rows.slice(head);
      rows = [...rows.slice(0, head)];
      for (let k = 0; k < scale; k++)
        rows.push(...body.map((r) => r.map((v, c) => (c === (s.name === 'Medlemmar' ? 0 : 1) ? `${v} ${k}` : v))));
    }
    const width = Math.max(...rows.map((r) => r.length));
    const values = rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
    sheets.set(s.name, {
      id: `id-${i}`,
      values,
      formats: values.map((r) => r.map(() => 'General')),
      address: `A1:${String.fromCharCode(64 + width)}${values.length}`,
    });
  });
  return { sheets, names: new Map() };
}

describe('Excel host (Office.js, through office-addin-mock)', () => {
  test.each([
    ['the example', 1],
    ['a workbook 20× larger', 20],
  ])('a refresh of %s costs two round trips: one read, one write', async (_label, scale) => {
    const book = exampleBook(scale);
    const excel = mockExcel(book);
    const result = await refresh(new ExcelHost(excel.run));
    expect(result.errors).toEqual([]);
    expect(result.written).toBe(true);
    expect(excel.syncs()).toBe(2);
    // Each output sheet is added, marked as ours, and written as whole 2D arrays in one range.
    for (const name of OUTPUT_SHEET_NAMES) {
      expect(excel.calls).toContain(`add ${name}`);
      expect(excel.calls).toContain(`name ${ownerMarkName(name)}`);
      const whole = excel.writes.filter((w) => w.sheet === name && w.values);
      expect(whole).toHaveLength(1);
      expect(whole[0]!.values!.length).toBe(whole[0]!.rows);
      expect(whole[0]!.numberFormat!.length).toBe(whole[0]!.rows);
    }
    // Input sheets are never written.
    const inputNames = exampleSheets().map((s) => s.name);
    expect(excel.writes.filter((w) => inputNames.includes(w.sheet))).toEqual([]);
    expect(excel.calls.filter((c) => inputNames.some((n) => c === `getItem ${n}` || c === `add ${n}`))).toEqual([]);
  });

  test('values and formats written: the budget result, number formats, bold totals, frozen headers', async () => {
    const excel = mockExcel(exampleBook());
    await refresh(new ExcelHost(excel.run));
    const budget = excel.writes.find((w) => w.sheet === 'Budget' && w.values)!;
    const resultRow = budget.values!.findIndex((r) => r[0] === 'Årets resultat');
    expect(budget.values![resultRow]!.slice(1)).toEqual([1538000, expect.any(Number), expect.any(Number)]);
    expect(budget.numberFormat![resultRow]![1]).toBe('#,##0;-#,##0');
    expect(budget.numberFormat![resultRow]![0]).toBe('@');
    expect(excel.writes.some((w) => w.sheet === 'Budget' && w.row === resultRow && w.bold === true)).toBe(true);
    expect(excel.calls).toContain('freeze Budget 3');
    const split = excel.writes.find((w) => w.sheet === 'Fördelning' && w.values)!;
    const eskilstuna = split.values!.find((r) => r[1] === 'Eskilstuna' && r[0] === 2024)!;
    expect(eskilstuna.slice(5)).toEqual([1491665, 372917, 372916, 372916, 372916]);
  });

  test('user text that looks like a formula is written as text', async () => {
    const book = exampleBook();
    book.sheets.get('Insatser')!.values[4]![1] = '=HYPERLINK("http://x","y")';
    const excel = mockExcel(book);
    await refresh(new ExcelHost(excel.run));
    const sheet = excel.writes.find((w) => w.sheet === 'Insatser per år' && w.values)!;
    const row = sheet.values!.findIndex((r) => String(r[1]).includes('HYPERLINK'));
    expect(sheet.values![row]![1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(sheet.numberFormat![row]![1]).toBe('General');
    expect(sheet.values![row - 1]![1]).toBe('Unga på väg');
    expect(sheet.numberFormat![row - 1]![1]).toBe('@');
  });

  test('owned output sheets are cleared and rewritten; a foreign sheet with an output name stops the refresh', async () => {
    const book = exampleBook();
    book.sheets.set('Budget', { id: 'out-1', values: [['gammal']], formats: [['General']], address: 'A1:A1' });
    book.names.set(ownerMarkName('Budget'), "='Budget'!$A$1");
    const excel = mockExcel(book);
    const host = new ExcelHost(excel.run);
    expect((await refresh(host)).errors).toEqual([]);
    expect(excel.calls).toContain('getItem Budget');
    expect(excel.calls).toContain('clear Budget');
    expect(excel.calls).not.toContain('add Budget');
    expect(host.isInputChange('out-1')).toBe(false);
    expect(host.isInputChange('id-0')).toBe(true);

    const foreign = exampleBook();
    foreign.sheets.set('Kontroller', { id: 'x', values: [['mitt']], formats: [['General']], address: 'A1:A1' });
    const excel2 = mockExcel(foreign);
    const r = await refresh(new ExcelHost(excel2.run));
    expect(r.written).toBe(false);
    expect(r.errors).toEqual([
      { sheet: 'Kontroller', cell: 'A1', message: expect.stringMatching(/inte skapat av Finsam Budget/) },
    ]);
    expect(excel2.writes).toEqual([]);
    expect(excel2.syncs()).toBe(1);
  });

  test('a used range that starts below A1 keeps the cell addresses right in error messages', async () => {
    const book = exampleBook();
    const members = book.sheets.get('Medlemmar')!;
    members.address = 'B3:E15';
    members.values[5]![2] = 'många';
    const r = await refresh(new ExcelHost(mockExcel(book).run));
    expect(r.errors).toEqual([
      { sheet: 'Medlemmar', cell: 'D8', message: expect.stringMatching(/”många” ska vara ett antal invånare/) },
    ]);
  });

  test('a host that refuses to navigate from a null object: the read falls back to finding the sheets first', async () => {
    const book = exampleBook();
    book.sheets.delete('Mål'); // an optional sheet missing: its used range would be navigated from a null object
    const excel = mockExcel(book, { refuseNullNavigation: true });
    const result = await refresh(new ExcelHost(excel.run));
    expect(result.errors).toEqual([]);
    expect(result.plan!.budget[0]!.result.toNumber()).toBe(1538000);
    expect(excel.syncs()).toBe(4); // the refused try, the sheet list, the read, the write
  });

  test('past the request limit the write is split into row blocks, more round trips, the same content', async () => {
    const whole = mockExcel(exampleBook(20));
    await refresh(new ExcelHost(whole.run));
    const split = mockExcel(exampleBook(20));
    await refresh(new ExcelHost(split.run, 20000));
    expect(whole.syncs()).toBe(2);
    expect(split.syncs()).toBeGreaterThan(3);
    /** Reassemble each output sheet from the range writes. */
    const content = (writes: RangeWrite[]) =>
      Object.fromEntries(
        OUTPUT_SHEET_NAMES.map((name) => {
          const rows: unknown[][] = [];
          for (const w of writes.filter((x) => x.sheet === name && x.values)) {
            w.values!.forEach((r, i) => (rows[w.row + i] = [...r, ...w.numberFormat![i]!]));
          }
          return [name, rows];
        }),
      );
    const blocks = split.writes.filter((w) => w.sheet === 'Fördelning' && w.values);
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks)
      expect(JSON.stringify(b.values).length + JSON.stringify(b.numberFormat).length).toBeLessThanOrEqual(20000);
    expect(content(split.writes)).toEqual(content(whole.writes));
    expect(split.calls.filter((c) => c.startsWith('add '))).toEqual(OUTPUT_SHEET_NAMES.map((n) => `add ${n}`));
  });

  test('helpers: the mark formula names its sheet; payloads are split only past the limit', () => {
    expect(sheetOfFormula("='Insatser per år'!$A$1")).toBe('Insatser per år');
    expect(sheetOfFormula('=Budget!$A$1')).toBe('Budget');
    expect(sheetOfFormula("='Jan''s'!$A$1")).toBe("Jan's");
    expect(splitByPayload([1, 2, 3], (n) => n, 10)).toEqual([[1, 2, 3]]);
    expect(splitByPayload([6, 5, 4], (n) => n, 10)).toEqual([[6], [5, 4]]);
  });
});

describe('Excel host: template and change events', () => {
  test('Skapa mall adds the seven input sheets in an empty workbook, in two round trips', async () => {
    const excel = mockExcel({ sheets: new Map(), names: new Map() });
    const clashes = await new ExcelHost(excel.run).addTemplate(exampleSheets());
    expect(clashes).toEqual([]);
    expect(excel.syncs()).toBe(2);
    expect(excel.calls.filter((c) => c.startsWith('add '))).toEqual(exampleSheets().map((s) => `add ${s.name}`));
    const members = excel.writes.find((w) => w.sheet === 'Medlemmar' && w.values)!;
    expect(members.values![0]).toEqual(['Medlem', 'Part', 'Invånare', 'Betalar']);
    expect(members.values![4]).toEqual(['Eskilstuna', 'Kommun', 62820, 'Ja']);
    const interventions = excel.writes.find((w) => w.sheet === 'Insatser' && w.values)!;
    expect(interventions.values![2]![5]).toBe(45170); // 2023-09-01 as an Excel date
    expect(interventions.numberFormat![2]![5]).toBe('yyyy-mm-dd');
  });

  test('Skapa mall never overwrites: with any input sheet present nothing is added', async () => {
    const book = exampleBook();
    const excel = mockExcel({ sheets: new Map([['Medlemmar', book.sheets.get('Medlemmar')!]]), names: new Map() });
    expect(await new ExcelHost(excel.run).addTemplate(exampleSheets())).toEqual(['Medlemmar']);
    expect(excel.writes).toEqual([]);
    expect(excel.calls.filter((c) => c.startsWith('add '))).toEqual([]);
  });

  test('after a refresh, changes on the written output sheets are recognised as the tool’s own', async () => {
    const excel = mockExcel(exampleBook());
    const host = new ExcelHost(excel.run);
    await refresh(host);
    for (const name of OUTPUT_SHEET_NAMES) expect(host.isInputChange(`new-${name}`)).toBe(false);
    expect(host.isInputChange('id-2')).toBe(true); // Medlemmar
  });
});
