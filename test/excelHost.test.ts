/**
 * The Excel host against a fake Office.js that behaves like Excel where it matters (test/fakeOffice.ts):
 * queued commands, PropertyNotLoaded, ItemAlreadyExists, #REF! marks, cell edit mode, protection,
 * co-authoring events, handler removal on its own context, and a count of round trips and bytes.
 */
import { ExcelHost, officeExcel, OfficeHostError, sheetOfFormula, splitByPayload } from '../src/hosts/excel/excelHost';
import { excelPane } from '../src/hosts/excel/excelPane';
import { exampleSheets, templateSheets } from '../src/workbook/example';
import { computeFromSnapshot, refresh } from '../src/workbook/refresh';
import { formatRuns, prepareSheets } from '../src/hosts/excel/prepare';
import { ALWAYS_OUTPUT_SHEET_NAMES, INPUT_SHEETS, ownerMarkName } from '../src/workbook/schema';
import { FakeExcel, fail } from './fakeOffice';
import { exampleExcel, nationalExcel } from './fakeOfficeWorkbooks';

const api = (excel: FakeExcel) => officeExcel(excel.Excel as never);
const hostOf = (excel: FakeExcel, limit?: number) => new ExcelHost(api(excel), limit);
const allValues = (excel: FakeExcel) =>
  Object.fromEntries(excel.sheets.map((s) => [s.name, JSON.stringify(excel.valuesOf(s.name))]));
/** The code of the error `f` throws (null when it does not). */
const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? null;
  }
};
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Excel host: a refresh as Excel sees it', () => {
  test.each([
    ['the example', 1],
    ['a workbook 20× larger', 20],
  ])('a refresh of %s costs two round trips; outputs added and marked; input untouched', async (_label, scale) => {
    const excel = exampleExcel(scale);
    const before = allValues(excel);
    const result = await refresh(hostOf(excel));
    expect(result.errors).toEqual([]);
    expect(result.written).toBe(true);
    expect(excel.syncs).toBe(2);
    for (const name of ALWAYS_OUTPUT_SHEET_NAMES) {
      expect(excel.sheet(name)).toBeDefined();
      expect(excel.nameFormula(ownerMarkName(name))).toBe(`=${/\s/.test(name) ? `'${name}'` : name}!$A$1`);
    }
    for (const s of exampleSheets()) expect(JSON.stringify(excel.valuesOf(s.name))).toBe(before[s.name]);
    for (const s of excel.sheets) expect(s.formulas).toEqual([]);
  });

  test('values and formats as stored by Excel: the budget result, number formats, bold totals, frozen headers', async () => {
    const excel = exampleExcel();
    await refresh(hostOf(excel));
    const budget = excel.sheet('Budget')!;
    const values = excel.valuesOf('Budget');
    const row = values.findIndex((r) => r[0] === 'Årets resultat');
    expect(values[row]!.slice(1, 4)).toEqual([1538000, expect.any(Number), expect.any(Number)]);
    expect(budget.formats[row]![1]).toBe('#,##0;-#,##0');
    expect(budget.formats[row]![0]).toBe('@');
    expect(budget.bold.has(`${row},0`)).toBe(true);
    expect(budget.frozenRows).toBe(3);
    const split = excel.valuesOf('Fördelning');
    expect(split.find((r) => r[0] === 'Eskilstuna')!.slice(3, 8)).toEqual([1491665, 372917, 372916, 372916, 372916]);
  });

  test('user text that looks like a formula is stored as that text, not as a formula', async () => {
    const excel = exampleExcel();
    excel.sheet('Insatser')!.values[4]![1] = '=HYPERLINK("http://x","y")';
    await refresh(hostOf(excel));
    const rows = excel.valuesOf('Insatser per år');
    expect(rows.some((r) => r[1] === '=HYPERLINK("http://x","y")')).toBe(true);
    expect(rows.some((r) => r[1] === 'Unga på väg')).toBe(true);
    expect(excel.sheet('Insatser per år')!.formulas).toEqual([]);
  });

  test('a used range that starts below A1 keeps the cell addresses right in error messages', async () => {
    const excel = new FakeExcel();
    for (const s of exampleSheets()) {
      const rows = s.rows as unknown[][];
      excel.addSheet(s.name, s.name === 'Medlemmar' ? [[], [], ...rows.map((r) => ['', ...r])] : rows);
    }
    excel.sheet('Medlemmar')!.values[7]![3] = 'många';
    const r = await refresh(hostOf(excel));
    expect(r.errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['Medlemmar!D8']);
    expect(r.errors[0]!.message).toMatch(/”många” ska vara ett antal invånare/);
  });

  test('a foreign sheet with an output name stops the refresh before anything is written', async () => {
    const excel = exampleExcel();
    excel.addSheet('Kontroller', [['mitt']]);
    const r = await refresh(hostOf(excel));
    expect(r.written).toBe(false);
    expect(r.errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual(['Kontroller!A1']);
    expect(r.errors[0]!.message).toMatch(/inte skapat av Finsam Budget/);
    expect(excel.syncs).toBe(1);
    expect(excel.valuesOf('Kontroller')).toEqual([['mitt']]);
  });

  test('number formats load only for the sheets whose parsing uses them', async () => {
    const excel = exampleExcel();
    const snapshot = await hostOf(excel).read();
    const withFormats = snapshot.inputs.filter((g) => g.formats).map((g) => g.name);
    expect(withFormats.sort()).toEqual([INPUT_SHEETS.costs, INPUT_SHEETS.settings, INPUT_SHEETS.goals].sort());
  });
});

