/**
 * The Excel host writes what the output sheets carry beyond values: fills, font colours, wrap,
 * alignment, the one output font, internal links, print setup (ExcelApi 1.9 only), native charts and
 * the sheet to open on, in the same batch as the values (test/fakeOffice.ts records each command and
 * refuses APIs above its ExcelApi level, as Excel does).
 */
import { CHART_PREFIX, ExcelHost, officeExcel } from '../src/hosts/excel/excelHost';
import { styleRuns } from '../src/hosts/excel/prepare';
import { excelWriteFeatures } from '../src/hosts/excel/requirements';
import type { OutCell, OutputSheet } from '../src/workbook/grid';
import { OUTPUT_FONT } from '../src/workbook/grid';
import { computeFromSnapshot } from '../src/workbook/refresh';
import { FakeExcel } from './fakeOffice';
import { exampleExcel, nationalExcel } from './fakeOfficeWorkbooks';

const hostOf = (excel: FakeExcel) => {
  const host = new ExcelHost(officeExcel(excel.Excel as never));
  host.writeFeatures = excelWriteFeatures(excel.isSetSupported);
  return host;
};

const PRINT = {
  orientation: 'landscape' as const,
  fitToWidth: true,
  repeatRows: 3,
  // Excel's header syntax, as the renderer writes it: a literal `&` doubled, `&D` / `&P` codes.
  header: { left: 'Finsam && Co', center: 'Kontroller', right: '&D' },
  footer: { left: '', center: 'Sida &P av &N', right: '2025' },
};

/** `Kontroller`: status fills and colours, a wrapped explanation column, links into `Likviditet`. */
function checksSheet(): OutputSheet {
  const rows: OutCell[][] = [
    [{ v: 'Kontroller 2025–2027', bold: true }],
    [],
    [
      { v: 'Mål', bold: true },
      { v: 'Status', bold: true },
      { v: 'Förklaring', bold: true },
    ],
  ];
  const status = ['OK', 'Varning', 'Ej uppfyllt', 'OK'];
  const fill: Record<string, string> = { OK: 'C6EFCE', Varning: 'FFEB9C', 'Ej uppfyllt': 'FFC7CE' };
  status.forEach((s, i) =>
    rows.push([
      { v: `Mål ${i + 1}`, f: '@', link: i === 1 ? 'Likviditet!D6' : undefined },
      { v: s, fill: fill[s], color: s === 'OK' ? '006100' : '9C0006', align: 'center' },
      { v: 'En lång förklaring som bryts inom kolumnens bredd.', wrap: true },
    ]),
  );
  rows.push([
    { v: 'Lägsta kassa', f: '@' },
    { v: 1200000, f: '#,##0', link: "'Likviditet'!B5" },
  ]);
  return { name: 'Kontroller', rows, widths: [30, 12, 60], freezeRows: 3, print: { ...PRINT, area: 'A1:C8', rowBreaks: [6] } };
}

/** `Likviditet`: months and two series, a line chart beside them; the sheet to open on. */
function liquiditySheet(): OutputSheet {
  const rows: OutCell[][] = [[{ v: 'Likviditet', bold: true }], [], [{ v: 'Månad' }, { v: 'Kassa' }, { v: 'Lägsta' }]];
  for (let m = 0; m < 12; m++) rows.push([{ v: `2025-${String(m + 1).padStart(2, '0')}` }, { v: 1000 * m }, { v: 500 }]);
  return {
    name: 'Likviditet',
    rows,
    widths: [12, 14, 14],
    freezeRows: 3,
    print: { ...PRINT, orientation: 'portrait' },
    active: true,
    charts: [
      {
        kind: 'line',
        title: 'Kassa per månad',
        anchor: { row: 2, col: 4, rows: 15, cols: 8 },
        categories: 'A4:A15',
        series: [
          { name: 'Kassa', values: 'B4:B15' },
          { name: 'Lägsta kassa', values: 'C4:C15' },
        ],
        altText: 'Kassan växer från 0 kr i januari till 11 000 kr i december.',
      },
    ],
  };
}

async function writeOnce(excel: FakeExcel, sheets: OutputSheet[], host = hostOf(excel)) {
  const syncs = excel.syncs;
  await host.read();
  await host.write(sheets);
  return { host, trips: excel.syncs - syncs };
}

