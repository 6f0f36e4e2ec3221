/**
 * Reading an input sheet through its spec: the header row, the columns by header text, the records,
 * and typed access to a record's cells by column key (a misspelt key is a compile error). Problems are
 * collected as `InputError`s with the cell they concern.
 */
import type { Kronor } from '../engine/kronor';
import type { Ratio } from '../engine/money';
import type { ErrorCode, ErrorParams } from '../messages/errors';
import { Term, spellings } from '../messages/vocabulary';
import { a1, CellValue, InputError, inputError, SheetGrid } from './grid';
import { cellText, isEmpty, normalizeHeader, parseAmount, Parsed, parsePercent } from './values';

/** One column of an input sheet. */
export interface ColumnSpec<K extends string> {
  key: K;
  /** Its header: the contract's column name (from `INPUT_WORDS`). */
  header: string;
  /** A sheet without this column cannot be read. */
  required?: boolean;
  /** Column width in the template, in characters. */
  width: number;
  /** Number format in the template (amounts, dates). */
  format?: string;
}

/** An input sheet: its name and columns (the one description that parsing and the template use). */
export interface SheetSpec<K extends string> {
  name: string;
  /** A title row above the header in the template. */
  title?: string;
  columns: readonly ColumnSpec<K>[];
  /** Columns headed by a year (amounts per plan year) follow the named ones. */
  yearColumns?: { width: number; format: string };
}

export type ColumnsOf<S> = S extends SheetSpec<infer K> ? K : never;

export interface Table<K extends string> {
  sheet: SheetGrid;
  spec: SheetSpec<K>;
  headerRow: number;
  columns: Map<K, number>;
  /** Columns whose header is a four-digit year. */
  yearColumns: Map<number, number>;
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
export function readTable<K extends string>(sheet: SheetGrid, spec: SheetSpec<K>, errors: InputError[]): Table<K> | null {
  const required = spec.columns.filter((c) => c.required);
  const normalizedRequired = required.map((c) => normalizeHeader(c.header));
  const limit = Math.min(sheet.values.length, 20);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r] ?? [];
    const headers = row.map((v) => normalizeHeader(v));
    if (!normalizedRequired.every((h) => headers.includes(h))) continue;
    const columns = new Map<K, number>();
    for (const c of spec.columns) {
      const index = headers.indexOf(normalizeHeader(c.header));
      if (index >= 0) columns.set(c.key, index);
    }
    const yearColumns = new Map<number, number>();
    row.forEach((v, index) => {
      const h = headers[index]!;
      if (/^\d{4}$/.test(h)) yearColumns.set(Number(h), index);
      else if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200) yearColumns.set(v, index);
    });
    const records: TableRecord[] = [];
    for (let rr = r + 1; rr < sheet.values.length; rr++) {
      const values = sheet.values[rr] ?? [];
      if (values.every((v) => isEmpty(v))) break;
      records.push({ row: rr, values });
    }
    return { sheet, spec, headerRow: r, columns, yearColumns, records };
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
    errors.push(
      inputError(sheet.name, cellAddress(sheet, 0, 0), 'missingHeader', {
        sheet: sheet.name,
        columns: required.map((c) => c.header),
      }),
    );
    return null;
  }
  const row = sheet.values[bestRow] ?? [];
  const headers = row.map((v) => normalizeHeader(v));
  let lastUsed = -1;
  row.forEach((v, i) => {
    if (!isEmpty(v)) lastUsed = i;
  });
  required.forEach((c, i) => {
    if (!headers.includes(normalizedRequired[i]!)) {
      errors.push(inputError(sheet.name, cellAddress(sheet, bestRow, lastUsed + 1), 'missingColumn', { column: c.header }));
    }
  });
  return null;
}

/** The header cell of a column (for errors about the sheet as a whole). */
export function headerCell<K extends string>(table: Table<K>, key: K): string {
  return cellAddress(table.sheet, table.headerRow, table.columns.get(key) ?? 0);
}

/** One record's cells, read by column key, with what is needed to report on them. */
export class Cells<K extends string> {
  constructor(
    readonly table: Table<K>,
    readonly record: TableRecord,
    private readonly errors: InputError[],
  ) {}

  has(key: K): boolean {
    return this.table.columns.has(key);
  }

