/** Native charts written into the package: drawing and chart parts, caches, replacement on refresh, refusals. */
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import type { OutputSheet } from '../src/workbook/grid';
import {
  CannotKeepError,
  checkWrite,
  InvalidOutputError,
  PackageHost,
  PackageWriteRequest,
  writePackage,
  XlsxPackage,
} from '../src/hosts/xlsx/package';
import { exceljsWorkbook } from './fixtures-gen/corpus';
import { checkWellFormed, elements, partsOf, text } from './fixtures-gen/packageParts';
import { describeWithTool, hasSoffice, removeTempDirs, sofficeConvert, tempDir } from './fixtures-gen/tools';

jest.setTimeout(180000);
afterAll(removeTempDirs);

const MONTHS = ['jan 2024', 'feb 2024', 'mar 2024', 'apr 2024', 'maj 2024', 'jun 2024'];
const CASH = [1200000, 950000, 700000, 1500000, 1250000, 1000000];
const FLOOR = 800000;

/** `Budget` (owned, replaced) with a line and a column chart; `Fördelning` (new) with one column chart. */
function outputs(): OutputSheet[] {
  const budget: OutputSheet = {
    name: 'Budget',
    widths: [14, 14, 14],
    freezeRows: 1,
    rows: [
      [
        { v: 'Månad', bold: true },
        { v: 'Kassa', bold: true },
        { v: 'Golv', bold: true },
      ],
      ...MONTHS.map((m, i) => [{ v: m }, { v: CASH[i]!, f: '# ##0' }, { v: FLOOR, f: '# ##0' }]),
      [],
      [
        { v: 'År', bold: true },
        { v: 'Eget kapital', bold: true },
        { v: 'Tak', bold: true },
      ],
      [{ v: 2024 }, { v: 2100000, f: '# ##0' }, { v: 2500000, f: '# ##0' }],
      [{ v: 2025 }, { v: 2600000, f: '# ##0' }, { v: 2500000, f: '# ##0' }],
    ],
    charts: [
      {
        kind: 'line',
        title: 'Kassa vid månadens slut mot likviditetsgolvet',
        anchor: { row: 0, col: 4, rows: 15, cols: 8 },
        categories: 'A2:A7',
        series: [
          { name: 'Kassa', values: 'B2:B7' },
          { name: 'Likviditetsgolv', values: 'C2:C7' },
        ],
        altText: 'Kassa: jan 2024 1 200 000 kr … jun 2024 1 000 000 kr; golv 800 000 kr.',
      },
      {
        kind: 'column',
        title: 'Eget kapital vid årets slut mot taket',
        anchor: { row: 16, col: 4, rows: 15, cols: 8 },
        categories: 'A10:A11',
        series: [
          { name: 'Eget kapital', values: 'B10:B11' },
          { name: 'Tak', values: 'C10:C11' },
        ],
        altText: 'Eget kapital 2024: 2 100 000 kr, 2025: 2 600 000 kr; tak 2 500 000 kr.',
      },
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
      [{ v: 'Strängnäs & <Co>' }, { v: 121409, f: '# ##0' }],
    ],
    charts: [
      {
        kind: 'column',
        title: 'Avgift per medlem',
        anchor: { row: 5, col: 0, rows: 12, cols: 6 },
        categories: 'A2:A3',
        series: [{ name: 'Belopp "kr"', values: 'B2:B3' }],
        altText: 'Eskilstuna 1 491 665 kr, Strängnäs 121 409 kr.',
      },
    ],
  };
  return [budget, split];
}

function request(sheets: OutputSheet[]): PackageWriteRequest {
  return {
    sheets,
    owned: ['Budget', 'Fördelning'],
    definedNames: [
      { name: 'FinsamBudget_Budget', formula: "'Budget'!$A$1" },
      { name: 'FinsamBudget_Fordelning', formula: "'Fördelning'!$A$1" },
    ],
  };
}

function arrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

interface SheetCharts {
  drawing: string;
  charts: string[];
}

/** The drawing and chart parts a sheet refers to, followed through the relationships. */
async function chartsOf(bytes: Uint8Array, sheet: string): Promise<SheetCharts | null> {
  const pkg = await XlsxPackage.open(bytes);
  const parts = await partsOf(bytes);
  const sheetPart = pkg.info.sheets.find((s) => s.name === sheet)!.part;
  const relsName = sheetPart.replace(/([^/]+)$/, '_rels/$1.rels');
  if (!parts.has(relsName)) return null;
  const target = /Type="[^"]*\/drawing" Target="([^"]+)"/.exec(text(parts, relsName));
  if (!target) return null;
  const drawing = path.posix.normalize(path.posix.join(path.posix.dirname(sheetPart), target[1]!));
  const dRels = text(parts, drawing.replace(/([^/]+)$/, '_rels/$1.rels'));
  const charts = [...dRels.matchAll(/Target="([^"]+)"/g)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(drawing), m[1]!)),
  );
  return { drawing, charts };
}

