/**
 * Reading an input sheet through its spec: the header row, the columns by header text, the records,
 * and typed access to a record's cells by column key (a misspelt key is a compile error). Problems are
 * collected as `InputError`s with the cell they concern.
 */
import type { Kronor } from '../engine/kronor';
import type { ErrorCode, ErrorParams } from '../messages/errors';
import { lowerCaseSv, Term, spellings } from '../messages/vocabulary';
import { a1, CellValue, InputError, inputError, SheetGrid } from './grid';
import { D, Ratio } from '../engine/money';
import { cellText, isEmpty, MAX_YEAR, MIN_YEAR, normalizeHeader, parseAmount, parseNumber, Parsed, parsePercent } from './values';

/** One column of an input sheet. */
export interface ColumnSpec<K extends string> {
  key: K;
  /** Its header: the contract's column name (from `INPUT_WORDS`). */
  header: string;
  /** Other headers it is read under (`INPUT_ALSO`); the template writes `header`. */
  also?: readonly string[];
  /** A sheet without this column cannot be read. */
  required?: boolean;
  /** Column width in the template, in characters. */
  width: number;
  /** Number format in the template (amounts, dates). */
  format?: string;
  /** Amounts that a sum row below the records must add up (workbook.md, "Sum rows"). */
  summed?: boolean;
}

/** An input sheet: its name and columns (the one description that parsing and the template use). */
export interface SheetSpec<K extends string> {
  name: string;
  /** A title row above the header in the template. */
  title?: string;
  columns: readonly ColumnSpec<K>[];
  /** Columns headed by a year (amounts per plan year) follow the named ones. */
  yearColumns?: { width: number; format: string };
  /**
   * The key column whose text marks a sum row (`Summa …`, `Totalt`, `Total`): never a record; its
   * numbers in summed and year columns must equal the records' sums above it.
   */
  sumKey?: K;
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
  /** Grid rows read as sum rows (not records). */
  sumRows: number[];
  /** Grid cells ("row,col", indices into values) holding a formula without a cached value. */
  noValue: Set<string>;
  /** A1 cells that already have an error: one error per cell, no knock-ons on the same cell. */
  flagged: Set<string>;
}

export interface TableRecord {
  /** Index into grid rows. */
  row: number;
  values: CellValue[];
}

export function cellAddress(sheet: SheetGrid, row: number, col: number): string {
  return a1(sheet.rowOffset + row, sheet.colOffset + col);
}

/** A key cell's text that marks a sum row: `Summa`, `Totalt` or `Total` as its first word. */
export const SUM_ROW = /^(summa|totalt?)(?![\p{L}\p{N}])/iu;

/** A header that names a year: four digits as text, or a whole number of four digits. */
function headerYear(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 1000 && v <= 9999 ? v : null;
  const t = normalizeHeader(v);
  return /^\d{4}$/.test(t) ? Number(t) : null;
}

/**
 * Find the header row (the first of the first 20 rows holding every required column), the columns
 * by normalised header, and the records down to the first fully empty row. Sum rows (by their key
 * cell, or an Excel table's totals row) are checked against the records above them and skipped; a
 * column named twice, or a year header outside the bounds, is an error.
 */
