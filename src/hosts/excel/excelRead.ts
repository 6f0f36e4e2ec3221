/**
 * What the Excel host loads of each sheet, and the grid it makes of it.
 *
 * An input sheet is read as two used ranges (`Range.getUsedRangeOrNullObject(true)`, ExcelApi 1.4,
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getusedrangeornullobject-member(1)):
 * that of its first `HEAD_ROWS` rows, where the header row is, and that of the rows below. The header
 * row is often wider than the records (the year columns of `Insatser`, empty for most interventions),
 * and one used range would bring every record back padded to the header's width. Together the two hold
 * every used cell; the grid puts them back where they are on the sheet (nothing else differs from one
 * used range: a cell outside both is empty).
 */
import type { CellValue, SheetGrid } from '../../workbook/grid';
import { parseA1 } from '../../workbook/grid';
import { INPUT_SHEETS } from '../../workbook/schema';

/** Input sheets whose parsing looks at number formats (percent cells: src/workbook/parse.ts `c.format(`). */
export const FORMAT_SHEETS: readonly string[] = [INPUT_SHEETS.settings, INPUT_SHEETS.costs, INPUT_SHEETS.goals];

/** Rows read apart from the rest: the parser looks for the header row among the first 20 rows. */
export const HEAD_ROWS = 20;
/** Excel's grid: 1 048 576 rows, 16 384 columns. */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface SheetHandle {
  /** The input sheet's name as the contract spells it (the sheet's own name may differ: `sameSheetName`). */
  name: string;
  sheet: Excel.Worksheet;
  /** The used cells of the first `HEAD_ROWS` rows, and of the rows below them. */
  head: Excel.Range;
  rest: Excel.Range;
  formats: boolean;
}

export interface OutputHandle {
  /** The output sheet's name as the tool writes it. */
  name: string;
  sheet: Excel.Worksheet;
  charts: Excel.ChartCollection;
}

/** Queue the loads of an input sheet: its name and id, and its two used ranges (formats only where parsing reads them). */
export function queueInput(sheet: Excel.Worksheet, name: string): SheetHandle {
  sheet.load('name,id');
  const formats = FORMAT_SHEETS.includes(name);
  const props = formats ? 'values,numberFormat,address' : 'values,address';
  const head = sheet.getRangeByIndexes(0, 0, HEAD_ROWS, MAX_COLS).getUsedRangeOrNullObject(true).load(props);
  const rest = sheet
    .getRangeByIndexes(HEAD_ROWS, 0, MAX_ROWS - HEAD_ROWS, MAX_COLS)
    .getUsedRangeOrNullObject(true)
    .load(props);
  return { name, sheet, head, rest, formats };
}

/** Queue the loads of an output sheet: name, id, protection and the names of its charts (ExcelApi 1.1). */
export function queueOutput(sheet: Excel.Worksheet, name: string): OutputHandle {
  sheet.load('name,id,protection/protected');
  const charts = sheet.charts.load('items/name');
  return { name, sheet, charts };
}

/** `'Insatser per år'!A1:C3` → [`Insatser per år`, `A1:C3`]. */
export function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf('!');
  const sheet = address.slice(0, at);
  const name = sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return [name, address.slice(at + 1)];
}

/** The grid of a loaded input sheet: both used ranges in one rectangle, empty cells between them. */
export function gridOf(h: SheetHandle): SheetGrid {
  const parts = [h.head, h.rest]
    .filter((r) => !r.isNullObject)
    .map((r) => {
      const topLeft = parseA1(splitAddress(r.address)[1].split(':')[0]!);
      const values = r.values as CellValue[][];
      return {
        row: topLeft.row,
        col: topLeft.col,
        values,
        formats: h.formats ? (r.numberFormat as string[][]) : undefined,
        width: values[0]?.length ?? 0,
      };
    });
  const grid: SheetGrid = { name: h.sheet.name, values: [], rowOffset: 0, colOffset: 0 };
  if (h.formats) grid.formats = [];
  if (parts.length === 0) return grid;
  if (parts.length === 1) {
    const p = parts[0]!;
    return { ...grid, values: p.values, rowOffset: p.row, colOffset: p.col, ...(p.formats ? { formats: p.formats } : {}) };
  }
  const top = Math.min(...parts.map((p) => p.row));
  const left = Math.min(...parts.map((p) => p.col));
  const right = Math.max(...parts.map((p) => p.col + p.width));
  const bottom = Math.max(...parts.map((p) => p.row + p.values.length));
  const values: CellValue[][] = Array.from({ length: bottom - top }, () => new Array<CellValue>(right - left).fill(''));
  const formats: string[][] | undefined = h.formats
    ? Array.from({ length: bottom - top }, () => new Array<string>(right - left).fill('General'))
    : undefined;
  for (const p of parts)
    p.values.forEach((row, i) => {
      const target = values[p.row - top + i]!;
      const f = formats?.[p.row - top + i];
      for (let j = 0; j < row.length; j++) {
        target[p.col - left + j] = row[j]!;
        if (f && p.formats) f[p.col - left + j] = p.formats[i]![j]!;
      }
    });
  return { ...grid, values, rowOffset: top, colOffset: left, ...(formats ? { formats } : {}) };
}
