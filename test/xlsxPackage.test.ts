/** The package reader and writer: fidelity corpus (ExcelJS, LibreOffice, openpyxl), text safety, refusals. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import type { OutputSheet } from '../src/workbook/grid';
import {
  CannotKeepError,
  CellTextTooLongError,
  checkWrite,
  NotOwnedError,
  PackageWriteRequest,
  writePackage,
  XlsxPackage,
} from '../src/hosts/xlsx/package';
import { exceljsWorkbook, libreOfficeWorkbook, openpyxlWorkbook, withFakeVba } from './fixtures-gen/corpus';
import { checkWellFormed, elements, partsOf, text } from './fixtures-gen/packageParts';
import {
  describeWithTool,
  hasOpenpyxl,
  hasSoffice,
  parseCsv,
  removeTempDirs,
  sofficeConvert,
  tempDir,
} from './fixtures-gen/tools';

jest.setTimeout(180000);
afterAll(removeTempDirs);

function arrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

/** Two output sheets: `Budget` replaces the previous output sheet, `Fördelning` is new. */
function outputs(): OutputSheet[] {
  const budget: OutputSheet = {
    name: 'Budget',
    widths: [30, 14, 14],
    freezeRows: 2,
    rows: [
      [{ v: 'Budget 2024–2026', bold: true }],
      [
        { v: 'Post', bold: true },
        { v: 2024, bold: true },
        { v: 2025, bold: true },
      ],
      [{ v: 'Medlemsavgifter' }, { v: 16000000, f: '# ##0' }, { v: 16500000, f: '# ##0' }],
      [
        { v: '=SUM(A1)', f: '@' },
        { v: -1428, f: '# ##0;-# ##0' },
        { v: 0.0304, f: '0.00%' },
      ],
      [{ v: 'Kontroll \u0001 \uFFFF _x0041_ <&> "citat"', f: '@' }, { v: null, bold: true }, { v: 1.5 }],
    ],
  };
  const split: OutputSheet = {
    name: 'Fördelning',
    widths: [20, 12],
    freezeRows: 1,
    rows: [
      [
        { v: 'Medlem', bold: true },
        { v: 'Belopp', bold: true },
      ],
      [{ v: 'Eskilstuna' }, { v: 1491665, f: '# ##0' }],
      [],
      [{ v: ' mellanslag ' }, { v: 'rad\nbrytning\r\nslut' }],
    ],
  };
  return [budget, split];
}

const EXPECTED_BUDGET: (string | number | null)[][] = [
  ['Budget 2024–2026'],
  ['Post', 2024, 2025],
  ['Medlemsavgifter', 16000000, 16500000],
  ['=SUM(A1)', -1428, 0.0304],
  ['Kontroll \u0001 \uFFFF _x0041_ <&> "citat"', null, 1.5],
];

function request(owned: string[]): PackageWriteRequest {
  return {
    sheets: outputs(),
    owned,
    definedNames: [
      { name: 'FinsamBudget_Budget', formula: "'Budget'!$A$1" },
      { name: 'FinsamBudget_Fordelning', formula: "'Fördelning'!$A$1" },
    ],
  };
}

/** Parts that must change (checked separately) or go. */
function changingParts(originalParts: Map<string, Buffer>, before: XlsxPackage): Set<string> {
  const s = new Set([
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    '[Content_Types].xml',
    'xl/styles.xml',
    'xl/calcChain.xml',
  ]);
  const budget = before.info.sheets.find((x) => x.name === 'Budget')!;
  s.add(budget.part);
  s.add(budget.part.replace(/([^/]+)$/, '_rels/$1.rels'));
  for (const name of originalParts.keys()) if (/printerSettings/.test(name)) s.add(name);
  return s;
}

