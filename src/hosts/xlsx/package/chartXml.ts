/**
 * Native charts of an output sheet, written as DrawingML (ECMA-376 part 1, §20.5 spreadsheet drawing and
 * §21.2 charts) by hand: one drawing part per sheet, one twoCellAnchor with a graphicFrame per chart, and
 * one chart part per chart whose series refer to the sheet's own cells, with caches of the current values
 * (so that a program that does not recalculate — a viewer, a preview — shows the figures too).
 *
 * Ours is recognised by the frames' names: every frame of a drawing we wrote is named `FinsamBudget …`.
 */
import type { ChartSpec, OutCell, OutputSheet } from '../../../workbook/grid';
import { columnLetter, parseA1 } from '../../../workbook/grid';
import { InvalidOutputError } from './errors';
import { xmlAttr, xmlText } from './xmlText';
import { attr, child, parseXml, XmlElement } from './xmlTree';

export const CHART_FRAME_PREFIX = 'FinsamBudget';
export const NS_CHART = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const REL_DRAWING = `${NS_R}/drawing`;
export const REL_CHART = `${NS_R}/chart`;

/** Colour-blind safe series colours (Okabe–Ito: blue, vermilion, bluish green, orange, reddish purple). */
const SERIES_COLOURS = ['0072B2', 'D55E00', '009E73', 'E69F00', 'CC79A7', '56B4E9'];
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** `A30:A65`, `$B$5:$D$5` or one cell, on the chart's own sheet (no sheet name). */
export function parseRange(ref: string): CellRange {
  const [a, b = a] = ref.split(':');
  const p = parseA1(a!);
  const q = parseA1(b!);
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `'Sammanfattning'!$A$30:$A$65` */
export function absoluteRef(sheet: string, r: CellRange): string {
  const cell = (row: number, col: number) => `$${columnLetter(col)}$${row + 1}`;
  const one = r.r0 === r.r1 && r.c0 === r.c1;
  return `${quoteSheet(sheet)}!${cell(r.r0, r.c0)}${one ? '' : `:${cell(r.r1, r.c1)}`}`;
}

function cellsOf(sheet: OutputSheet, r: CellRange): (OutCell | undefined)[] {
  const out: (OutCell | undefined)[] = [];
  for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) out.push(sheet.rows[row]?.[col]);
  return out;
}

/** Refuse before writing what Excel would refuse to open: a range off the sheet or not one row or column. */
export function checkCharts(sheet: OutputSheet): void {
  const bad = (detail: string) => new InvalidOutputError('chart', sheet.name, detail);
  (sheet.charts ?? []).forEach((c, k) => {
    const { row, col, rows, cols } = c.anchor;
    if (![row, col, rows, cols].every((n) => Number.isInteger(n) && n >= 0) || rows < 1 || cols < 1)
      throw bad(`chart ${k + 1}: anchor`);
    if (row + rows >= MAX_ROWS || col + cols >= MAX_COLS) throw bad(`chart ${k + 1}: anchor off the sheet`);
    if (c.kind !== 'line' && c.kind !== 'column') throw bad(`chart ${k + 1}: kind ${String(c.kind)}`);
    if (c.series.length === 0) throw bad(`chart ${k + 1}: no series`);
    const ranges = [c.categories, ...c.series.map((s) => s.values)].map((ref) => {
      let r: CellRange;
      try {
        r = parseRange(ref);
      } catch {
        throw bad(`chart ${k + 1}: range ${ref}`);
      }
      if (r.r0 !== r.r1 && r.c0 !== r.c1) throw bad(`chart ${k + 1}: ${ref} is not one row or column`);
      if (r.r1 >= MAX_ROWS || r.c1 >= MAX_COLS) throw bad(`chart ${k + 1}: ${ref} off the sheet`);
      return r;
    });
    const n = (r: CellRange) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
    if (ranges.some((r) => n(r) !== n(ranges[0]!))) throw bad(`chart ${k + 1}: ranges of different lengths`);
  });
}