/** The commands of the last write whose `what`/`o` is the given one. */
const sent = (excel: FakeExcel, what: string) =>
  (excel.requests[excel.requests.length - 1] as { o: string; what?: string }[]).filter((c) => c.what === what || c.o === what);

describe('Excel host: styles, links, print setup and charts in the write batch', () => {
  test('fills, colours, wrap and alignment as rectangles of one style; the output font on the used range', async () => {
    const excel = new FakeExcel();
    const { trips } = await writeOnce(excel, [checksSheet()]);
    expect(trips).toBe(2); // one read, one write
    const s = excel.sheet('Kontroller')!;
    const style = (r: number, c: number) => s.styles.get(`${r},${c}`) ?? {};
    expect(style(3, 1)).toMatchObject({ fill: '#C6EFCE', color: '#006100', align: 'Center' });
    expect(style(4, 1)).toMatchObject({ fill: '#FFEB9C', color: '#9C0006' });
    expect(style(5, 1)).toMatchObject({ fill: '#FFC7CE' });
    expect(style(3, 2).wrap).toBe(true);
    expect(style(6, 2).wrap).toBe(true);
    expect(style(2, 2).wrap).toBeUndefined();
    // Runs: the wrapped column is one range, the centred status column one range.
    expect(sent(excel, 'wrapText')).toHaveLength(1);
    expect(sent(excel, 'horizontalAlignment')).toHaveLength(1);
    expect(sent(excel, 'fill.color')).toHaveLength(4);
    for (let r = 0; r < 8; r++)
      for (let c = 0; c < 3; c++) expect(style(r, c)).toMatchObject({ fontName: OUTPUT_FONT.name, fontSize: OUTPUT_FONT.size });
    expect(s.bold.has('2,1')).toBe(true);
  });

  test('internal links: the target as given, the cell text kept; a number keeps its value', async () => {
    const excel = new FakeExcel();
    await writeOnce(excel, [checksSheet()]);
    const s = excel.sheet('Kontroller')!;
    expect(s.links.get('4,0')).toEqual({ documentReference: 'Likviditet!D6', textToDisplay: 'Mål 2' });
    expect(s.links.get('7,1')).toEqual({ documentReference: "'Likviditet'!B5" });
    expect(excel.valuesOf('Kontroller')[4]![0]).toBe('Mål 2');
    expect(excel.valuesOf('Kontroller')[7]![1]).toBe(1200000);
    expect(s.links.size).toBe(2);
  });

  test('print setup: A4, orientation, one page wide, title rows, print area, page breaks, header and footer as given', async () => {
    const excel = new FakeExcel();
    const { trips } = await writeOnce(excel, [checksSheet(), { ...liquiditySheet(), print: { ...PRINT, onePage: true } }]);
    expect(trips).toBe(2); // the print area and the breaks go in the one write batch
    expect(excel.sheet('Kontroller')!.print).toEqual({
      paperSize: 'A4',
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$1:$3',
      area: 'A1:C8',
      rowBreaks: ['A7'],
      headers: {
        leftHeader: 'Finsam && Co',
        centerHeader: 'Kontroller',
        rightHeader: '&D',
        leftFooter: '',
        centerFooter: 'Sida &P av &N',
        rightFooter: '2025',
      },
    });
    const liquidity = excel.sheet('Likviditet')!.print;
    expect(liquidity.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    expect(liquidity.area).toBeUndefined();
    expect(liquidity.rowBreaks).toBeUndefined();
    // A second refresh replaces the breaks rather than adding to them.
    await writeOnce(excel, [checksSheet(), liquiditySheet()]);
    expect(excel.sheet('Kontroller')!.print.rowBreaks).toEqual(['A7']);
  });

  test('a print area Excel would refuse fails the write as Excel does (InvalidArgument)', async () => {
    const excel = new FakeExcel();
    const bad = { ...checksSheet(), print: { ...PRINT, area: 'A1:ZZZZ9' } };
    await expect(writeOnce(excel, [bad])).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a chart from the ChartSpec ranges: type, name, title, position, series names, values and categories', async () => {
    const excel = new FakeExcel();
    const { trips } = await writeOnce(excel, [checksSheet(), liquiditySheet()]);
    expect(trips).toBe(2);
    const charts = excel.sheet('Likviditet')!.charts;
    expect(charts).toHaveLength(1);
    expect(charts[0]).toEqual({
      name: `${CHART_PREFIX}1`,
      type: 'Line',
      source: 'B4:B15',
      sheet: 'Likviditet',
      seriesBy: 'Columns',
      title: { text: 'Kassa per månad', visible: true },
      position: ['E3', 'L17'],
      series: [
        { name: 'Kassa', values: 'B4:B15', categories: 'A4:A15' },
        { name: 'Lägsta kassa', values: 'C4:C15', categories: 'A4:A15' },
      ],
    });
    expect(excel.sheet('Kontroller')!.charts).toEqual([]);
  });

  test('the sheet to open on is activated when the write adds it, not on later refreshes', async () => {
    const excel = new FakeExcel();
    const { host } = await writeOnce(excel, [checksSheet(), liquiditySheet()]);
    expect(excel.active).toBe('Likviditet');
    excel.active = 'Kontroller'; // the user moves on
    await writeOnce(excel, [checksSheet(), liquiditySheet()], host);
    expect(excel.active).toBe('Kontroller');
  });

  test('a second refresh leaves one set of our charts; a chart of the user on the sheet is kept', async () => {
    const excel = new FakeExcel();
    const { host } = await writeOnce(excel, [liquiditySheet()]);
    // The user adds a chart of their own on the output sheet.
    await excel.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Likviditet');
      ws.charts.add('ColumnClustered', ws.getRange('B4:B15'), 'Columns').name = 'Min graf';
      await ctx.sync();
    });
    const again = await writeOnce(excel, [liquiditySheet()], host);
    expect(again.trips).toBe(2);
    await writeOnce(excel, [liquiditySheet()], host);
    const names = excel.sheet('Likviditet')!.charts.map((c) => c.name);
    expect(names.sort()).toEqual([`${CHART_PREFIX}1`, 'Min graf']);
    // A new session (a new host, the pane reopened) finds our charts by the read, too.
    await writeOnce(excel, [liquiditySheet()]);
    expect(excel.sheet('Likviditet')!.charts).toHaveLength(2);
    // And a spec with fewer charts leaves none of the old ones behind.
    await writeOnce(excel, [{ ...liquiditySheet(), charts: [] }], host);
    expect(excel.sheet('Likviditet')!.charts.map((c) => c.name)).toEqual(['Min graf']);
  });

  test('the fake clears cells, styles and links but not charts (why the host deletes its charts by name)', async () => {
    const excel = new FakeExcel();
    await writeOnce(excel, [checksSheet(), liquiditySheet()]);
    await excel.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Likviditet').getRange().clear('All');
      ctx.workbook.worksheets.getItem('Kontroller').getRange().clear('All');
      await ctx.sync();
    });
    expect(excel.sheet('Likviditet')!.charts).toHaveLength(1);
    expect(excel.sheet('Kontroller')!.links.size).toBe(0);
    expect(excel.sheet('Kontroller')!.styles.size).toBe(0);
  });
});

