/**
 * An output sheet as the Excel host writes it: value bands, number-format, bold and style rectangles,
 * links, column-width runs, and one string of everything else to compare with the last write. Pure (no
 * Office.js): the pane's compute worker runs it where it renders the sheets, so that the main thread
 * only queues the range commands (excelHost.ts `writePrepared`); `ExcelHost.write` runs it itself.
 *
 * What the preparation makes of the cells is explained in writeRuns.ts.
 */
import type { ChartSpec, OutCell, OutputSheet, PrintSetup } from '../../workbook/grid';
import { coverKeys, coverRuns, Run, valueBands, ValueBlock, ValueIds, widthRuns } from './writeRuns';

/** Rectangles of one style: [row, column, rows, columns, value] per property (see `coverRuns`). */
export interface StyleRuns {
  fill: Run[];
  color: Run[];
  wrap: Run[];
  align: Run[];
}

/** An internal link: row, column, target (`Likviditet!D6`), and the text shown where the cell is text. */
export type Link = [number, number, string, string | null];

/** Everything one output sheet's write sends (plain data: it crosses from the worker by structured clone). */
export interface PreparedSheet {
  name: string;
  /** The sheet the workbook opens on when this write adds it. */
  active: boolean;
  /** Rows and columns of the rendered sheet (the range the output font is set on). */
  rows: number;
  width: number;
  /** The values as row bands (`valueBands`): no cell outside them holds anything. */
  bands: ValueBlock[];
  /** An upper estimate of the JSON size of the values (`roughBytes`). */
  bytes: number;
  /** Number formats as rectangles (empty cells take any), and as JSON (its size, and to compare). */
  runs: Run[];
  runsJson: string;
  /** Bold cells as rectangles (empty cells take any). */
  bold: Run[];
  styles: StyleRuns;
  links: Link[];
  /** Column widths in Excel's points as runs of adjacent columns: [first column, count, width]. */
  widths: [number, number, number][];
  freezeRows: number;
  print: PrintSetup | null;
  charts: ChartSpec[];
  /** Bold runs, widths, frozen rows, styles, links, print setup and charts, as one string. */
  layout: string;
}

/** A user string Excel would take for a formula is written with Excel's text prefix, an apostrophe. */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Number format for a user string: "@" (text), or "General" where the text prefix already makes it text. */
export function textFormat(value: string): string {
  return asText(value) === value ? '@' : 'General';
}

/** An output sheet as the rectangular `values` and `numberFormat` arrays of its cells. */
export function toArrays(out: OutputSheet): { values: (string | number)[][]; formats: string[][]; width: number } {
  const width = sheetWidth(out);
  const values: (string | number)[][] = [];
  const formats: string[][] = [];
  for (const r of out.rows) {
    const row = new Array<string | number>(width).fill('');
    const format = new Array<string>(width).fill('General');
    for (let i = 0; i < r.length; i++) {
      const c = r[i]!;
      // A prefixed string is text already (the prefix is not shown); other cells take their format.
      if (c.f === '@' && typeof c.v === 'string') {
        const text = asText(c.v);
        row[i] = text;
        format[i] = text === c.v ? '@' : 'General';
      } else {
        row[i] = c.v === null ? '' : c.v;
        format[i] = c.f ?? 'General';
      }
    }
    values.push(row);
    formats.push(format);
  }
  return { values, formats, width };
}

const sheetWidth = (out: OutputSheet) => out.rows.reduce((w, r) => Math.max(w, r.length), 1);

/**
 * Rectangles of one number format, [row, column, rows, columns, format], merged in both directions;
 * "General" needs nothing on a cleared sheet (the write also lets empty cells join: `coverRuns`).
 */
export function formatRuns(formats: string[][]): Run[] {
  return coverRuns(formats, 'General');
}

/** An upper estimate of the JSON size of values (cheap: no strings built). */
export function roughBytes(values: (string | number)[][]): number {
  let n = 0;
  for (const row of values) {
    n += 2;
    for (const v of row) n += typeof v === 'number' ? 25 : v.length * 3 + 3;
  }
  return n;
}

