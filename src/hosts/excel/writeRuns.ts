/**
 * Less to send: an output sheet's values, number formats and styles as few ranges as Excel needs.
 *
 * - Values go as row bands, each only as wide as its rows reach: a sheet whose first rows are wide (the
 *   chart data beside `Sammanfattning`'s statement) does not pad the other two thousand rows with empty
 *   strings. A cleared or new sheet is empty, so a cell left out of every band is what an empty string
 *   would have made it.
 * - Number formats, bold, font colour, wrap and alignment as rectangles of one value, merged in both
 *   directions. An empty cell takes any of these without anything to see (no text to format or colour),
 *   so empty cells join whichever rectangle passes over them. Fills are visible on empty cells: never.
 * - Column widths as runs of adjacent columns of one width.
 *
 * Each rectangle is one command whose value is a single cell (`[[format]]`), which Excel applies to the
 * whole range (https://github.com/OfficeDev/office-js-docs-pr/issues/5400;
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member).
 */

/** [row, column, rows, columns, value] */
export type Run = [number, number, number, number, string];

/**
 * Rectangles covering every cell of `grid` whose value is not `none`, each holding one value; a cell for
 * which `free(row, column)` holds (an empty cell) may lie in any rectangle or in none. Greedy: from the
 * first uncovered cell (row by row) as far right as the value (or free cells) go, then down while the
 * whole span does (with or without the free cells at the right of the first row, whichever takes in
 * more); rows and columns at the rectangle's far edges without a cell of the value are trimmed off.
 */
export function coverRuns(
  grid: readonly (readonly string[])[],
  none: string,
  free: (row: number, col: number) => boolean = () => false,
): Run[] {
  // Flat integer arrays: each value as a number (-1 for `none`), free cells as a mask.
  const rows = grid.length;
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  const names = new ValueIds();
  const key = new Int32Array(rows * width).fill(-1);
  const loose = new Uint8Array(rows * width);
  for (let r = 0; r < rows; r++) {
    const row = grid[r]!;
    for (let c = 0; c < width; c++) {
      const v = c < row.length ? row[c]! : none;
      if (v !== none) key[r * width + c] = names.id(v);
      if (free(r, c)) loose[r * width + c] = 1;
    }
  }
  return coverKeys(key, loose, rows, width, names.names);
}

/** Values numbered in order of first sight (the keys `coverKeys` takes). */
export class ValueIds {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  id(v: string): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(v);
      this.ids.set(v, id);
    }
    return id;
  }
}

/**
 * `coverRuns` on a grid given as flat arrays, `rows` × `width`: `key` each cell's value as its index in
 * `names` (-1 for none), `loose` 1 for a free cell.
 */
export function coverKeys(key: Int32Array, loose: Uint8Array, rows: number, width: number, names: readonly string[]): Run[] {
  const covered = new Uint8Array(rows * width);
  const runs: Run[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const i = r * width + c;
      const k = key[i]!;
      if (k < 0 || covered[i] || loose[i]) continue;
      const fits = (j: number) => key[j] === k || loose[j] === 1;
      let wide = c + 1;
      while (wide < width && fits(r * width + wide)) wide++;
      let strict = wide;
      while (strict - 1 > c && key[r * width + strict - 1] !== k) strict--; // trailing free cells
      // Down as far as the whole span fits; of the span with and without the free cells at its right,
      // the one that takes in more cells of the value.
      const down = (end: number): [number, number] => {
        let bottom = r + 1;
        for (; bottom < rows; bottom++) {
          let all = true;
          for (let cc = c, j = bottom * width + c; cc < end && all; cc++, j++) all = fits(j);
          if (!all) break;
        }
        let count = 0;
        for (let rr = r; rr < bottom; rr++)
          for (let j = rr * width + c, e = rr * width + end; j < e; j++) if (key[j] === k && !covered[j]) count++;
        return [bottom, count];
      };
      const a = down(strict);
      const b = wide > strict ? down(wide) : a;
      let end = b[1] > a[1] ? wide : strict;
      let bottom = b[1] > a[1] ? b[0] : a[0];
      // Edges with no cell of the value: trailing rows, then trailing columns.
      const rowHas = (rr: number) => {
        for (let j = rr * width + c, e = rr * width + end; j < e; j++) if (key[j] === k) return true;
        return false;
      };
      const colHas = (cc: number) => {
        for (let rr = r; rr < bottom; rr++) if (key[rr * width + cc] === k) return true;
        return false;
      };
      while (bottom - 1 > r && !rowHas(bottom - 1)) bottom--;
      while (end - 1 > c && !colHas(end - 1)) end--;
      for (let rr = r; rr < bottom; rr++)
        for (let j = rr * width + c, e = rr * width + end; j < e; j++) if (key[j] === k) covered[j] = 1;
      runs.push([r, c, bottom - r, end - c, names[k]!]);
    }
  }
  return runs;
}

/** A rectangle of values: top-left (0-based) and the rows, all of one width. */
export interface ValueBlock {
  row: number;
  col: number;
  values: (string | number)[][];
}

/** About what one more range command costs (its path and property) against an empty cell's `"",`. */
const COMMAND_BYTES = 100;
const EMPTY_CELL_BYTES = 3;

/**
 * The values as row bands (see the file comment). Bands follow the widest row at or below each row:
 * a band ends where the rows below all stop short, when leaving their empty cells out saves more than
 * a command costs. Rows are never split across columns, so a value's row keeps its one command.
 */
export function valueBands(values: (string | number)[][], width: number): ValueBlock[] {
  const n = values.length;
  if (n === 0) return [];
  const reach = values.map((row) => {
    let last = Math.min(width, row.length) - 1;
    while (last >= 0 && row[last] === '') last--;
    return last + 1;
  });
  const below = new Array<number>(n + 1).fill(0);
  for (let r = n - 1; r >= 0; r--) below[r] = Math.max(reach[r]!, below[r + 1]!);
  const bands: { start: number; end: number; width: number }[] = [];
  let r = 0;
  while (r < n) {
    const w = Math.max(1, below[r]!);
    let end = r + 1;
    // Rows below that are all narrower start a new band where that saves more than it costs.
    while (end < n) {
      const next = Math.max(1, below[end]!);
      if (next < w) {
        let segEnd = end;
        while (segEnd < n && Math.max(1, below[segEnd]!) === next) segEnd++;
        if ((w - next) * (n - end) * EMPTY_CELL_BYTES > COMMAND_BYTES) break;
        end = segEnd;
      } else end++;
    }
    bands.push({ start: r, end, width: w });
    r = end;
  }
  return bands.map((b) => ({
    row: b.start,
    col: 0,
    values: values.slice(b.start, b.end).map((row) => (row.length === b.width ? row : row.slice(0, b.width))),
  }));
}

/** Adjacent columns of one width: [first column, count, width]. */
export function widthRuns(widths: readonly number[]): [number, number, number][] {
  const runs: [number, number, number][] = [];
  widths.forEach((w, i) => {
    const last = runs[runs.length - 1];
    if (last && last[2] === w && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1, w]);
  });
  return runs;
}
