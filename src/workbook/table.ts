/** Locating a sheet's header row and columns, and walking its records. */
import { inputErrors } from '../messages';
import { a1, CellValue, InputError, SheetGrid } from './grid';
import { isEmpty, normalizeHeader } from './values';

export interface Column {
  /** Index into the grid's row arrays. */
  index: number;
  header: string;
}

export interface Table {
  sheet: SheetGrid;
  headerRow: number;
  columns: Map<string, Column>;
  /** Columns whose header is a four-digit year. */
  yearColumns: Map<number, Column>;
  records: TableRecord[];
}

export interface TableRecord {
  /** Index into grid rows. */
  row: number;
  values: CellValue[];
}

export function cellAddress(sheet: SheetGrid, row: number, col: number): string {
  return a1(sheet.rowOffset + row, sheet.colOffset + col);
}

/**
 * Find the header row (the first of the first 20 rows holding every required column), the columns
 * by normalised header, and the records down to the first fully empty row.
 */
export function readTable(
  sheet: SheetGrid,
  required: readonly string[],
  optional: readonly string[],
  errors: InputError[],
): Table | null {
  const wanted = [...required, ...optional];
  const normalizedRequired = required.map((r) => normalizeHeader(r));
  const limit = Math.min(sheet.values.length, 20);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r] ?? [];
    const headers = row.map((v) => normalizeHeader(v));
    if (!normalizedRequired.every((h) => headers.includes(h))) continue;
    const columns = new Map<string, Column>();
    for (const name of wanted) {
      const index = headers.indexOf(normalizeHeader(name));
      if (index >= 0) columns.set(name, { index, header: name });
    }
    const yearColumns = new Map<number, Column>();
    row.forEach((v, index) => {
      const h = headers[index]!;
      if (/^\d{4}$/.test(h)) yearColumns.set(Number(h), { index, header: h });
      else if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200)
        yearColumns.set(v, { index, header: String(v) });
    });
    const records: TableRecord[] = [];
    for (let rr = r + 1; rr < sheet.values.length; rr++) {
      const values = sheet.values[rr] ?? [];
      if (values.every((v) => isEmpty(v))) break;
      records.push({ row: rr, values });
    }
    return { sheet, headerRow: r, columns, yearColumns, records };
  }
  // No row has them all: name the missing columns on the row that has the most of them.
  let bestRow = -1;
  let bestCount = 0;
  for (let r = 0; r < limit; r++) {
    const headers = (sheet.values[r] ?? []).map((v) => normalizeHeader(v));
    const count = normalizedRequired.filter((h) => headers.includes(h)).length;
    if (count > bestCount) {
      bestCount = count;
      bestRow = r;
    }
  }
  if (bestRow < 0) {
    errors.push({
      sheet: sheet.name,
      cell: cellAddress(sheet, 0, 0),
      message: inputErrors.missingHeader(sheet.name, [...required]),
    });
    return null;
  }
  const row = sheet.values[bestRow] ?? [];
  const headers = row.map((v) => normalizeHeader(v));
  let lastUsed = -1;
  row.forEach((v, i) => {
    if (!isEmpty(v)) lastUsed = i;
  });
  required.forEach((name, i) => {
    if (!headers.includes(normalizedRequired[i]!)) {
      errors.push({
        sheet: sheet.name,
        cell: cellAddress(sheet, bestRow, lastUsed + 1),
        message: inputErrors.missingColumn(name),
      });
    }
  });
  return null;
}