/** Column widths in characters as Excel's points (`RangeFormat.columnWidth`), in runs of one width. */
export function excelWidthRuns(widths: readonly number[]): [number, number, number][] {
  return widthRuns(widths.map((w) => Math.round(w * 6.5)));
}

/**
 * One property of the cells, for `coverKeys`: the cells that have it as (index, value) pairs (few: a
 * status fill, bold totals), and the first and last row that have it: the flat keys are made for those
 * rows only, and rectangles looked for only there (a status fill in a few rows of thousands).
 */
class PropertyKeys {
  private readonly cells: number[] = [];
  private readonly ids = new ValueIds();
  private first = -1;
  private last = -1;
  constructor(private readonly width: number) {}
  set(index: number, row: number, value: string | undefined): void {
    if (value === undefined || value === '') return;
    this.cells.push(index, this.ids.id(value));
    if (this.first < 0) this.first = row;
    this.last = row;
  }
  /** The rectangles (`coverRuns`); `empty` the mask of empty cells, which take any value (null: none do). */
  runs(empty: Uint8Array | null): Run[] {
    if (this.first < 0) return [];
    const from = this.first * this.width;
    const to = (this.last + 1) * this.width;
    const key = new Int32Array(to - from).fill(-1);
    for (let k = 0; k < this.cells.length; k += 2) key[this.cells[k]! - from] = this.cells[k + 1]!;
    const loose = empty ? empty.subarray(from, to) : new Uint8Array(to - from);
    const runs = coverKeys(key, loose, this.last - this.first + 1, this.width, this.ids.names);
    for (const run of runs) run[0] += this.first;
    return runs;
  }
}

/**
 * The cells in one pass: the values (`toArrays`), the links (`linksOf`), and the number formats, bold
 * and styles as flat keys with the mask of empty cells, for their rectangles (the same as `coverRuns`
 * on `toArrays`' formats, and as `styleRuns`).
 */
function cellRuns(
  out: OutputSheet,
  width: number,
): { values: (string | number)[][]; runs: Run[]; bold: Run[]; styles: StyleRuns; links: Link[] } {
  const size = out.rows.length * width;
  const formatIds = new ValueIds();
  const formatKey = new Int32Array(size).fill(-1);
  const empty = new Uint8Array(size).fill(1);
  const [bold, fill, color, wrap, align] = [0, 1, 2, 3, 4].map(() => new PropertyKeys(width)) as [
    PropertyKeys,
    PropertyKeys,
    PropertyKeys,
    PropertyKeys,
    PropertyKeys,
  ];
  const values: (string | number)[][] = [];
  const links: Link[] = [];
  // Neighbouring cells mostly share a format: its number is looked up only when it changes.
  let lastFormat = 'General';
  let lastId = -1;
  for (let row = 0; row < out.rows.length; row++) {
    const r = out.rows[row]!;
    const vs = new Array<string | number>(width).fill('');
    for (let col = 0; col < r.length; col++) {
      const c = r[col]!;
      const j = row * width + col;
      const v = c.v;
      let value: string | number;
      let format: string;
      if (c.f === '@' && typeof v === 'string') {
        // A prefixed string is text already (the prefix is not shown).
        value = asText(v);
        format = value === v ? '@' : 'General';
      } else {
        value = v === null ? '' : v;
        format = c.f ?? 'General';
      }
      vs[col] = value;
      if (format !== lastFormat) {
        lastFormat = format;
        lastId = format === 'General' ? -1 : formatIds.id(format);
      }
      formatKey[j] = lastId;
      if (value !== '') empty[j] = 0;
      if (c.bold === true) bold.set(j, row, 'b');
      if (c.fill !== undefined) fill.set(j, row, c.fill.toUpperCase());
      if (c.color !== undefined) color.set(j, row, c.color.toUpperCase());
      if (c.wrap) wrap.set(j, row, 'wrap');
      if (c.align !== undefined) align.set(j, row, c.align);
      if (c.link) links.push([row, col, c.link, typeof v === 'string' ? v : null]);
    }
    values.push(vs);
  }
  return {
    values,
    links,
    runs: coverKeys(formatKey, empty, out.rows.length, width, formatIds.names),
    bold: bold.runs(empty),
    // Fills show on empty cells too; font colour, wrap and alignment only where there is text.
    styles: { fill: fill.runs(null), color: color.runs(empty), wrap: wrap.runs(empty), align: align.runs(empty) },
  };
}