export function readTable<K extends string>(sheet: SheetGrid, spec: SheetSpec<K>, errors: InputError[]): Table<K> | null {
  const required = spec.columns.filter((c) => c.required);
  const normalizedRequired = required.map((c) => normalizeHeader(c.header));
  const limit = Math.min(sheet.values.length, 20);
  const noValue = new Set<string>();
  for (const f of sheet.formulasWithoutValue ?? []) noValue.add(`${f.row - sheet.rowOffset},${f.col - sheet.colOffset}`);
  for (let r = 0; r < limit; r++) {
    const row = sheet.values[r] ?? [];
    const headers = row.map((v) => normalizeHeader(v));
    if (!normalizedRequired.every((h) => headers.includes(h))) continue;
    const flagged = new Set<string>();
    const columns = new Map<K, number>();
    const duplicate = (first: number, second: number) => {
      const cell = cellAddress(sheet, r, second);
      flagged.add(cell);
      errors.push(
        inputError(sheet.name, cell, 'duplicateColumn', {
          column: cellText(row[second] ?? null),
          firstCell: cellAddress(sheet, r, first),
          cell,
        }),
      );
    };
    for (const c of spec.columns) {
      const names = [c.header, ...(c.also ?? [])].map(normalizeHeader);
      headers.forEach((x, index) => {
        if (!names.includes(x)) return;
        const first = columns.get(c.key);
        if (first === undefined) columns.set(c.key, index);
        else duplicate(first, index);
      });
    }
    const yearColumns = new Map<number, number>();
    if (spec.yearColumns) {
      row.forEach((v, index) => {
        const year = headerYear(v);
        if (year === null) return;
        if (year < MIN_YEAR || year > MAX_YEAR) {
          const cell = cellAddress(sheet, r, index);
          flagged.add(cell);
          errors.push(inputError(sheet.name, cell, 'yearOutOfRange', { text: cellText(v), min: MIN_YEAR, max: MAX_YEAR }));
          return;
        }
        const first = yearColumns.get(year);
        if (first === undefined) yearColumns.set(year, index);
        else duplicate(first, index);
      });
    }
    const totals = new Set((sheet.totalsRows ?? []).map((t) => t - sheet.rowOffset));
    const summed: SummedColumn[] = [
      ...spec.columns
        .filter((c) => c.summed && columns.has(c.key))
        .map((c) => ({ header: c.header, column: columns.get(c.key)! })),
      ...[...yearColumns].map(([year, column]) => ({ header: String(year), column })),
    ];
    const keyColumn = spec.sumKey === undefined ? -1 : (columns.get(spec.sumKey) ?? -1);
    const { records, sumRows } = scanRecords({ sheet, firstRow: r + 1, keyColumn, summed, totals, noValue, flagged, errors });
    return { sheet, spec, headerRow: r, columns, yearColumns, records, sumRows, noValue, flagged };
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

/** A column whose amounts a sum row must add up (its header, for the message). */
interface SummedColumn {
  header: string;
  column: number;
}

interface Scan {
  sheet: SheetGrid;
  /** The first grid row below the header. */
  firstRow: number;
  /** The column whose text marks a sum row (-1: none). */
  keyColumn: number;
  summed: readonly SummedColumn[];
  /** Grid rows of an Excel table's totals rows. */
  totals: ReadonlySet<number>;
  noValue: ReadonlySet<string>;
  flagged: Set<string>;
  errors: InputError[];
}

/**
 * The records below the header, down to the first fully empty row; sum rows are checked against the
 * records above them and left out. The loop over every row of every input sheet: kept small and apart
 * from readTable's header search, so that V8 optimizes it quickly and alone (ARCHITECTURE.md, "speed").
 */
function scanRecords(scan: Scan): { records: TableRecord[]; sumRows: number[] } {
  const { sheet, keyColumn, totals, noValue } = scan;
  const records: TableRecord[] = [];
  const sumRows: number[] = [];
  /** The first record since the header or the previous sum row: what the next sum row adds up. */
  let since = 0;
  const rows = sheet.values;
  for (let rr = scan.firstRow; rr < rows.length; rr++) {
    const values = rows[rr] ?? [];
    if (isEmptyRow(values, rr, noValue)) break;
    if (totals.has(rr) || (keyColumn >= 0 && SUM_ROW.test(cellText(values[keyColumn] ?? null)))) {
      sumRows.push(rr);
      checkSumRow(scan, rr, records, since);
      since = records.length;
      continue;
    }
    records.push({ row: rr, values });
  }
  return { records, sumRows };
}

/** A row with no value and no formula lacking one: the end of the records. */
function isEmptyRow(values: readonly CellValue[], row: number, noValue: ReadonlySet<string>): boolean {
  for (let c = 0; c < values.length; c++) {
    if (!isEmpty(values[c] ?? null)) return false;
    if (noValue.size > 0 && noValue.has(`${row},${c}`)) return false;
  }
  return true;
}

/**
 * The sum of each summed column over records[from..] (null: a cell is no number or a formula without a
 * value, so the comparison would only repeat that cell's own error). Exact: plain numbers while every
 * part is a safe integer (nearly always), decimals otherwise. Only sheets with sum rows need it.
 */
function columnSums(scan: Scan, records: readonly TableRecord[], from: number): (Ratio | number | null)[] {
  const { summed, noValue } = scan;
  return summed.map(({ column: c }) => {
    let sum: Ratio | number = 0;
    for (let k = from; k < records.length; k++) {
      const { row, values } = records[k]!;
      const v = values[c] ?? null;
      if (noValue.size > 0 && noValue.has(`${row},${c}`)) return null;
      if (isEmpty(v)) continue;
      if (typeof sum === 'number' && typeof v === 'number' && Number.isSafeInteger(v) && Number.isSafeInteger(sum + v)) {
        sum += v;
        continue;
      }
      const n = parseNumber(v);
      if (!n.ok) return null;
      sum = (typeof sum === 'number' ? new D(sum) : sum).plus(n.value);
    }
    return sum;
  });
}

/** A sum row's numbers against the sums of the records above it: each difference is an error on its cell. */
function checkSumRow(scan: Scan, row: number, records: readonly TableRecord[], from: number): void {
  const { sheet, keyColumn, noValue } = scan;
  const values = sheet.values[row] ?? [];
  const key = keyColumn < 0 ? '' : cellText(values[keyColumn] ?? null);
  const sums = columnSums(scan, records, from);
  scan.summed.forEach(({ header, column: c }, i) => {
    const v = values[c] ?? null;
    const sum = sums[i];
    if (isEmpty(v) || (noValue.size > 0 && noValue.has(`${row},${c}`)) || sum === null || sum === undefined) return;
    const given = parseNumber(v);
    if (!given.ok || given.value.equals(sum)) return;
    const cell = cellAddress(sheet, row, c);
    scan.flagged.add(cell);
    scan.errors.push(
      inputError(sheet.name, cell, 'sumRowMismatch', {
        column: header,
        label: key || cellText(values.find((x) => typeof x === 'string' && x.trim() !== '') ?? null),
        given: given.value.toNumber(),
        sum: typeof sum === 'number' ? sum : sum.toNumber(),
      }),
    );
  });
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
    return c === undefined ? null : this.rawAt(c);
  }

  /**
   * The value of a grid column of this record. A formula without a cached value, or a date Excel
   * cannot show, is an error on its cell (reported once) and reads as empty: its record is then not
   * used, so no default ever stands in for it.
   */
  rawAt(column: number): CellValue {
    const v = this.record.values[column] ?? null;
    if (this.table.noValue.size > 0 && this.table.noValue.has(`${this.record.row},${column}`)) {
      const cell = this.address(column);
      this.error(column, 'formulaWithoutValue', { cell });
      return null;
    }
    if (v instanceof Date && Number.isNaN(v.getTime())) {
      this.error(column, 'invalidDate', { cell: this.address(column) });
      return null;
    }
    return v;
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

  /** Report an error on a cell of this record (only the first error of a cell is kept). */
  error<C extends ErrorCode>(column: K | number, code: C, params: ErrorParams<C>): void {
    const cell = this.address(column);
    if (this.table.flagged.has(cell)) return;
    this.table.flagged.add(cell);
    this.errors.push(inputError(this.table.sheet.name, cell, code, params));
  }

  /** Whether a cell of this record already has an error (false for a column the sheet lacks). */
  failed(column: K | number): boolean {
    if (typeof column !== 'number' && !this.has(column)) return false;
    return this.table.flagged.has(this.address(column));
  }

  /** A parsed value, or undefined after reporting its error on the column's cell. */
  take<T>(column: K | number, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    const cell = this.address(column);
    if (this.table.flagged.has(cell)) return undefined;
    this.table.flagged.add(cell);
    this.errors.push({ ...parsed, sheet: this.table.sheet.name, cell });
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
    const found = spellings(table).get(lowerCaseSv(cellText(v)));
    if (found === undefined) {
      this.error(key, 'unknownChoice', { text: cellText(v), choices: Object.values<Term>(table).map((t) => t.sv) });
    }
    return found;
  }
}

/**
 * The year columns for plan years, in sheet order. A year column outside the plan that holds an
 * amount is not used and gets a warning (`yearOutsidePlan`) on its header; with the plan years
 * unknown (`Inställningar` has an error) no year column is read.
 */
export function planYearColumns<K extends string>(
  table: Table<K>,
  years: readonly number[] | null,
  warnings: InputError[],
): [year: number, column: number][] {
  if (!years || years.length === 0) return [];
  const first = years[0]!;
  const last = years[years.length - 1]!;
  const used: [number, number][] = [];
  for (const [year, column] of [...table.yearColumns].sort((a, b) => a[1] - b[1])) {
    if (years.includes(year)) {
      used.push([year, column]);
      continue;
    }
    const holds = table.records.some((r) => !isEmpty(r.values[column] ?? null) || table.noValue.has(`${r.row},${column}`));
    if (holds)
      warnings.push(
        inputError(table.sheet.name, cellAddress(table.sheet, table.headerRow, column), 'yearOutsidePlan', { year, first, last }),
      );
  }
  return used;
}

/**
 * One record kept for the module's life (never read).
 * V8 keeps a class's hidden classes only while an instance is alive: a full garbage collection that finds
 * none (between two refreshes) drops them, and with them the optimized code of every method that was
 * compiled against them, to be compiled again on the next refresh. At national scale that was a third
 * of a warm refresh (scripts/bench.js, which collects garbage before each run). This one instance,
 * alive as long as the module, keeps them.
 */
export const KEPT_CELLS: unknown = new Cells<never>(
  {
    sheet: { name: '', values: [], rowOffset: 0, colOffset: 0 },
    spec: { columns: [] },
    headerRow: 0,
    columns: new Map(),
    yearColumns: new Map(),
    records: [],
    sumRows: [],
    noValue: new Set(),
    flagged: new Set(),
  } as unknown as Table<never>,
  { row: 0, values: [] },
  [],
);

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