/** Cached points of a numRef/strRef (`idx` → value). */
function cache(refXml: string): string[] {
  return [...refXml.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map((m) => m[2]!);
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Every relationship target exists and every content-type override names a part that exists. */
function checkReferences(parts: Map<string, Buffer>): void {
  for (const name of parts.keys()) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!m) continue;
    for (const rel of elements(text(parts, name), 'Relationship')) {
      if (/TargetMode="External"/.test(rel)) continue;
      const t = /Target="([^"]+)"/.exec(rel)![1]!;
      const resolved = t.startsWith('/') ? t.slice(1) : path.posix.normalize(path.posix.join(m[1]!, t));
      expect({ from: name, to: resolved, exists: parts.has(resolved) }).toEqual({ from: name, to: resolved, exists: true });
    }
  }
  for (const o of elements(text(parts, '[Content_Types].xml'), 'Override')) {
    const part = /PartName="\/([^"]+)"/.exec(o)![1]!;
    expect({ part, exists: parts.has(part) }).toEqual({ part, exists: true });
  }
}

describe('charts in the package', () => {
  it('writes a drawing and chart parts that refer to the sheet, with caches equal to the cells', async () => {
    const original = await exceljsWorkbook();
    const before = await partsOf(original);
    const out = await writePackage(original, request(outputs()));
    const parts = await partsOf(out);
    for (const [n, d] of parts) checkWellFormed(n, d);
    checkReferences(parts);

    const budget = (await chartsOf(out, 'Budget'))!;
    // The user's own drawing (the picture on Medlemmar) is drawing1: ours do not clash with it.
    expect(before.has('xl/drawings/drawing1.xml')).toBe(true);
    expect(budget.drawing).not.toBe('xl/drawings/drawing1.xml');
    expect(parts.get('xl/drawings/drawing1.xml')!.equals(before.get('xl/drawings/drawing1.xml')!)).toBe(true);
    expect(budget.charts).toHaveLength(2);
    const drawing = text(parts, budget.drawing);
    const frames = elements(drawing, 'cNvPr');
    expect(frames).toHaveLength(2);
    expect(frames[0]).toContain('name="FinsamBudget chart 1"');
    expect(frames[0]).toContain('descr="Kassa: jan 2024 1 200 000 kr … jun 2024 1 000 000 kr; golv 800 000 kr."');
    expect(frames[1]).toContain('name="FinsamBudget chart 2"');
    expect(drawing).toContain('<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row>');

    // The worksheet: <drawing> after the page setup and header/footer, last before </worksheet>.
    const sheetPart = (await XlsxPackage.open(out)).info.sheets.find((s) => s.name === 'Budget')!.part;
    expect(text(parts, sheetPart)).toMatch(
      /<pageSetup [^>]*\/>(?:<headerFooter>.*<\/headerFooter>)?<drawing r:id="rId1"\/><\/worksheet>$/,
    );

    const line = text(parts, budget.charts[0]!);
    expect(line).toContain('<c:lineChart>');
    expect(line).toContain('<c:autoTitleDeleted val="0"/>');
    expect(line).toContain('<a:t>Kassa vid månadens slut mot likviditetsgolvet</a:t>');
    const sers = elements(line, 'ser');
    expect(sers).toHaveLength(2);
    expect(sers[0]).toContain('<c:tx><c:v>Kassa</c:v></c:tx>');
    expect(sers[1]).toContain('<c:tx><c:v>Likviditetsgolv</c:v></c:tx>');
    const cat = elements(sers[0]!, 'cat')[0]!;
    expect(cat).toContain("<c:f>'Budget'!$A$2:$A$7</c:f>");
    expect(cat).toContain('<c:strCache>');
    expect(cache(cat)).toEqual(MONTHS);
    const val0 = elements(sers[0]!, 'val')[0]!;
    expect(val0).toContain("<c:f>'Budget'!$B$2:$B$7</c:f>");
    expect(cache(val0).map(Number)).toEqual(CASH);
    expect(val0).toContain('<c:formatCode># ##0</c:formatCode>');
    expect(cache(elements(sers[1]!, 'val')[0]!).map(Number)).toEqual(MONTHS.map(() => FLOOR));
    // Axes: a category axis and a value axis that cross each other.
    expect(line).toMatch(/<c:lineChart>.*<c:axId val="(\d+)"\/><c:axId val="(\d+)"\/><\/c:lineChart>/);
    expect(elements(line, 'catAx')).toHaveLength(1);
    expect(elements(line, 'valAx')).toHaveLength(1);
    expect(line).toContain('<c:legend>');

    const column = text(parts, budget.charts[1]!);
    expect(column).toContain('<c:barChart><c:barDir val="col"/>');
    const cserie = elements(column, 'ser')[0]!;
    // Numeric years: a numRef with a number cache.
    expect(elements(cserie, 'cat')[0]).toContain("<c:numRef><c:f>'Budget'!$A$10:$A$11</c:f>");
    expect(cache(elements(cserie, 'cat')[0]!)).toEqual(['2024', '2025']);
    expect(cache(elements(cserie, 'val')[0]!)).toEqual(['2100000', '2600000']);

    // The new sheet's chart: names and categories escaped.
    const split = (await chartsOf(out, 'Fördelning'))!;
    expect(split.charts).toHaveLength(1);
    const sc = text(parts, split.charts[0]!);
    expect(sc).toContain("<c:f>'Fördelning'!$A$2:$A$3</c:f>");
    expect(cache(elements(sc, 'cat')[0]!).map(decode)).toEqual(['Eskilstuna', 'Strängnäs & <Co>']);
    expect(sc).toContain('<c:tx><c:v>Belopp "kr"</c:v></c:tx>');

    // Content types for the new parts.
    const ct = text(parts, '[Content_Types].xml');
    for (const part of [budget.drawing, split.drawing])
      expect(ct).toContain(
        `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
    for (const part of [...budget.charts, ...split.charts])
      expect(ct).toContain(
        `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );

    // Every part that is not ours is byte-identical.
    const pkg0 = await XlsxPackage.open(original);
    const budgetPart = pkg0.info.sheets.find((s) => s.name === 'Budget')!.part;
    const changing = new Set([
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      '[Content_Types].xml',
      'xl/styles.xml',
      budgetPart,
      budgetPart.replace(/([^/]+)$/, '_rels/$1.rels'),
    ]);
    for (const [name, data] of before) {
      if (changing.has(name)) continue;
      expect({ name, same: parts.get(name)?.equals(data) ?? 'missing' }).toEqual({ name, same: true });
    }

    // ExcelJS opens it (it drops charts, but must not fail on them) and reads the cells.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(out));
    expect(wb.getWorksheet('Budget')!.getCell('B2').value).toBe(CASH[0]);
  });

  it('replaces its own drawing on a second write: one drawing, the same charts, the old parts and types gone', async () => {
    const first = await writePackage(await exceljsWorkbook(), request(outputs()));
    const firstCharts = (await chartsOf(first, 'Budget'))!;
    // Excel adds a style and a colour part to a chart it saves: those are ours too.
    const zip = await JSZip.loadAsync(first);
    const chartPart = firstCharts.charts[0]!;
    zip.file(
      'xl/charts/style1.xml',
      '<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>',
    );
    zip.file(
      chartPart.replace(/([^/]+)$/, '_rels/$1.rels'),
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style1.xml"/></Relationships>',
    );
    zip.file(
      '[Content_Types].xml',
      (await zip.file('[Content_Types].xml')!.async('string')).replace(
        '</Types>',
        '<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/></Types>',
      ),
    );
    const saved = await zip.generateAsync({ type: 'uint8array' });

    const sheets = outputs();
    sheets[0]!.rows[1]![1] = { v: 42, f: '# ##0' };
    const second = await writePackage(saved, request(sheets));
    const parts = await partsOf(second);
    for (const [n, d] of parts) checkWellFormed(n, d);
    checkReferences(parts);
    const budget = (await chartsOf(second, 'Budget'))!;
    const split = (await chartsOf(second, 'Fördelning'))!;
    expect(budget.charts).toHaveLength(2);
    expect(split.charts).toHaveLength(1);
    // The user's drawing, ours on Budget and ours on Fördelning: three drawings, three charts.
    const names = [...parts.keys()];
    expect(names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(3);
    expect(names.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(3);
    expect(names).not.toContain('xl/charts/style1.xml');
    for (const old of [firstCharts.drawing, ...firstCharts.charts])
      if (![budget.drawing, split.drawing, ...budget.charts, ...split.charts].includes(old)) expect(names).not.toContain(old);
    const ct = text(parts, '[Content_Types].xml');
    expect(elements(ct, 'Override').filter((o) => /drawingml\.chart\+xml/.test(o))).toHaveLength(3);
    expect(ct).not.toContain('chartstyle');
    // The caches follow the new cells.
    expect(cache(elements(elements(text(parts, budget.charts[0]!), 'ser')[0]!, 'val')[0]!)[0]).toBe('42');
    // A third write is stable: still one drawing per sheet.
    const third = await writePackage(second, request(outputs()));
    const p3 = [...(await partsOf(third)).keys()];
    expect(p3.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(3);
    checkReferences(await partsOf(third));
    // Without charts the drawing goes.
    const plain = outputs().map((s) => ({ ...s, charts: [] }));
    const fourth = await partsOf(await writePackage(third, request(plain)));
    checkReferences(fourth);
    expect([...fourth.keys()].filter((n) => /^xl\/(drawings|charts)\/[^/]+\.xml$/.test(n))).toEqual(['xl/drawings/drawing1.xml']);
  });

  it('refreshes through PackageHost (the command line) twice: the marks make the sheets ours, one drawing each', async () => {
    const host1 = await PackageHost.open(await exceljsWorkbook());
    await host1.read();
    await host1.write(outputs());
    expect(await checkWrite(host1.result!, request(outputs()))).toEqual([]);
    const host2 = await PackageHost.open(host1.result!);
    expect((await host2.read()).ownedSheets).toEqual(['Budget', 'Fördelning']);
    await host2.write(outputs());
    const parts = await partsOf(host2.result!);
    checkReferences(parts);
    expect([...parts.keys()].filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(3);
    expect((await chartsOf(host2.result!, 'Budget'))!.charts).toHaveLength(2);
    expect((await chartsOf(host2.result!, 'Fördelning'))!.charts).toHaveLength(1);
  });

  it("refuses a drawing on an output sheet that holds a user's picture or a frame renamed by the user", async () => {
    const first = await writePackage(await exceljsWorkbook(), request(outputs()));
    const { drawing } = (await chartsOf(first, 'Budget'))!;
    const withPicture = async (edit: (xml: string) => string) => {
      const zip = await JSZip.loadAsync(first);
      zip.file(drawing, edit(await zip.file(drawing)!.async('string')));
      return zip.generateAsync({ type: 'uint8array' });
    };
    const pic =
      '<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:ext cx="100" cy="100"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="9" name="FinsamBudget logo"/><xdr:cNvPicPr/></xdr:nvPicPr>' +
      '<xdr:blipFill/><xdr:spPr/></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>';
    for (const edited of [
      await withPicture((x) => x.replace('</xdr:wsDr>', `${pic}</xdr:wsDr>`)),
      await withPicture((x) => x.replace('name="FinsamBudget chart 2"', 'name="Mitt diagram"')),
    ]) {
      const err = await writePackage(edited, request(outputs())).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CannotKeepError);
      expect((err as CannotKeepError).items).toEqual([
        expect.objectContaining({ kind: 'drawing', sheet: 'Budget', part: drawing }),
      ]);
    }
  });

  it('refuses a chart whose range is not one row or column, or whose ranges differ in length', async () => {
    const original = await exceljsWorkbook();
    const bad = (edit: (s: OutputSheet) => void) => {
      const sheets = outputs();
      edit(sheets[0]!);
      return writePackage(original, request(sheets)).catch((e: unknown) => e);
    };
    const e1 = await bad((s) => (s.charts![0]!.series[0]!.values = 'B2:C7'));
    expect(e1).toBeInstanceOf(InvalidOutputError);
    expect(e1).toMatchObject({ reason: 'chart', sheet: 'Budget' });
    expect(await bad((s) => (s.charts![0]!.categories = 'A2:A6'))).toMatchObject({ reason: 'chart' });
    expect(await bad((s) => (s.charts![0]!.categories = 'nonsense'))).toMatchObject({ reason: 'chart' });
    expect(await bad((s) => (s.charts![1]!.anchor.rows = 0))).toMatchObject({ reason: 'chart' });
  });
});

describeWithTool(hasSoffice, 'LibreOffice (soffice)', 'charts in LibreOffice', () => {
  it('renders the charts: the PDF holds the chart titles', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Medlemmar').addRow(['Medlem']);
    const sheets = outputs();
    sheets[0]!.print = {
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: 1,
      header: { left: '', center: '', right: '' },
      footer: { left: '', center: '', right: '' },
    };
    const out = await writePackage(new Uint8Array(await plain.xlsx.writeBuffer()), { ...request([sheets[0]!]), owned: [] });
    const dir = tempDir('lo-chart-');
    const file = path.join(dir, 'diagram.xlsx');
    fs.writeFileSync(file, out);
    sofficeConvert([file], 'pdf', dir);
    const pdf = path.join(dir, 'diagram.pdf');
    expect(fs.existsSync(pdf)).toBe(true);
    const txt = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(txt).toContain('Kassa vid månadens slut mot likviditetsgolvet');
    expect(txt).toContain('Eget kapital vid årets slut mot taket');
    expect(txt).toContain('Likviditetsgolv');
    if (process.env.CHART_PNG_DIR) {
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(process.env.CHART_PNG_DIR, 'chart')]);
    }
  });
});