/** One output sheet as its write sends it. */
export function prepareSheet(out: OutputSheet): PreparedSheet {
  const width = sheetWidth(out);
  const { values, runs, bold, styles, links } = cellRuns(out, width);
  const print = out.print ?? null;
  const charts = out.charts ?? [];
  const layout = JSON.stringify([bold, out.widths, out.freezeRows, styles, links, print, charts]);
  return {
    name: out.name,
    active: out.active === true,
    rows: out.rows.length,
    width,
    bands: valueBands(values, width),
    bytes: roughBytes(values),
    runs,
    runsJson: JSON.stringify(runs),
    bold,
    styles,
    links,
    widths: excelWidthRuns(out.widths),
    freezeRows: out.freezeRows,
    print,
    charts,
    layout,
  };
}

/** The output sheets as the Excel host writes them (what the compute worker sends for it). */
export function prepareSheets(sheets: readonly OutputSheet[]): PreparedSheet[] {
  return sheets.map(prepareSheet);
}

/** A cell with nothing to show: number formats, bold, colour, wrap and alignment make no difference on it. */
const isEmptyCell = (c: OutCell | undefined) => c === undefined || c.v === null || c.v === '';

/** Each style property of the cells as rectangles of one value (nothing to send where no cell has it). */
export function styleRuns(out: OutputSheet, width = sheetWidth(out)): StyleRuns {
  // Fills show on empty cells too; font colour, wrap and alignment only where there is text.
  return {
    fill: propertyRuns(out, width, (c) => c.fill?.toUpperCase(), true),
    color: propertyRuns(out, width, (c) => c.color?.toUpperCase()),
    wrap: propertyRuns(out, width, (c) => (c.wrap ? 'wrap' : undefined)),
    align: propertyRuns(out, width, (c) => c.align),
  };
}

/**
 * One property of the cells as rectangles of one value (`coverRuns`), looked for only in the rows
 * from the first to the last that have it (a status fill in a few rows of a sheet of thousands).
 */
function propertyRuns(
  out: OutputSheet,
  width: number,
  value: (c: OutCell) => string | undefined,
  visibleWhenEmpty = false,
): Run[] {
  let first = -1;
  let last = -1;
  out.rows.forEach((r, i) => {
    if (!r.some((c) => value(c) !== undefined)) return;
    if (first < 0) first = i;
    last = i;
  });
  if (first < 0) return [];
  const grid = out.rows.slice(first, last + 1).map((r) => {
    const row = new Array<string>(width).fill('');
    r.forEach((c, i) => (row[i] = value(c) ?? ''));
    return row;
  });
  const empty = (r: number, c: number) => isEmptyCell(out.rows[first + r]![c]);
  return coverRuns(grid, '', visibleWhenEmpty ? undefined : empty).map(([r, ...rest]) => [first + r, ...rest]);
}

/** The cells that link into the workbook. */
export function linksOf(out: OutputSheet): Link[] {
  const links: Link[] = [];
  out.rows.forEach((r, row) =>
    r.forEach((c, col) => {
      if (c.link) links.push([row, col, c.link, typeof c.v === 'string' ? c.v : null]);
    }),
  );
  return links;
}

/** The same write: layout, number formats and every value band cell by cell (no strings built). */
export function samePrepared(a: PreparedSheet, b: PreparedSheet): boolean {
  if (a.layout !== b.layout || a.runsJson !== b.runsJson || a.width !== b.width || a.rows !== b.rows) return false;
  if (a.bands.length !== b.bands.length) return false;
  for (let k = 0; k < a.bands.length; k++) {
    const x = a.bands[k]!;
    const y = b.bands[k]!;
    if (x.row !== y.row || x.col !== y.col || x.values.length !== y.values.length) return false;
    for (let r = 0; r < x.values.length; r++) {
      const xr = x.values[r]!;
      const yr = y.values[r]!;
      if (xr.length !== yr.length) return false;
      for (let c = 0; c < xr.length; c++) if (xr[c] !== yr[c]) return false;
    }
  }
  return true;
}