async function checkFidelity(original: Buffer, label: string): Promise<{ out: Uint8Array; file: string }> {
  const before = await XlsxPackage.open(original);
  const out = await writePackage(original, request(['Budget']));
  const a = await partsOf(original);
  const b = await partsOf(out);
  const changing = changingParts(a, before);

  // Every other part is byte-identical.
  for (const [name, data] of a) {
    if (changing.has(name)) continue;
    expect({ name, same: b.get(name)?.equals(data) ?? 'missing' }).toEqual({ name, same: true });
  }
  // Every part is well-formed XML.
  for (const [name, data] of b) checkWellFormed(name, data);

  // workbook.xml: edited minimally.
  const wbA = text(a, 'xl/workbook.xml');
  const wbB = text(b, 'xl/workbook.xml');
  for (const local of ['workbookPr', 'workbookProtection', 'bookViews', 'pivotCaches', 'extLst', 'fileVersion']) {
    for (const el of elements(wbA, local)) expect(wbB).toContain(el);
  }
  for (const el of elements(wbA, 'sheet')) expect(wbB).toContain(el);
  for (const el of elements(wbA, 'definedName')) if (!/FinsamBudget_Budget/.test(el)) expect(wbB).toContain(el);
  expect(wbB).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  expect(elements(wbB, 'calcPr')).toHaveLength(1);
  // Sheet order: Budget keeps its position and sheetId; Fördelning is last.
  const after = await XlsxPackage.open(out);
  expect(after.info.sheets.map((s) => s.name)).toEqual([...before.info.sheets.map((s) => s.name), 'Fördelning']);
  const budgetBefore = before.info.sheets.find((s) => s.name === 'Budget')!;
  const budgetAfter = after.info.sheets.find((s) => s.name === 'Budget')!;
  expect([budgetAfter.sheetId, budgetAfter.part, budgetAfter.index]).toEqual([
    budgetBefore.sheetId,
    budgetBefore.part,
    budgetBefore.index,
  ]);
  expect(after.info.sheets.map((s) => s.state)).toEqual([...before.info.sheets.map((s) => s.state), 'visible']);
  expect(after.info.workbookProtection).toBe(before.info.workbookProtection);
  expect(after.info.mainContentType).toBe(before.info.mainContentType);
  const marks = after.info.definedNames.filter((d) => d.name.startsWith('FinsamBudget_'));
  expect(marks.map((d) => [d.name, d.formula]).sort()).toEqual([
    ['FinsamBudget_Budget', "'Budget'!$A$1"],
    ['FinsamBudget_Fordelning', "'Fördelning'!$A$1"],
  ]);
  // Relationships and content types: the originals are still there (calcChain aside).
  for (const el of elements(text(a, 'xl/_rels/workbook.xml.rels'), 'Relationship'))
    if (!/calcChain/.test(el)) expect(text(b, 'xl/_rels/workbook.xml.rels')).toContain(el);
  for (const el of [
    ...elements(text(a, '[Content_Types].xml'), 'Override'),
    ...elements(text(a, '[Content_Types].xml'), 'Default'),
  ]) {
    if (!/calcChain|printerSettings/.test(el)) expect(text(b, '[Content_Types].xml')).toContain(el);
  }
  expect(text(b, '[Content_Types].xml')).not.toMatch(/calcChain/);
  expect(b.has('xl/calcChain.xml')).toBe(false);
  // Styles: existing entries untouched, at the same positions.
  if (a.has('xl/styles.xml')) {
    const sA = text(a, 'xl/styles.xml');
    const sB = text(b, 'xl/styles.xml');
    for (const local of ['cellXfs', 'fonts', 'numFmts']) {
      const inner = (s: string) => (elements(s, local)[0] ?? '').replace(/^<[^>]*>/, '');
      const childLocal = local === 'cellXfs' ? 'xf' : local === 'fonts' ? 'font' : 'numFmt';
      const ca = elements(inner(sA), childLocal);
      expect(elements(inner(sB), childLocal).slice(0, ca.length)).toEqual(ca);
    }
    for (const local of ['fills', 'borders', 'cellStyleXfs', 'cellStyles', 'dxfs'])
      for (const el of elements(sA, local)) expect(sB).toContain(el);
  }

  // Read back with our reader.
  const [g] = await after.readSheets(['Budget']);
  expect(g!.values.map((r) => r.slice())).toEqual(EXPECTED_BUDGET.map((r) => r.map((v) => v)));
  expect(g!.formats[3]![0]).toBe('@');
  expect(g!.formats[2]![1]).toBe('# ##0');
  expect(g!.formats[3]![2]).toBe('0.00%');
  expect(g!.formulasWithoutValue).toEqual([]);
  const [f] = await after.readSheets(['Fördelning']);
  expect(f!.values).toEqual([['Medlem', 'Belopp'], ['Eskilstuna', 1491665], [], [' mellanslag ', 'rad\nbrytning\r\nslut']]);

  // Opens in ExcelJS (where the original does: ExcelJS itself fails on some LibreOffice/openpyxl files).
  let originalOpens = true;
  try {
    await new ExcelJS.Workbook().xlsx.load(arrayBuffer(original));
  } catch {
    originalOpens = false;
    console.warn(`${label}: the original does not open in ExcelJS either; ExcelJS check skipped`);
  }
  if (originalOpens) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(out));
    const ws = wb.getWorksheet('Budget')!;
    expect(ws.getCell('A4').value).toBe('=SUM(A1)');
    expect(ws.getCell('B3').value).toBe(16000000);
    expect(wb.getWorksheet('Fördelning')!.getCell('B2').value).toBe(1491665);
  }
  const dir = tempDir('xlsx-fid-');
  const file = path.join(dir, `${label}${before.info.macroEnabled ? '.xlsm' : '.xlsx'}`);
  fs.writeFileSync(file, out);
  return { out, file };
}