describe('Excel host: failure modes of real Excel', () => {
  test('a deleted output sheet (its mark now =#REF!) is simply recreated', async () => {
    const excel = exampleExcel();
    const host = hostOf(excel);
    await refresh(host);
    excel.deleteSheet('Budget');
    expect(excel.nameFormula(ownerMarkName('Budget'))).toBe('=#REF!');
    const r = await refresh(host);
    expect(r.errors).toEqual([]);
    expect(r.written).toBe(true);
    expect(excel.nameFormula(ownerMarkName('Budget'))).toBe('=Budget!$A$1');
    expect(excel.valuesOf('Budget').some((row) => row[0] === 'Årets resultat')).toBe(true);
    // and again: the repaired mark holds
    expect((await refresh(host)).errors).toEqual([]);
  });

  test('a renamed output sheet (its mark follows it) is recreated; the renamed copy is left as the user’s', async () => {
    const excel = exampleExcel();
    const host = hostOf(excel);
    await refresh(host);
    excel.renameSheet('Likviditet', 'Likviditet maj');
    const copy = JSON.stringify(excel.valuesOf('Likviditet maj'));
    expect(excel.nameFormula(ownerMarkName('Likviditet'))).toBe("='Likviditet maj'!$A$1");
    const r = await refresh(host);
    expect(r.errors).toEqual([]);
    expect(excel.nameFormula(ownerMarkName('Likviditet'))).toBe('=Likviditet!$A$1');
    expect(JSON.stringify(excel.valuesOf('Likviditet maj'))).toBe(copy);
    expect(excel.valuesOf('Likviditet').length).toBeGreaterThan(3);
  });

  test('a refresh while the user is typing in a cell waits for the edit to end, then succeeds', async () => {
    const excel = exampleExcel();
    excel.startCellEdit();
    let done = false;
    const pending = refresh(hostOf(excel)).then((r) => ((done = true), r));
    await new Promise((r) => setTimeout(r, 50));
    expect(done).toBe(false);
    expect(excel.sheet('Budget')).toBeUndefined();
    excel.endCellEdit();
    const r = await pending;
    expect(r.written).toBe(true);
    expect(excel.syncs).toBe(2);
  });

  test('without delayForCellEdit the fake fails as Excel does; the host retries such a batch', async () => {
    const excel = exampleExcel();
    excel.startCellEdit();
    const plain = { run: (b: never) => excel.Excel.run(b), runOn: (c: never, b: never) => excel.Excel.run(c, b) };
    await expect(plain.run(((ctx: { sync: () => Promise<void> }) => ctx.sync()) as never)).rejects.toMatchObject({
      code: 'InvalidOperationInCellEditMode',
    });
    let pauses = 0;
    const host = new ExcelHost(plain as never, undefined, undefined, () => {
      if (++pauses === 2) excel.endCellEdit();
      return Promise.resolve();
    });
    const r = await refresh(host);
    expect(r.written).toBe(true);
    expect(pauses).toBe(2);
  });

  test('a protected output sheet: a Swedish message naming it, and nothing written anywhere', async () => {
    const excel = exampleExcel();
    const host = hostOf(excel);
    await refresh(host);
    excel.sheet('Balansplan')!.protected = true;
    excel.sheet('År')!.values[1]![1] = 15000000;
    const before = allValues(excel);
    const syncs = excel.syncs;
    const e = await refresh(host).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(OfficeHostError);
    expect((e as OfficeHostError).code).toBe('SheetProtected');
    expect((e as Error).message).toMatch(/^Bladet ”Balansplan” är skyddat, så ingenting har skrivits\./);
    expect(allValues(excel)).toEqual(before);
    expect(excel.syncs).toBe(syncs + 1); // the read only
    const snapshot = await host.read();
    expect(snapshot.writeBlockers).toEqual([{ sheet: 'Balansplan', code: 'SheetProtected' }]);
  });

  test('protected workbook structure with an output sheet to add: refused before writing', async () => {
    const excel = exampleExcel();
    excel.structureProtected = true;
    const host = hostOf(excel);
    host.lang = 'en';
    const before = allValues(excel);
    await expect(refresh(host)).rejects.toThrow(
      /The workbook structure is protected, so the sheet “Sammanfattning” cannot be added/,
    );
    expect(allValues(excel)).toEqual(before);
    expect(excel.sheets.map((s) => s.name)).toEqual(exampleSheets().map((s) => s.name));
  });

  test('the fake itself: a batch failing halfway leaves the commands before it applied (why the check matters)', async () => {
    const excel = exampleExcel();
    await refresh(hostOf(excel));
    excel.sheet('Likviditet')!.protected = true;
    await expect(
      excel.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Budget').getRange('A1').values = [['ny']];
        ctx.workbook.worksheets.getItem('Likviditet').getRange('A1').values = [['ny']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(excel.valuesOf('Budget')[0]![0]).toBe('ny');
  });

  test('any error of the one-sync read falls back to the two-step read', async () => {
    const excel = exampleExcel();
    excel.failNextSyncs.push('GeneralException');
    const r = await refresh(hostOf(excel));
    expect(r.errors).toEqual([]);
    expect(r.written).toBe(true);
    expect(excel.syncs).toBe(4); // the failed try, the sheet list, the read, the write
  });

  test('a host that refuses to navigate from a null object: the read falls back too', async () => {
    const excel = exampleExcel();
    excel.deleteSheet('Mål');
    excel.refuseNullNavigation = true;
    const r = await refresh(hostOf(excel));
    expect(r.errors).toEqual([]);
    expect(excel.syncs).toBe(4);
  });

  test('an Office error leaves the host as a message that says what to do', async () => {
    const excel = exampleExcel();
    const host = hostOf(excel);
    await host.read();
    excel.failNextSyncs.push('RequestPayloadSizeLimitExceeded');
    const e = await host.write([]).then(
      () => host.select('Budget', 'Z99').catch((x: unknown) => x),
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(OfficeHostError);
    expect((e as Error).message).toMatch(/för stor/);
  });

  test('past the request limit the write is split into row blocks: more round trips, the same content', async () => {
    const whole = exampleExcel(20);
    await refresh(hostOf(whole));
    const split = exampleExcel(20);
    await refresh(hostOf(split, 20000));
    expect(whole.syncs).toBe(2);
    expect(split.syncs).toBeGreaterThan(3);
    for (const t of split.trips) expect(t.request).toBeLessThan(40000);
    for (const name of ALWAYS_OUTPUT_SHEET_NAMES) {
      expect(split.valuesOf(name)).toEqual(whole.valuesOf(name));
      expect(JSON.stringify(split.sheet(name)!.formats)).toBe(JSON.stringify(whole.sheet(name)!.formats));
    }
  });
});

describe('Excel host: less to send', () => {
  test('number formats as rectangles of one format; "General" needs nothing', () => {
    const f = [
      ['@', '#,##0', '#,##0'],
      ['@', '#,##0', '#,##0'],
      ['General', '0 %', '#,##0'],
    ];
    expect(formatRuns(f)).toEqual([
      [0, 0, 2, 1, '@'],
      [0, 1, 2, 2, '#,##0'],
      [2, 1, 1, 1, '0 %'],
      [2, 2, 1, 1, '#,##0'],
    ]);
  });

  test('unchanged output sheets are not rewritten; edited or deleted ones are', async () => {
    const excel = exampleExcel();
    const pane = excelPane(api(excel), { features: { core: true, workbookEvents: true, triggerSource: true } });
    const stop = await pane.watchInputs(() => undefined);
    await refresh(pane.host);
    const first = excel.requestBytes;
    const syncs = excel.syncs;
    expect((await refresh(pane.host)).written).toBe(true);
    expect(excel.syncs).toBe(syncs + 1); // the read; nothing to write
    // The user types into an output sheet: that sheet is rewritten next time, only that one.
    excel.userEdit('Budget', 0, 0, 'skräp');
    await flush();
    const bytes = excel.requestBytes;
    await refresh(pane.host);
    expect(excel.valuesOf('Budget')[0]![0]).not.toBe('skräp');
    expect(excel.requestBytes - bytes).toBeLessThan(first / 3);
    // Deleted: recreated.
    excel.deleteSheet('Kontroller');
    await refresh(pane.host);
    expect(excel.sheet('Kontroller')).toBeDefined();
    await stop();
  });

  // Issue 7: the pane's compute worker prepares the write; its reply crosses by structured clone.
  test('sheets prepared elsewhere and cloned write the very batch `write` sends; unchanged ones are skipped', async () => {
    const direct = exampleExcel();
    const viaWorker = exampleExcel();
    const host = hostOf(direct);
    const pane = excelPane(api(viaWorker), { features: { core: true, workbookEvents: true, triggerSource: true } });
    const stop = await pane.watchInputs(() => undefined);
    const computed = computeFromSnapshot(await host.read());
    await host.write(computed.sheets);
    const snapshot = await pane.host.read();
    const prepared = structuredClone(prepareSheets(computeFromSnapshot(snapshot).sheets));
    await pane.host.writePrepared(prepared);
    expect(viaWorker.requests.at(-1)).toEqual(direct.requests.at(-1));
    expect(allValues(viaWorker)).toEqual(allValues(direct));
    // The same sheets again: the read, nothing written.
    const syncs = viaWorker.syncs;
    await pane.host.read();
    await pane.host.writePrepared(structuredClone(prepareSheets(computeFromSnapshot(snapshot).sheets)));
    expect(viaWorker.syncs).toBe(syncs + 1);
    await stop();
  });

  // Issue 7: national ≤ 1 MB in all, reads and writes (the board sheets included).
  test.each([
    ['the example', () => exampleExcel(), 80_000],
    ['the national workbook', () => nationalExcel(), 1_000_000],
  ])('bytes per refresh of %s', async (label, make, limit) => {
    const excel = make();
    const r = await refresh(hostOf(excel));
    expect(r.errors).toEqual([]);
    const [read, write] = excel.trips;
    const total = excel.requestBytes + excel.responseBytes;
    console.log(
      `${label}: ${excel.syncs} round trips; read request ${read!.request} B, response ${read!.response} B; ` +
        `write request ${write!.request} B; in all ${total} B`,
    );
    expect(excel.syncs).toBe(2);
    expect(total).toBeLessThanOrEqual(limit);
  });

  test('4× national: still two round trips', async () => {
    const excel = nationalExcel(4);
    const r = await refresh(hostOf(excel));
    expect(r.errors).toEqual([]);
    console.log(`4× national: ${excel.syncs} round trips, ${excel.requestBytes + excel.responseBytes} B`);
    expect(excel.syncs).toBe(2);
  });
});

describe('Excel pane: change events', () => {
  const setup = async (apiVersion = '1.14') => {
    const excel = exampleExcel();
    excel.apiVersion = apiVersion;
    const notes = excel.addSheet('Mina anteckningar', [['att göra']]);
    const features = {
      core: true,
      workbookEvents: excel.isSetSupported('ExcelApi', '1.9'),
      triggerSource: excel.isSetSupported('ExcelApi', '1.14'),
    };
    const pane = excelPane(api(excel), { features });
    const local: number[] = [];
    const remote: number[] = [];
    const stop = await pane.watchInputs(
      () => local.push(1),
      () => remote.push(1),
    );
    await refresh(pane.host);
    await flush();
    local.length = 0;
    return { excel, pane, local, remote, stop, notes };
  };

  test.each(['1.14', '1.9', '1.7'])(
    'ExcelApi %s: a local edit of an input sheet recomputes; own writes, notes and remote edits do not',
    async (v) => {
      const { excel, pane, local, remote, stop } = await setup(v);
      excel.userEdit('År', 1, 1, 15000000);
      await flush();
      expect(local).toHaveLength(1);
      // The add-in's own write raises events on the output sheets: not an edit.
      const before = local.length;
      await refresh(pane.host);
      await flush();
      expect(local).toHaveLength(before);
      // The user's notes sheet: nothing.
      excel.userEdit('Mina anteckningar', 0, 0, 'ring Eva');
      await flush();
      expect(local).toHaveLength(before);
      // A co-author's edit: stale only, no recompute and so no write here.
      const syncs = excel.syncs;
      excel.userEdit('Medlemmar', 5, 2, 40000, 'Remote');
      await flush();
      expect(local).toHaveLength(before);
      expect(remote).toHaveLength(1);
      expect(excel.syncs).toBe(syncs);
      await stop();
    },
  );

  test('ExcelApi 1.7 (no workbook-wide event): input sheets added by Skapa mall get their handlers too', async () => {
    const excel = new FakeExcel();
    excel.apiVersion = '1.7';
    excel.addSheet('Blad1');
    const pane = excelPane(api(excel), { features: { core: true, workbookEvents: false, triggerSource: false } });
    const local: number[] = [];
    const stop = await pane.watchInputs(() => local.push(1));
    expect(excel.handlers).toHaveLength(0);
    expect(await pane.createTemplate()).toEqual([]);
    await flush();
    expect(excel.handlers).toHaveLength(templateSheets().length);
    excel.userEdit('År', 1, 1, 15000000);
    excel.userEdit('Blad1', 0, 0, 'anteckning');
    await flush();
    expect(local).toHaveLength(1);
    await stop();
    expect(excel.handlers).toHaveLength(0);
  });

  test('handler removal takes effect: it runs on the context the handler was added with', async () => {
    const { excel, local, stop } = await setup();
    expect(excel.handlers).toHaveLength(1);
    await stop();
    expect(excel.handlers).toHaveLength(0);
    excel.userEdit('År', 1, 1, 14000000);
    await flush();
    expect(local).toHaveLength(0);
  });

  test('the fake: a removal synced on another context never takes effect (the old bug)', async () => {
    const excel = exampleExcel();
    const h = await excel.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(() => Promise.resolve());
      await ctx.sync();
      return r;
    });
    await excel.Excel.run(async (ctx) => {
      h.remove();
      await ctx.sync();
    });
    expect(excel.handlers).toHaveLength(1);
  });

  test('an event from a sheet written in this very write, before its id is known, is an echo', async () => {
    const excel = exampleExcel();
    excel.apiVersion = '1.9'; // no triggerSource
    const host = hostOf(excel);
    const seen: string[] = [];
    excel.handlers.push({ target: 'collection', fn: (e) => seen.push(host.classify(e)), context: null as never });
    await refresh(host);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['own']));
  });
});