  raw(key: K): CellValue {
    const c = this.table.columns.get(key);
    return c === undefined ? null : (this.record.values[c] ?? null);
  }

  format(key: K): string | null {
    const c = this.table.columns.get(key);
    return c === undefined ? null : (this.table.sheet.formats?.[this.record.row]?.[c] ?? null);
  }

  private header(key: K): string {
    return this.table.spec.columns.find((c) => c.key === key)!.header;
  }

  /** A1 address of a column of this record (a column key, or a grid index for year columns). */
  address(column: K | number): string {
    const index = typeof column === 'number' ? column : (this.table.columns.get(column) ?? 0);
    return cellAddress(this.table.sheet, this.record.row, index);
  }

  error<C extends ErrorCode>(column: K | number, code: C, params: ErrorParams<C>): void {
    this.errors.push(inputError(this.table.sheet.name, this.address(column), code, params));
  }

  /** A parsed value, or undefined after reporting its error on the column's cell. */
  take<T>(column: K | number, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    this.errors.push({ ...parsed, sheet: this.table.sheet.name, cell: this.address(column) });
    return undefined;
  }

  text(key: K, required = false): string {
    const t = cellText(this.raw(key));
    if (required && t === '') this.error(key, 'required', { what: this.header(key) });
    return t;
  }

  /** Whole kronor; `fallback` when empty (no fallback: required). */
  amount(key: K): Kronor | undefined;
  amount<F extends Kronor | null>(key: K, fallback: F): Kronor | F | undefined;
  amount(key: K, fallback?: Kronor | null): Kronor | null | undefined {
    const v = this.raw(key);
    if (isEmpty(v)) {
      if (fallback === undefined) this.error(key, 'required', { what: this.header(key) });
      return fallback;
    }
    return this.take(key, parseAmount(v));
  }

  /** Whole kronor, not negative. */
  nonNegative<F extends Kronor | null>(key: K, fallback: F): Kronor | F | undefined {
    const v = this.amount(key, fallback);
    if (v !== undefined && v !== null && v < 0) {
      this.error(key, 'negative', { what: this.header(key) });
      return undefined;
    }
    return v;
  }

  percent(key: K, fallback: Ratio): Ratio | undefined {
    const v = this.raw(key);
    return isEmpty(v) ? fallback : this.take(key, parsePercent(v, this.format(key)));
  }

  /** One of an enumerated value's spellings (vocabulary); `fallback` when empty (none: required). */
  choice<T extends string>(key: K, table: Record<T, Term>, fallback?: T): T | undefined {
    const v = this.raw(key);
    if (isEmpty(v)) {
      if (fallback === undefined) this.error(key, 'required', { what: this.header(key) });
      return fallback;
    }
    const found = spellings(table).get(cellText(v).toLocaleLowerCase('sv'));
    if (found === undefined) {
      this.error(key, 'unknownChoice', { text: cellText(v), choices: Object.values<Term>(table).map((t) => t.sv) });
    }
    return found;
  }
}

export function records<K extends string>(table: Table<K>, errors: InputError[]): Cells<K>[] {
  return table.records.map((record) => new Cells(table, record, errors));
}

/**
 * A label → value sheet (`Inställningar`, `Ingående balans`, `Mål`): each record's key column names one
 * of `rows` (compared as headers are); unknown and repeated labels are errors. Returns the record of
 * each known row.
 */
export function readLabelled<K extends string, R extends string>(
  table: Table<K>,
  keyColumn: K,
  rows: Record<R, string>,
  errors: InputError[],
  unknown: (text: string, cells: Cells<K>) => void,
  duplicateOf: { sv: string; en: string },
): Map<R, Cells<K>> {
  const found = new Map<R, Cells<K>>();
  const byLabel = new Map<string, R>();
  for (const id of Object.keys(rows) as R[]) byLabel.set(normalizeHeader(rows[id]), id);
  for (const c of records(table, errors)) {
    const label = c.text(keyColumn);
    if (label === '') continue;
    const id = byLabel.get(normalizeHeader(label));
    if (id === undefined) {
      unknown(label, c);
      continue;
    }
    const first = found.get(id);
    if (first) {
      c.error(keyColumn, 'duplicate', { what: duplicateOf, text: label, firstCell: first.address(keyColumn) });
      continue;
    }
    found.set(id, c);
  }
  return found;
}