/** The drawing part: one anchored frame per chart, named ours, with the text alternative in `descr`. */
export function drawingXml(charts: ChartSpec[], chartRelIds: string[]): string {
  const anchors = charts.map((c, k) => {
    const { row, col, rows, cols } = c.anchor;
    const at = (r: number, cc: number) =>
      `<xdr:col>${cc}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from>${at(row, col)}</xdr:from><xdr:to>${at(row + rows, col + cols)}</xdr:to>` +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${k + 2}" name="${CHART_FRAME_PREFIX} chart ${k + 1}" title="${xmlAttr(c.title)}" descr="${xmlAttr(c.altText)}"/>` +
      '<xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart xmlns:c="${NS_CHART}" r:id="${chartRelIds[k]}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${anchors.join('')}</xdr:wsDr>`
  );
}

function richText(text: string, size: number, bold: boolean): string {
  return (
    '<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr>' +
    `<a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r><a:rPr lang="sv-SE" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${xmlText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function numCache(cells: (OutCell | undefined)[]): string {
  const format = cells.find((c) => c?.f)?.f ?? 'General';
  const pts = cells
    .map((c, i) => (typeof c?.v === 'number' && Number.isFinite(c.v) ? `<c:pt idx="${i}"><c:v>${c.v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${cells.length}"/>${pts}</c:numCache>`;
}

function strCache(cells: (OutCell | undefined)[]): string {
  const pts = cells
    .map((c, i) =>
      c?.v === null || c?.v === undefined || c.v === '' ? '' : `<c:pt idx="${i}"><c:v>${xmlText(String(c.v))}</c:v></c:pt>`,
    )
    .join('');
  return `<c:strCache><c:ptCount val="${cells.length}"/>${pts}</c:strCache>`;
}

/** The chart part for one chart of `sheet` (its ranges are on that sheet). */
export function chartXml(sheet: OutputSheet, c: ChartSpec): string {
  const catRange = parseRange(c.categories);
  const catCells = cellsOf(sheet, catRange);
  const numericCats = catCells.every((x) => typeof x?.v === 'number');
  const cat = numericCats
    ? `<c:cat><c:numRef><c:f>${xmlText(absoluteRef(sheet.name, catRange))}</c:f>${numCache(catCells)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${xmlText(absoluteRef(sheet.name, catRange))}</c:f>${strCache(catCells)}</c:strRef></c:cat>`;
  const line = c.kind === 'line';
  const series = c.series.map((s, i) => {
    const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
    const valRange = parseRange(s.values);
    const spPr = line
      ? `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${i > 0 ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln></c:spPr>`
      : `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:v>${xmlText(s.name)}</c:v></c:tx>` +
      spPr +
      (line ? '<c:marker><c:symbol val="none"/></c:marker>' : '<c:invertIfNegative val="0"/>') +
      cat +
      `<c:val><c:numRef><c:f>${xmlText(absoluteRef(sheet.name, valRange))}</c:f>${numCache(cellsOf(sheet, valRange))}</c:numRef></c:val>` +
      (line ? '<c:smooth val="0"/>' : '') +
      '</c:ser>'
    );
  });
  const axIds = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  // The value axis reads as the cells do (their number format; LibreOffice ignores a source link here).
  const valFormat = c.series.map((s) => cellsOf(sheet, parseRange(s.values)).find((x) => x?.f)?.f).find(Boolean);
  const plot = line
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series.join('')}<c:marker val="1"/>${axIds}</c:lineChart>`
    : `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}<c:gapWidth val="80"/>${axIds}</c:barChart>`;
  const axisText =
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>';
  const grid = '<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>';
  // Months are dates shown "jan 2024": the axis says so itself (LibreOffice ignores a source link, and
  // would show the serial numbers).
  const catCellFormat = numericCats ? catCells.find((x) => x?.f)?.f : undefined;
  const catFormat = catCellFormat
    ? `<c:numFmt formatCode="${xmlAttr(catCellFormat)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const catAx =
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="b"/>${catFormat}<c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/>${axisText}<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/>` +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>';
  const valAx =
    '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>' +
    `<c:axPos val="l"/><c:majorGridlines>${grid}</c:majorGridlines>` +
    (valFormat
      ? `<c:numFmt formatCode="${xmlAttr(valFormat)}" sourceLinked="0"/>`
      : '<c:numFmt formatCode="General" sourceLinked="1"/>') +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText}` +
    `<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="${line ? 'midCat' : 'between'}"/></c:valAx>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    `<c:title>${richText(c.title, 1200, true)}<c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    `<c:plotArea><c:layout/>${plot}${catAx}${valAx}</c:plotArea>` +
    '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="Calibri"/></a:defRPr></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

/** Frames of a drawing part: each anchor's content (graphicFrame, pic, sp, grpSp, cxnSp, contentPart). */
function framesOf(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (const anchor of root.children) {
    if (!/Anchor$/.test(anchor.local)) {
      out.push(anchor); // AlternateContent or anything unknown: not ours
      continue;
    }
    for (const c of anchor.children) if (!['from', 'to', 'pos', 'ext', 'clientData'].includes(c.local)) out.push(c);
  }
  return out;
}

/**
 * Whether a drawing part holds only charts we wrote: every frame a graphicFrame named `FinsamBudget…`
 * whose graphic is a chart. An empty drawing is not ours (nothing tells it apart).
 */
export function isOurDrawing(text: string, part: string): boolean {
  const root = parseXml(text, part);
  const frames = framesOf(root);
  if (frames.length === 0) return false;
  return frames.every((f) => {
    if (f.local !== 'graphicFrame') return false;
    const name = attr(child(child(f, 'nvGraphicFramePr'), 'cNvPr') ?? f, 'name') ?? '';
    const data = child(child(f, 'graphic'), 'graphicData');
    return name.startsWith(CHART_FRAME_PREFIX) && data !== undefined && attr(data, 'uri') === NS_CHART;
  });
}