describe('Excel host: template and helpers', () => {
  test('Skapa mall adds the seven input sheets in an empty workbook, in two round trips', async () => {
    const excel = new FakeExcel();
    const clashes = await hostOf(excel).addTemplate(exampleSheets());
    expect(clashes).toEqual([]);
    expect(excel.syncs).toBe(2);
    expect(excel.sheets.map((s) => s.name)).toEqual(exampleSheets().map((s) => s.name));
    expect(excel.valuesOf('Medlemmar')[0]).toEqual(['Medlem', 'Part', 'Invånare', 'Betalar']);
    expect(excel.valuesOf('Medlemmar')[4]).toEqual(['Eskilstuna', 'Kommun', 62820, 'Ja']);
    expect(excel.valuesOf('Insatser')[2]![5]).toBe(45170);
    expect(excel.sheet('Insatser')!.formats[2]![5]).toBe('yyyy-mm-dd');
    // and it computes
    expect((await refresh(hostOf(excel))).errors).toEqual([]);
  });

  test('Skapa mall in a workbook with protected structure: a Swedish message, nothing added', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Blad1');
    excel.structureProtected = true;
    await expect(hostOf(excel).addTemplate(exampleSheets())).rejects.toThrow(
      /^Arbetsbokens struktur är skyddad, så bladet ”Inställningar” kan inte läggas till/,
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(['Blad1']);
  });

  test('Skapa mall never overwrites: with any input sheet present nothing is added', async () => {
    const excel = new FakeExcel();
    excel.addSheet('Medlemmar', [['x']]);
    expect(await hostOf(excel).addTemplate(exampleSheets())).toEqual(['Medlemmar']);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Medlemmar']);
  });

  test('the fake: a style set on a range is each cell’s own (changing one cell leaves the others); styles are a Map by "row,col"', async () => {
    const excel = new FakeExcel();
    excel.addSheet('S');
    await excel.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRangeByIndexes(0, 0, 3, 3).format.font.name = 'Calibri';
      ws.getRangeByIndexes(1, 1, 1, 2).format.fill.color = '#FF0000';
      ws.getRangeByIndexes(2, 2, 1, 1).format.wrapText = true;
      await context.sync();
    });
    const styles = excel.sheet('S')!.styles;
    expect(styles.size).toBe(9);
    expect(styles.get('0,0')).toEqual({ fontName: 'Calibri' });
    expect(styles.get('1,1')).toEqual({ fontName: 'Calibri', fill: '#FF0000' });
    expect(styles.get('1,0')).toEqual({ fontName: 'Calibri' });
    expect(styles.get('2,2')).toEqual({ fontName: 'Calibri', wrap: true });
    expect(styles.has('3,0')).toBe(false);
    expect([...styles.keys()]).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2', '2,0', '2,1', '2,2']);
    await excel.Excel.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRangeByIndexes(1, 1, 2, 2).clear('Formats');
      await context.sync();
    });
    expect(styles.size).toBe(5);
    expect(styles.get('1,1')).toBeUndefined();
    expect(styles.get('1,0')).toEqual({ fontName: 'Calibri' });
  });

  test('the fake: properties need load + sync; getItem of a missing sheet fails; names.add twice fails', async () => {
    const excel = exampleExcel();
    await excel.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Medlemmar');
      expect(codeOf(() => ws.name)).toBe('PropertyNotLoaded');
      ws.load('name');
      expect(codeOf(() => ws.name)).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(ws.name).toBe('Medlemmar');
    });
    await expect(
      excel.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Saknas').load('name');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await expect(
      excel.Excel.run(async (ctx) => {
        const a1 = ctx.workbook.worksheets.getItem('År').getRange('A1');
        ctx.workbook.names.add('X', a1);
        ctx.workbook.names.add('x', a1);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    // values as Excel stores them
    await excel.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add('T');
      ws.getRange('A1:A2').numberFormat = [['@'], ['General']];
      ws.getRange('A1:D2').values = [
        ['0123', "'=1+1", '42', 7],
        ['0123', '=1+1', 'text', true],
      ];
      await ctx.sync();
    });
    expect(excel.valuesOf('T')).toEqual([
      ['0123', '=1+1', 42, 7],
      [123, '#NAME?', 'text', true],
    ]);
    expect(fail('X').code).toBe('X');
  });

  test('helpers: the mark formula names its sheet (or none for #REF!); payloads are split only past the limit', () => {
    expect(sheetOfFormula("='Insatser per år'!$A$1")).toBe('Insatser per år');
    expect(sheetOfFormula('=Budget!$A$1')).toBe('Budget');
    expect(sheetOfFormula("='Jan''s'!$A$1")).toBe("Jan's");
    expect(sheetOfFormula('=#REF!')).toBeNull();
    expect(splitByPayload([1, 2, 3], (n) => n, 10)).toEqual([[1, 2, 3]]);
    expect(splitByPayload([6, 5, 4], (n) => n, 10)).toEqual([[6], [5, 4]]);
  });
});