/** LibreOffice opens the result: every sheet to CSV, the output sheets give their values. */
function checkLibreOffice(file: string, sheetNames: string[]): void {
  const outDir = tempDir('lo-csv-');
  sofficeConvert([file], 'csv', outDir, 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
  const base = path.basename(file).replace(/\.[^.]+$/, '');
  const csvOf = (sheet: string) => parseCsv(fs.readFileSync(path.join(outDir, `${base}-${sheet}.csv`), 'utf8'));
  for (const s of sheetNames) expect(fs.existsSync(path.join(outDir, `${base}-${s}.csv`))).toBe(true);
  const budget = csvOf('Budget');
  expect(budget[0]![0]).toBe('Budget 2024–2026');
  expect(budget[2]!.slice(0, 3)).toEqual(['Medlemsavgifter', '16000000', '16500000']);
  expect(budget[3]![0]).toBe('=SUM(A1)');
  expect(budget[4]![0]).toContain('_x0041_ <&> "citat"');
  const split = csvOf('Fördelning');
  expect(split[1]).toEqual(['Eskilstuna', '1491665']);
}

describe('ExcelJS corpus', () => {
  it('keeps every part that is not an output sheet (.xlsx)', async () => {
    const original = await exceljsWorkbook();
    const { file } = await checkFidelity(original, 'exceljs');
    if (hasSoffice) checkLibreOffice(file, ['Medlemmar', 'Tabell', 'Budget', 'Egen', 'Fördelning']);
  });

  it('keeps the macros of an .xlsm byte for byte and its content type', async () => {
    const { bytes, vba } = await withFakeVba(await exceljsWorkbook());
    const { out, file } = await checkFidelity(bytes, 'exceljs-macro');
    if (hasSoffice) checkLibreOffice(file, ['Medlemmar', 'Budget', 'Fördelning']);
    const parts = await partsOf(out);
    expect(parts.get('xl/vbaProject.bin')!.equals(vba)).toBe(true);
    expect(text(parts, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(text(parts, 'xl/_rels/workbook.xml.rels')).toContain('vbaProject');
    const after = await XlsxPackage.open(out);
    expect(after.info.macroEnabled).toBe(true);
  });
});

describeWithTool(hasSoffice, 'LibreOffice (soffice)', 'LibreOffice corpus', () => {
  it('keeps a chart, a table, a pivot table, a hidden sheet and names made by LibreOffice', async () => {
    const dir = tempDir('lo-corpus-');
    const original = libreOfficeWorkbook(dir);
    const parts = await partsOf(original);
    expect([...parts.keys()].some((n) => n.startsWith('xl/charts/'))).toBe(true);
    expect([...parts.keys()].some((n) => n.startsWith('xl/pivotTables/'))).toBe(true);
    expect([...parts.keys()].some((n) => n.startsWith('xl/tables/'))).toBe(true);
    const [data] = await (await XlsxPackage.open(original)).readSheets(['Data']);
    expect(data!.tables.map((t) => [t.displayName, t.ref, t.headerRowCount, t.totalsRowCount])).toEqual([
      ['Poster', 'A1:B4', 1, 0],
    ]);
    const { file } = await checkFidelity(original, 'libreoffice');
    checkLibreOffice(file, ['Data', 'Pivot', 'Budget', 'Fördelning']);
  });
});

describeWithTool(hasOpenpyxl, 'python3-openpyxl', 'openpyxl corpus', () => {
  it('keeps a chart, a chart sheet, an image, a comment, a table and workbook protection', async () => {
    const dir = tempDir('opx-corpus-');
    const original = openpyxlWorkbook(dir);
    const parts = await partsOf(original);
    expect([...parts.keys()].some((n) => n.startsWith('xl/chartsheets/'))).toBe(true);
    const { file } = await checkFidelity(original, 'openpyxl');
    const pkg = await XlsxPackage.open(original);
    expect(pkg.info.sheets.map((s) => [s.name, s.kind, s.state])).toEqual([
      ['Data', 'worksheet', 'visible'],
      ['Diagramblad', 'chartsheet', 'visible'],
      ['Budget', 'worksheet', 'visible'],
      ['Dold', 'worksheet', 'hidden'],
    ]);
    expect(pkg.info.workbookProtection).toBe(true);
    const [data] = await pkg.readSheets(['Data']);
    // openpyxl writes formulas without cached values.
    expect(data!.formulasWithoutValue).toEqual([{ row: 1, col: 2 }]);
    expect(data!.tables.map((t) => [t.displayName, t.ref])).toEqual([['Poster', 'A1:B4']]);
    if (hasSoffice) checkLibreOffice(file, ['Data', 'Budget', 'Fördelning']);
    // A chart of the user's that plots the output sheet is kept as it was, its reference intact.
    const charts = [...(await partsOf(original)).entries()].filter(([n]) => n.startsWith('xl/charts/'));
    expect(charts.some(([, d]) => d.toString('utf8').includes("'Budget'!$B$2:$B$4"))).toBe(true);
  });

  it('keeps a (fake) VBA project in an openpyxl .xlsm', async () => {
    const { bytes, vba } = await withFakeVba(openpyxlWorkbook(tempDir('opx-xlsm-')));
    const { out } = await checkFidelity(bytes, 'openpyxl-macro');
    expect((await partsOf(out)).get('xl/vbaProject.bin')!.equals(vba)).toBe(true);
    expect((await XlsxPackage.open(out)).info.macroEnabled).toBe(true);
  });
});

describe('refusals', () => {
  it('never replaces a sheet it does not own', async () => {
    const original = await exceljsWorkbook();
    await expect(writePackage(original, request([]))).rejects.toBeInstanceOf(NotOwnedError);
    await expect(
      writePackage(original, { ...request(['Budget']), sheets: [{ ...outputs()[0]!, name: 'Medlemmar' }] }),
    ).rejects.toMatchObject({
      code: 'notOwned',
      existing: 'Medlemmar',
    });
  });

  it('refuses a cell text over 32 767 characters, naming the cell', async () => {
    const original = await exceljsWorkbook();
    const sheets = outputs();
    sheets[1]!.rows[3]![1] = { v: 'x'.repeat(40000) };
    const err = await writePackage(original, { ...request(['Budget']), sheets }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CellTextTooLongError);
    expect(err).toMatchObject({ sheet: 'Fördelning', cell: 'B4', length: 40000 });
    sheets[1]!.rows[3]![1] = { v: 'x'.repeat(32767) };
    const out = await writePackage(original, { ...request(['Budget']), sheets });
    const [g] = await (await XlsxPackage.open(out)).readSheets(['Fördelning']);
    expect((g!.values[3]![1] as string).length).toBe(32767);
  });

  it('refuses an output sheet that holds a drawing or comments the user added', async () => {
    const original = await exceljsWorkbook();
    // Medlemmar has a comment and an image: pretend it were an output sheet.
    const err = await writePackage(original, {
      ...request(['Budget', 'Medlemmar']),
      sheets: [{ ...outputs()[0]!, name: 'Medlemmar' }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CannotKeepError);
    expect((err as CannotKeepError).items.map((i) => i.kind).sort()).toEqual(expect.arrayContaining(['comments', 'drawing']));
    expect((err as CannotKeepError).items.every((i) => i.sheet === 'Medlemmar')).toBe(true);
  });

  it('says what it would refuse before anything is computed (checkWrite)', async () => {
    const original = await exceljsWorkbook();
    await expect(checkWrite(original, request(['Budget']))).resolves.toEqual([]);
    const items = await checkWrite(original, {
      ...request(['Budget', 'Tabell']),
      sheets: [{ ...outputs()[0]!, name: 'Tabell' }],
    });
    expect(items).toEqual([expect.objectContaining({ kind: 'table', sheet: 'Tabell', part: 'xl/tables/table1.xml' })]);
  });

  it('reads the totals row of a table', async () => {
    const [t] = await (await XlsxPackage.open(await exceljsWorkbook())).readSheets(['Tabell']);
    expect(t!.tables.map((x) => [x.name, x.ref, x.totalsRowCount])).toEqual([['Poster', 'A1:B4', 1]]);
    expect(t!.totalsRows).toEqual([3]);
    // ExcelJS writes the totals formula without a cached value: reported, not read as 0.
    expect(t!.values[3]).toEqual(['Summa', null]);
    expect(t!.formulasWithoutValue).toEqual([{ row: 3, col: 1 }]);
  });

  it('refuses a table on an output sheet', async () => {
    const original = await exceljsWorkbook();
    const err = await writePackage(original, {
      ...request(['Budget', 'Tabell']),
      sheets: [{ ...outputs()[0]!, name: 'Tabell' }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CannotKeepError);
    expect((err as CannotKeepError).items).toEqual([expect.objectContaining({ kind: 'table', sheet: 'Tabell' })]);
  });
});

describeWithTool(hasSoffice, 'LibreOffice (soffice)', 'refusals (LibreOffice)', () => {
  it('refuses when a pivot table takes its data from an output sheet, or a chart sheet would be replaced', async () => {
    const dir = tempDir('lo-pivot-');
    const original = libreOfficeWorkbook(dir);
    const err = await writePackage(original, {
      ...request(['Budget', 'Data']),
      sheets: [{ ...outputs()[0]!, name: 'Data' }],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CannotKeepError);
    expect((err as CannotKeepError).items.map((i) => i.kind)).toEqual(expect.arrayContaining(['pivotSource', 'drawing']));
  });
});