describe('Excel host: requirement sets', () => {
  test('ExcelApi 1.7: the core (values, styles, links, charts) is written, print setup skipped, no error', async () => {
    const excel = new FakeExcel();
    excel.apiVersion = '1.7';
    const { trips } = await writeOnce(excel, [checksSheet(), liquiditySheet()]);
    expect(trips).toBe(2);
    expect(excel.valuesOf('Kontroller')[3]![1]).toBe('OK');
    expect(excel.sheet('Kontroller')!.styles.get('3,1')).toMatchObject({ fill: '#C6EFCE' });
    expect(excel.sheet('Kontroller')!.links.size).toBe(2);
    expect(excel.sheet('Likviditet')!.charts[0]!.series.map((s) => s.values)).toEqual(['B4:B15', 'C4:C15']);
    expect(excel.sheet('Kontroller')!.print).toEqual({ headers: {} });
    expect(sent(excel, 'paperSize')).toHaveLength(0);
  });

  test('the fake refuses what ExcelApi 1.7 lacks, as Excel does: page layout fails with ApiNotFound', async () => {
    const excel = new FakeExcel();
    excel.apiVersion = '1.7';
    excel.addSheet('Blad1');
    await expect(
      excel.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').pageLayout.orientation = 'Landscape';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    excel.apiVersion = '1.6';
    await expect(
      excel.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Blad1').getRange('A1').hyperlink = { documentReference: 'Blad1!B2' };
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  test('without Office (no isSetSupported) the host writes no print setup', async () => {
    const excel = new FakeExcel();
    const host = new ExcelHost(officeExcel(excel.Excel as never));
    await writeOnce(excel, [checksSheet()], host);
    expect(excel.sheet('Kontroller')!.print).toEqual({ headers: {} });
    expect(excel.valuesOf('Kontroller')[3]![1]).toBe('OK');
  });
});

/** The rendered sheets without anything but values, formats, bold, widths and frozen rows. */
const plain = (sheets: OutputSheet[]): OutputSheet[] =>
  sheets.map(({ name, rows, widths, freezeRows }) => ({
    name,
    widths,
    freezeRows,
    rows: rows.map((r) => r.map(({ v, f, bold }) => ({ v, f, bold }))),
  }));

/**
 * The rendered sheets as the boards' version carries them: where the renderer does not yet, the
 * status column of `Kontroller` filled and linked, explanations wrapped, print setup on every sheet,
 * a chart on `Likviditet`, and `Kontroller` to open on.
 */
function styled(sheets: OutputSheet[]): OutputSheet[] {
  return sheets.map((s) => {
    if (s.print || s.charts || s.rows.some((r) => r.some((c) => c.fill || c.wrap || c.link))) return s;
    const rows = s.rows.map((r, i) =>
      r.map((c, j) =>
        i < 3
          ? c
          : s.name === 'Kontroller' && j === 1
            ? { ...c, fill: 'C6EFCE', color: '006100', link: 'Likviditet!A1' }
            : j === r.length - 1 && typeof c.v === 'string'
              ? { ...c, wrap: true }
              : c,
      ),
    );
    const out: OutputSheet = { ...s, rows, print: { ...PRINT, header: { ...PRINT.header, center: s.name } } };
    if (s.name === 'Kontroller') out.active = true;
    if (s.name === 'Likviditet')
      out.charts = [
        {
          kind: 'line',
          title: 'Kassa',
          anchor: { row: 3, col: 8, rows: 15, cols: 8 },
          categories: `A4:A${s.rows.length}`,
          series: [{ name: 'Kassa', values: `B4:B${s.rows.length}` }],
          altText: 'Kassan per månad.',
        },
      ];
    return out;
  });
}

describe('Excel host: bytes sent with and without styles', () => {
  test.each([
    ['the example', () => exampleExcel(), 1],
    ['the national workbook', () => nationalExcel(), 1],
  ])('%s: one write either way; the bytes of each', async (label, make) => {
    const bytes: number[] = [];
    let stylesInRender = false;
    for (const dress of [plain, styled]) {
      const excel = make();
      const host = hostOf(excel);
      const snapshot = await host.read();
      const computed = computeFromSnapshot(snapshot);
      expect(computed.errors).toEqual([]);
      stylesInRender ||= computed.sheets.some((s) => s.print || s.charts || s.rows.some((r) => r.some((c) => c.fill)));
      const syncs = excel.syncs;
      await host.write(dress(computed.sheets));
      expect(excel.syncs - syncs).toBe(1);
      bytes.push(excel.trips[excel.trips.length - 1]!.request);
    }
    console.log(
      `${label}: write request without styles ${bytes[0]} B, with styles ${bytes[1]} B ` +
        `(+${(((bytes[1]! - bytes[0]!) / bytes[0]!) * 100).toFixed(1)} %; styles from the renderer: ${stylesInRender ? 'yes' : 'no, added by the test'})`,
    );
    expect(bytes[1]).toBeGreaterThan(bytes[0]!);
  });

  test('style runs: one rectangle for a column of one style', () => {
    const sheet = checksSheet();
    const runs = styleRuns(sheet);
    expect(runs.wrap).toEqual([[3, 2, 4, 1, 'wrap']]);
    expect(runs.align).toEqual([[3, 1, 4, 1, 'center']]);
  });
});
