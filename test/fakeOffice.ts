/**
 * A fake Office.js for unit tests that behaves like Excel where the add-in depends on it.
 *
 * - Commands are queued and run in order at `context.sync()`; the first failing command stops the
 *   batch and the commands before it stay applied (Excel has no rollback), as a real batch does.
 * - A property can be read only after `load` + `sync` (otherwise `PropertyNotLoaded`); `isNullObject`
 *   after a sync. https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model
 * - `getItem` of a missing sheet or name fails with `ItemNotFound`; `getItemOrNullObject` gives a null
 *   object; `names.add` of an existing name fails with `ItemAlreadyExists`.
 *   https://learn.microsoft.com/javascript/api/excel/excel.errorcodes
 * - Deleting a sheet turns the defined names that refer to it into `=#REF!`; renaming a sheet makes them
 *   follow it (as Excel updates references on rename).
 * - Cell edit mode: a sync fails with `InvalidOperationInCellEditMode`, unless the batch runs under
 *   `Excel.run({ delayForCellEdit: true }, …)`: then it waits until edit mode ends.
 *   https://learn.microsoft.com/javascript/api/excel/excel.runoptions
 * - Protection: writing to a protected sheet, or adding/deleting/renaming sheets in a workbook whose
 *   structure is protected, fails with `AccessDenied`. `worksheet.protection.protected` (ExcelApi 1.2)
 *   and `workbook.protection.protected` (ExcelApi 1.7) are readable.
 * - Values are stored as Excel would: a leading apostrophe makes text and is not part of the value, a
 *   cell formatted "@" keeps text, a numeric string in a General cell becomes a number, a string that
 *   starts like a formula becomes a (here: broken) formula.
 * - `onChanged` events carry `source` (Local/Remote), `triggerSource` (ExcelApi 1.14 and later) and
 *   `worksheetId`; the add-in's own writes raise them too, before the sync that caused them returns.
 *   A handler is removed only when the context it was added with syncs the removal.
 *   https://learn.microsoft.com/javascript/api/office/officeextension.eventhandlerresult
 * - Cell styles (fill, font name/size/colour, wrap, horizontal alignment) and hyperlinks are stored per
 *   cell; `clear('All')` removes them, `clear('Formats')` the styles. Charts are objects on the sheet:
 *   `clear` never removes them, only `Chart.delete` does. `charts.add(type, source, seriesBy)` makes one
 *   series per column (or row) of the source, named "Series<n>", as Excel does.
 * - Requirement sets: an API above `apiVersion` fails the sync with `ApiNotFound`, as Excel does
 *   (`Range.hyperlink`, `ChartSeriesCollection.add`, `ChartSeries.setValues`/`setXAxisValues`: 1.7;
 *   `Worksheet.pageLayout`: 1.9; `worksheets.onChanged`: 1.9).
 * - Excel tables (`workbook.tables`, ExcelApi 1.1): `name`, `showTotals`, `worksheet` (1.2, its `id` and
 *   `name` only where loaded) and `getRange()`, the whole table with its header and, when shown, its
 *   totals row. `Range.getUsedRangeOrNullObject` (1.4) gives
 *   the used cells within a range.
 * - Worksheet names are looked up case-insensitively (Excel's sheet names are unique regardless of case)
 *   but not trimmed or normalised; the host does not depend on either: it matches the names it loads.
 * - Counts round trips and the JSON size of every request (queued commands) and response (loaded data).
 */
export type Cell = string | number | boolean;

export interface FakeSheet {
  id: string;
  name: string;
  values: Cell[][];
  formats: string[][];
  protected: boolean;
  frozenRows: number;
  bold: Set<string>;
  widths: Map<number, number>;
  /** Cells written with a string Excel took for a formula. */
  formulas: string[];
  /** Styles by "row,col" (a `Map`, held by row and column: `CellMap`). */
  styles: CellMap<CellStyle>;
  /** Hyperlinks by "row,col". */
  links: Map<string, { documentReference?: string; address?: string; textToDisplay?: string }>;
  charts: FakeChart[];
  /** Page layout as set (ExcelApi 1.9). */
  print: FakePrint;
  /** Excel tables (ListObjects) on the sheet. */
  tables: FakeTable[];
}

/**
 * An Excel table: its whole range (header, body and, when shown, the totals row), as `Table.getRange()`
 * gives it (https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getrange-member(1)).
 */
export interface FakeTable {
  id: string;
  name: string;
  /** A1 address of the whole table on its sheet, e.g. `B3:D8`. */
  address: string;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface CellStyle {
  fill?: string;
  color?: string;
  fontName?: string;
  fontSize?: number;
  wrap?: boolean;
  align?: string;
}

export interface FakeChart {
  name: string;
  type: string;
  /** A1 address of the source range (on `sheet`). */
  source: string;
  sheet: string;
  seriesBy: string;
  title: { text: string; visible: boolean };
  position: [string, string] | null;
  series: { name: string; values: string | null; categories: string | null }[];
}

export interface FakePrint {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  titleRows?: string;
  /** `setPrintArea`'s address, as given. */
  area?: string;
  /** The cells (A1) of the manual page breaks added since the last `removePageBreaks`. */
  rowBreaks?: string[];
  headers: Record<string, string>;
}

interface FakeName {
  name: string;
  /** The sheet the name refers to, null when it was deleted (`=#REF!`). */
  sheetId: string | null;
  cell: string;
  comment: string;
}

export interface ChangeEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
  triggerSource?: 'Unknown' | 'ThisLocalAddin';
}

interface Handler {
  /** 'collection' or a sheet id. */
  target: string;
  fn: (e: ChangeEvent) => unknown;
  context: FakeContext;
}

interface Op {
  json: unknown;
  run: () => unknown;
}

export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo = { code, message, errorLocation: '' },
  ) {
    super(message);
  }
}

const MESSAGES: Record<string, string> = {
  ItemNotFound: 'The requested resource doesn’t exist.',
  ItemAlreadyExists: 'The resource being created already exists.',
  PropertyNotLoaded:
    'The property has not been loaded. Before reading the property’s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  AccessDenied: 'You cannot perform the requested operation.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ApiNotFound: 'The API you are trying to use could not be found.',
  GeneralException: 'There was an internal error while processing the request.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
};

export const fail = (code: string, message = MESSAGES[code] ?? code) => new FakeOfficeError(code, message);

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function parseCell(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw fail('InvalidArgument');
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
const version = (v: string) => v.split('.').map(Number) as [number, number];
const atLeast = (have: string, want: string) => {
  const [a, b] = version(have);
  const [c, d] = version(want);
  return a > c || (a === c && b >= d);
};

/** What a user (or Excel) makes of a typed or written value in a cell of the given format. */
export function excelStores(v: unknown, format: string): { value: Cell; formula: boolean } {
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: false };
  const s = typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  if (format === '@') return { value: s, formula: false };
  if (s.startsWith("'")) return { value: s.slice(1), formula: false };
  if (/^[+-]?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(s.trim()) && s.trim() !== '') return { value: Number(s), formula: false };
  if (/^[=+\-@]/.test(s) && s.length > 1) return { value: '#NAME?', formula: true };
  return { value: s, formula: false };
}

/** `Excel.run`'s overloads: (batch), (options, batch), (context, batch). */
export interface FakeRun {
  <T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T>;
  <T>(options: { delayForCellEdit?: boolean } | FakeContext, batch: (ctx: FakeContext) => Promise<T>): Promise<T>;
}

interface RangeRef {
  sheet: FakeSheet;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** The workbook, the Excel host around it and the controls a test needs (edits, edit mode, failures). */
export class FakeExcel {
  sheets: FakeSheet[] = [];
  names = new Map<string, FakeName>();
  structureProtected = false;
  /** Highest ExcelApi requirement set this "Excel" supports. */
  apiVersion = '1.14';
  /** Simulate a host that refuses to navigate from a null object (the read falls back). */
  refuseNullNavigation = false;
  syncs = 0;
  requestBytes = 0;
  responseBytes = 0;
  /** Request and response bytes of each sync. */
  trips: { request: number; response: number }[] = [];
  /** The commands of each sync, as sent (what a test asserts about the batch). */
  requests: unknown[][] = [];
  handlers: Handler[] = [];
  active: string | null = null;
  selected: { sheet: string; cell: string } | null = null;
  /** Milliseconds each round trip takes (0: the next microtask). */
  latencyMs = 0;
  /** Fail the next sync(s) with this error code, before anything runs. */
  failNextSyncs: string[] = [];
  private editMode = false;
  private editEnded: (() => void)[] = [];
  private nextId = 1;

  /** The `Excel` namespace as the add-in sees it. */
  readonly Excel = {
    run: ((a: unknown, b?: (ctx: FakeContext) => Promise<unknown>) => this.run(a, b)) as FakeRun,
    EventSource: { local: 'Local', remote: 'Remote' },
    EventTriggerSource: { unknown: 'Unknown', thisLocalAddin: 'ThisLocalAddin' },
    ErrorCodes: Object.fromEntries(Object.keys(MESSAGES).map((k) => [k[0]!.toLowerCase() + k.slice(1), k])),
  };

  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported = (name: string, min = '1.1'): boolean => name === 'ExcelApi' && atLeast(this.apiVersion, min);

  // ---- workbook set-up and user actions ----

  addSheet(name: string, rows: unknown[][] = [], formats?: string[][]): FakeSheet {
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      values: [],
      formats: [],
      protected: false,
      frozenRows: 0,
      bold: new Set(),
      widths: new Map(),
      formulas: [],
      styles: new CellMap(),
      links: new Map(),
      charts: [],
      print: { headers: {} },
      tables: [],
    };
    this.sheets.push(sheet);
    rows.forEach((r, i) =>
      r.forEach((v, j) => {
        const f = formats?.[i]?.[j] ?? 'General';
        if (f !== 'General') this.setFormat(sheet, i, j, f);
        if (v !== null && v !== undefined && v !== '') this.setValue(sheet, i, j, v instanceof Date ? serial(v) : v);
      }),
    );
    return sheet;
  }

  /** A user makes a range an Excel table (Format as Table), with a totals row or not. */
  addTable(sheet: string, address: string, options: { name?: string; showTotals?: boolean } = {}): FakeTable {
    const s = this.sheet(sheet)!;
    const n = this.sheets.reduce((k, x) => k + x.tables.length, 0) + 1;
    const table: FakeTable = {
      id: `{table-${n}}`,
      name: options.name ?? `Tabell${n}`,
      address,
      showHeaders: true,
      showTotals: options.showTotals ?? false,
    };
    s.tables.push(table);
    return table;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  /** The user deletes a sheet: names referring to it become `=#REF!`. */
  deleteSheet(name: string): void {
    const s = this.sheet(name)!;
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const n of this.names.values()) if (n.sheetId === s.id) n.sheetId = null;
  }

  /** The user renames a sheet: names referring to it follow it. */
  renameSheet(from: string, to: string): void {
    this.sheet(from)!.name = to;
  }

  /** A user types into a cell (Local), or a co-author does (Remote): Excel stores it and raises onChanged. */
  userEdit(sheet: string, row: number, col: number, value: unknown, source: 'Local' | 'Remote' = 'Local'): void {
    const s = this.sheet(sheet)!;
    this.setValue(s, row, col, value);
    this.fire(s, `${colName(col)}${row + 1}`, source, false);
  }

  startCellEdit(): void {
    this.editMode = true;
  }
  endCellEdit(): void {
    this.editMode = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    waiting.forEach((f) => f());
  }
  get inCellEdit(): boolean {
    return this.editMode;
  }

  /** A sheet's stored values, trimmed of trailing empty rows (for comparisons). */
  valuesOf(name: string): Cell[][] {
    const s = this.sheet(name);
    if (!s) return [];
    const used = this.usedBox(s, true);
    if (!used) return [];
    return Array.from({ length: used.rows }, (_, i) =>
      Array.from({ length: used.cols }, (_, j) => s.values[used.row + i]?.[used.col + j] ?? ''),
    );
  }

  nameFormula(name: string): string | undefined {
    const n = this.names.get(name.toLowerCase());
    return n ? this.formulaOf(n) : undefined;
  }

  // ---- internals used by the proxies ----

  formulaOf(n: FakeName): string {
    const s = n.sheetId ? this.sheets.find((x) => x.id === n.sheetId) : undefined;
    if (!s) return '=#REF!';
    const { row, col } = parseCell(n.cell);
    return `=${quoteSheet(s.name)}!$${colName(col)}$${row + 1}`;
  }

  setValue(s: FakeSheet, r: number, c: number, v: unknown): void {
    const { value, formula } = excelStores(v, s.formats[r]?.[c] ?? 'General');
    (s.values[r] ??= [])[c] = value;
    if (formula) s.formulas.push(`${colName(c)}${r + 1}`);
  }
  setFormat(s: FakeSheet, r: number, c: number, f: string): void {
    (s.formats[r] ??= [])[c] = f;
  }

  /** The used cells of a sheet (or of a part of it, `within`) as one rectangle; null when none. */
  usedBox(
    s: FakeSheet,
    valuesOnly: boolean,
    within?: Omit<RangeRef, 'sheet'>,
  ): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    // Every stored cell (holes and cleared cells are undefined) within the range, but `none`.
    const take = (grid: unknown[][], none: unknown) => {
      const top = within ? Math.max(0, within.row) : 0;
      const bottom = within ? Math.min(grid.length, within.row + within.rows) : grid.length;
      for (let i = top; i < bottom; i++) {
        const row = grid[i];
        if (!row) continue;
        const left = within ? Math.max(0, within.col) : 0;
        const right = within ? Math.min(row.length, within.col + within.cols) : row.length;
        for (let j = left; j < right; j++) {
          const v = row[j];
          if (v === undefined || v === none) continue;
          if (i < r0) r0 = i;
          if (j < c0) c0 = j;
          if (i > r1) r1 = i;
          if (j > c1) c1 = j;
        }
      }
    };
    take(s.values, '');
    if (!valuesOnly) take(s.formats, 'General');
    return r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  fire(s: FakeSheet, address: string, source: 'Local' | 'Remote', ownWrite: boolean): void {
    const event: ChangeEvent = { type: 'WorksheetChanged', worksheetId: s.id, address, changeType: 'RangeEdited', source };
    if (atLeast(this.apiVersion, '1.14')) event.triggerSource = ownWrite ? 'ThisLocalAddin' : 'Unknown';
    for (const h of [...this.handlers]) if (h.target === 'collection' || h.target === s.id) void h.fn({ ...event });
  }

  private async run<T>(a: unknown, b?: (ctx: FakeContext) => Promise<T>): Promise<T> {
    const batch = (b ?? a) as (ctx: FakeContext) => Promise<T>;
    let context: FakeContext;
    if (a instanceof FakeContext) context = a;
    else context = new FakeContext(this, b !== undefined && (a as { delayForCellEdit?: boolean }).delayForCellEdit === true);
    const result = await batch(context);
    if (context.pending()) await context.sync(); // Excel.run syncs what the batch left queued
    return result;
  }

  async syncContext(context: FakeContext, ops: Op[]): Promise<void> {
    this.syncs++;
    const sent = ops.map((o) => o.json);
    this.requests.push(sent);
    const request = JSON.stringify(sent).length;
    this.requestBytes += request;
    const trip = { request, response: 0 };
    this.trips.push(trip);
    await (this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : Promise.resolve());
    if (this.editMode) {
      if (!context.delayForCellEdit) throw fail('InvalidOperationInCellEditMode');
      await new Promise<void>((resolve) => this.editEnded.push(resolve));
    }
    const injected = this.failNextSyncs.shift();
    if (injected) throw fail(injected);
    if (request > 5 * 1024 * 1024) throw fail('RequestPayloadSizeLimitExceeded');
    for (const op of ops) {
      const out = op.run();
      if (out !== undefined) {
        const n = JSON.stringify(out).length;
        trip.response += n;
        this.responseBytes += n;
      }
    }
  }

  /** An API of this requirement set is available, or the command fails as in Excel. */
  requireApi(min: string): void {
    if (!this.isSetSupported('ExcelApi', min)) throw fail('ApiNotFound');
  }

  /**
   * One style property set on every cell of a range. A cell's style is a value (frozen): the cells that
   * had one style before share the one after, so a font over a whole sheet makes one object, not one per cell.
   */
  setStyle(ref: RangeRef, apply: (st: CellStyle) => void): void {
    const styles = ref.sheet.styles;
    const after = new Map<CellStyle | undefined, CellStyle>();
    for (let r = ref.row; r < ref.row + ref.rows; r++)
      for (let c = ref.col; c < ref.col + ref.cols; c++) {
        const before = styles.at(r, c);
        let st = after.get(before);
        if (!st) {
          st = { ...before };
          apply(st);
          after.set(before, Object.freeze(st));
        }
        styles.put(r, c, st);
      }
  }

  resolveRange(ref: RangeRef): RangeRef {
    if (!this.sheets.includes(ref.sheet)) throw fail('ItemNotFound');
    return ref;
  }

  assertSheetWritable(s: FakeSheet): void {
    if (s.protected) throw fail('AccessDenied');
  }
  assertStructureWritable(): void {
    if (this.structureProtected) throw fail('AccessDenied');
  }
}

const serial = (d: Date) => d.getTime() / 86400000 + 25569;

/**
 * What a sheet keeps per cell, keyed "row,col" as a `Map` (get, has, set, delete, size, iteration: in
 * row-major order), held as rows of cells: a style set over a whole sheet's range makes no key string per
 * cell (`at`, `put`). Only how the fake stores it; what Excel does with the cells is unchanged.
 */
export class CellMap<V> extends Map<string, V> {
  private rows: (V | undefined)[][] = [];
  private count = 0;

  at(r: number, c: number): V | undefined {
    return this.rows[r]?.[c];
  }
  put(r: number, c: number, v: V): void {
    const row = (this.rows[r] ??= []);
    if (row[c] === undefined) this.count++;
    row[c] = v;
  }
  remove(r: number, c: number): boolean {
    const row = this.rows[r];
    if (row?.[c] === undefined) return false;
    row[c] = undefined;
    this.count--;
    return true;
  }
  private static cell(key: string): [number, number] | null {
    const m = /^(\d+),(\d+)$/.exec(key);
    return m ? [Number(m[1]), Number(m[2])] : null;
  }
  override get(key: string): V | undefined {
    const k = CellMap.cell(key);
    return k ? this.at(k[0], k[1]) : undefined;
  }
  override has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  override set(key: string, v: V): this {
    const k = CellMap.cell(key);
    if (!k) throw new Error(`not a cell key: ${key}`);
    this.put(k[0], k[1], v);
    return this;
  }
  override delete(key: string): boolean {
    const k = CellMap.cell(key);
    return k ? this.remove(k[0], k[1]) : false;
  }
  override clear(): void {
    this.rows = [];
    this.count = 0;
  }
  override get size(): number {
    return this.count;
  }
  override *entries(): MapIterator<[string, V]> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined) yield [`${r},${c}`, v];
      }
    }
  }
  override *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }
  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
  override forEach(f: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }
}

/** Parse a `load` argument: "a,b", ["a","b"], "items/name,items/id", "protection/protected". */
function loadList(arg: unknown): string[] {
  if (arg === undefined) return [];
  if (Array.isArray(arg)) return arg.flatMap((a) => loadList(a));
  if (typeof arg === 'object' && arg !== null) return Object.keys(arg);
  return (typeof arg === 'string' ? arg : '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

abstract class ClientObject {
  protected loaded = new Map<string, unknown>();
  protected nullKnown: boolean | undefined;
  constructor(protected readonly ctx: FakeContext) {}
  get context(): FakeContext {
    return this.ctx;
  }
  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw fail('PropertyNotLoaded');
    return this.nullKnown;
  }
  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw fail('PropertyNotLoaded');
    return this.loaded.get(name) as T;
  }
  protected queue(json: unknown, run: () => unknown): void {
    this.ctx.enqueue({ json, run });
  }
}

/** An object whose properties can be set (each a queued command) but not read. */
function settable<T extends object>(props: string[], set: (prop: string, value: unknown) => void): T {
  const o = {} as T;
  for (const p of props)
    Object.defineProperty(o, p, {
      set: (v: unknown) => set(p, v),
      get: () => {
        throw fail('PropertyNotLoaded');
      },
    });
  return o;
}

const cellsOf = (ref: RangeRef, f: (r: number, c: number) => void) => {
  for (let i = 0; i < ref.rows; i++) for (let j = 0; j < ref.cols; j++) f(ref.row + i, ref.col + j);
};

class RangeFormatProxy {
  readonly font: { bold: boolean; name: string; size: number; color: string };
  readonly fill: { color: string };
  constructor(private readonly range: RangeProxy) {
    const excel = () => range.context.excel;
    this.font = settable(['bold', 'name', 'size', 'color'], (prop, v) =>
      range.write(`font.${prop}`, v, (ref) => {
        if (prop === 'bold')
          return cellsOf(ref, (r, c) => {
            if (v) ref.sheet.bold.add(`${r},${c}`);
            else ref.sheet.bold.delete(`${r},${c}`);
          });
        excel().setStyle(ref, (st) => {
          if (prop === 'name') st.fontName = String(v);
          if (prop === 'size') st.fontSize = Number(v);
          if (prop === 'color') st.color = String(v);
        });
      }),
    );
    this.fill = settable(['color'], (_p, v) =>
      range.write('fill.color', v, (ref) => excel().setStyle(ref, (st) => (st.fill = String(v)))),
    );
  }
  set columnWidth(w: number) {
    this.range.write('columnWidth', w, (ref) => {
      for (let j = 0; j < ref.cols; j++) ref.sheet.widths.set(ref.col + j, w);
    });
  }
  set wrapText(w: boolean) {
    this.range.write('wrapText', w, (ref) => this.range.context.excel.setStyle(ref, (st) => (st.wrap = w)));
  }
  set horizontalAlignment(a: string) {
    if (!['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'].includes(a))
      throw fail('InvalidArgument');
    this.range.write('horizontalAlignment', a, (ref) => this.range.context.excel.setStyle(ref, (st) => (st.align = a)));
  }
  static of(range: RangeProxy): RangeFormatProxy {
    return new RangeFormatProxy(range);
  }
}

export function addressOf(ref: Omit<RangeRef, 'sheet'>): string {
  const a = `${colName(ref.col)}${ref.row + 1}`;
  const b = `${colName(ref.col + ref.cols - 1)}${ref.row + ref.rows}`;
  return a === b ? a : `${a}:${b}`;
}

export class RangeProxy extends ClientObject {
  readonly format: RangeFormatProxy;
  private resolved: RangeRef | null | undefined;
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    /** Find the cells at execution time; null for a null object. */
    private readonly locate: () => RangeRef | null,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.format = RangeFormatProxy.of(this);
    if (orNull)
      this.queue({ o: 'range', path }, () => {
        this.nullKnown = this.ref() === null;
      });
  }
  private ref(): RangeRef | null {
    if (this.resolved === undefined) this.resolved = this.locate();
    return this.resolved;
  }
  private need(): RangeRef {
    const r = this.ref();
    if (!r) throw fail(this.orNull ? 'InvalidOperation' : 'ItemNotFound');
    return this.ctx.excel.resolveRange(r);
  }
  /** The cells, at execution time (for commands that take a range argument). */
  resolve(): RangeRef {
    return this.need();
  }
  /** ExcelApi 1.7. The text to display replaces the top-left cell's value. */
  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string }) {
    this.queue({ o: 'set', path: this.path, what: 'hyperlink', value: link }, () => {
      this.ctx.excel.requireApi('1.7');
      const ref = this.need();
      this.ctx.excel.assertSheetWritable(ref.sheet);
      if (!link.documentReference && !link.address) throw fail('InvalidArgument');
      cellsOf(ref, (r, c) => ref.sheet.links.set(`${r},${c}`, { ...link }));
      if (link.textToDisplay !== undefined) (ref.sheet.values[ref.row] ??= [])[ref.col] = link.textToDisplay;
      this.ctx.changed(ref.sheet, ref);
    });
  }
  write(what: string, value: unknown, apply: (ref: RangeRef) => void): void {
    this.queue({ o: 'set', path: this.path, what, value }, () => {
      const ref = this.need();
      this.ctx.excel.assertSheetWritable(ref.sheet);
      apply(ref);
      this.ctx.changed(ref.sheet, ref);
    });
  }
  load(arg?: unknown): this {
    const props = loadList(arg);
    this.queue({ o: 'load', path: this.path, props }, () => {
      const ref = this.ref();
      this.nullKnown = ref === null;
      if (!ref) return undefined;
      const out: Record<string, unknown> = {};
      const { sheet, row, col, rows, cols } = ref;
      for (const p of props) {
        if (p === 'values')
          out.values = Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => sheet.values[row + i]?.[col + j] ?? ''),
          );
        else if (p === 'numberFormat')
          out.numberFormat = Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => sheet.formats[row + i]?.[col + j] ?? 'General'),
          );
        else if (p === 'address') {
          const a = `${colName(col)}${row + 1}`;
          const b = `${colName(col + cols - 1)}${row + rows}`;
          out.address = `${quoteSheet(sheet.name)}!${a === b ? a : `${a}:${b}`}`;
        } else if (p === 'rowIndex') out.rowIndex = row;
        else if (p === 'columnIndex') out.columnIndex = col;
        else if (p === 'rowCount') out.rowCount = rows;
        else if (p === 'columnCount') out.columnCount = cols;
      }
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return out;
    });
    return this;
  }
  get values(): Cell[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v, (ref) => {
      const grid = fit(v, ref);
      grid.forEach((r, i) =>
        r.forEach((x, j) => {
          if (x !== null) this.ctx.excel.setValue(ref.sheet, ref.row + i, ref.col + j, x);
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v, (ref) => {
      const excel = this.ctx.excel;
      if (isSingle(v)) {
        // One format for the whole range (`[[format]]`): the same as the grid `fit` would make of it.
        const f = String(v[0]![0]);
        return cellsOf(ref, (r, c) => excel.setFormat(ref.sheet, r, c, f));
      }
      const grid = fit(v, ref);
      grid.forEach((r, i) => r.forEach((f, j) => excel.setFormat(ref.sheet, ref.row + i, ref.col + j, String(f))));
    });
  }
  get address(): string {
    return this.prop('address');
  }
  /** ExcelApi 1.4: the used cells within this range; a null object when there are none. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        const ref = this.ref();
        if (!ref) return null;
        const box = this.ctx.excel.usedBox(ref.sheet, valuesOnly, ref);
        return box ? { sheet: ref.sheet, ...box } : null;
      },
      true,
    );
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' | 'Hyperlinks' = 'All'): void {
    this.write('clear', applyTo, (ref) => {
      const whole = ref.rows >= MAX_ROWS && ref.cols >= MAX_COLS;
      const wipe = (grid: unknown[][]) => {
        if (whole) grid.length = 0;
        else
          for (let i = 0; i < ref.rows; i++)
            for (let j = 0; j < ref.cols; j++) if (grid[ref.row + i]) grid[ref.row + i]![ref.col + j] = undefined;
      };
      const inside = (key: string) => {
        const [r, c] = key.split(',').map(Number) as [number, number];
        return r >= ref.row && r < ref.row + ref.rows && c >= ref.col && c < ref.col + ref.cols;
      };
      const drop = (m: Map<string, unknown>) => {
        if (whole) return m.clear(); // the same as deleting every key, without looking at each
        for (const k of [...m.keys()]) if (inside(k)) m.delete(k);
      };
      if (applyTo === 'Hyperlinks') return drop(ref.sheet.links);
      if (applyTo !== 'Formats') wipe(ref.sheet.values);
      if (applyTo !== 'Contents') {
        wipe(ref.sheet.formats);
        if (whole) ref.sheet.bold.clear();
        drop(ref.sheet.styles);
      }
      if (applyTo === 'All') drop(ref.sheet.links);
    });
  }
  select(): void {
    this.queue({ o: 'select', path: this.path }, () => {
      const ref = this.need();
      this.ctx.excel.selected = { sheet: ref.sheet.name, cell: `${colName(ref.col)}${ref.row + 1}` };
    });
  }
}

/** A 1×1 array: one value for every cell of the range. */
const isSingle = (v: unknown[][]) => Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1;

/** A 2D array as the range's shape: the same dimensions, or 1×1 for the whole range (InvalidArgument otherwise). */
function fit(v: unknown[][], ref: RangeRef): unknown[][] {
  if (!Array.isArray(v) || !Array.isArray(v[0])) throw fail('InvalidArgument');
  if (v.length === 1 && v[0].length === 1)
    return Array.from({ length: ref.rows }, () => new Array<unknown>(ref.cols).fill(v[0]![0]));
  if (v.length !== ref.rows || v.some((r) => r.length !== ref.cols)) throw fail('InvalidArgument');
  return v;
}

class ProtectionProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly read: () => boolean | null,
  ) {
    super(ctx);
  }
  load(arg?: unknown): this {
    if (loadList(arg ?? 'protected').includes('protected')) this.capture();
    return this;
  }
  capture(): void {
    this.queue({ o: 'load', props: ['protected'] }, () => {
      const p = this.read();
      if (p === null) return undefined;
      this.loaded.set('protected', p);
      return { protected: p };
    });
  }
  get protected(): boolean {
    return this.prop('protected');
  }
}

class EventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly target: () => string,
    private readonly minApi: string,
  ) {}
  add(fn: (e: ChangeEvent) => Promise<unknown>) {
    const ctx = this.ctx;
    const handler: Handler = { target: '', fn, context: ctx };
    ctx.enqueue({
      json: { o: 'onChanged.add' },
      run: () => {
        if (!ctx.excel.isSetSupported('ExcelApi', this.minApi)) throw fail('ApiNotFound');
        handler.target = this.target();
        ctx.excel.handlers.push(handler);
      },
    });
    return {
      context: ctx,
      remove: () =>
        ctx.enqueue({
          json: { o: 'onChanged.remove' },
          run: () => {
            ctx.excel.handlers = ctx.excel.handlers.filter((h) => h !== handler);
          },
        }),
    };
  }
}

export class WorksheetProxy extends ClientObject {
  readonly protection: ProtectionProxy;
  readonly freezePanes: { unfreeze: () => void; freezeRows: (n: number) => void };
  readonly charts: ChartCollectionProxy;
  readonly onChanged: EventHandlers;
  private resolved: FakeSheet | null | undefined;
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    private readonly locate: () => FakeSheet | null,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    this.protection = new ProtectionProxy(ctx, () => this.ref()?.protected ?? null);
    this.freezePanes = {
      unfreeze: () => this.modify('unfreeze', (s) => (s.frozenRows = 0)),
      freezeRows: (n: number) => this.modify('freezeRows', (s) => (s.frozenRows = n)),
    };
    this.onChanged = new EventHandlers(ctx, () => this.need().id, '1.7');
    this.charts = new ChartCollectionProxy(ctx, `${path}.charts`, () =>
      this.orNull && this.ref() === null && !this.ctx.excel.refuseNullNavigation ? null : this.need(),
    );
    if (orNull)
      this.queue({ o: 'sheet', path }, () => {
        this.nullKnown = this.ref() === null;
      });
  }
  ref(): FakeSheet | null {
    if (this.resolved === undefined) {
      const s = this.locate();
      if (s === null && !this.orNull) throw fail('ItemNotFound');
      this.resolved = s;
    }
    return this.resolved;
  }
  private need(): FakeSheet {
    const s = this.ref();
    if (!s) throw fail(this.ctx.excel.refuseNullNavigation ? 'ItemNotFound' : 'InvalidOperation');
    if (!this.ctx.excel.sheets.includes(s)) throw fail('ItemNotFound');
    return s;
  }
  private modify(what: string, apply: (s: FakeSheet) => void): void {
    this.queue({ o: what, path: this.path }, () => {
      const s = this.need();
      this.ctx.excel.assertSheetWritable(s);
      apply(s);
    });
  }
  load(arg?: unknown): this {
    const props = loadList(arg);
    const own = props.filter((p) => !p.includes('/'));
    if (props.includes('protection/protected')) this.protection.capture();
    this.queue({ o: 'load', path: this.path, props: own }, () => {
      const s = this.ref();
      this.nullKnown = s === null;
      if (!s) return undefined;
      const out: Record<string, unknown> = {};
      for (const p of own) if (p === 'name' || p === 'id') out[p] = s[p];
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return out;
    });
    return this;
  }
  get name(): string {
    return this.prop('name');
  }
  set name(to: string) {
    this.queue({ o: 'rename', path: this.path, to }, () => {
      this.ctx.excel.assertStructureWritable();
      this.need().name = to;
    });
  }
  get id(): string {
    return this.prop('id');
  }
  private range(path: string, box: (s: FakeSheet) => Omit<RangeRef, 'sheet'> | null, orNull = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `${this.path}.${path}`,
      () => {
        const s = this.orNull && this.ref() === null && !this.ctx.excel.refuseNullNavigation ? null : this.need();
        if (!s) return null;
        const b = box(s);
        return b ? { sheet: s, ...b } : null;
      },
      orNull,
    );
  }
  getRange(address?: string): RangeProxy {
    return this.range(`getRange(${address ?? ''})`, () => {
      if (!address) return { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS };
      const [a, b] = address.split(':');
      const p = parseCell(a!);
      const q = b ? parseCell(b) : p;
      return { row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return this.range(`getRangeByIndexes(${row},${col},${rows},${cols})`, () => ({ row, col, rows, cols }));
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(
      `getUsedRange(${valuesOnly})`,
      (s) => this.ctx.excel.usedBox(s, valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 },
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range(`getUsedRangeOrNullObject(${valuesOnly})`, (s) => this.ctx.excel.usedBox(s, valuesOnly), true);
  }
  /** ExcelApi 1.9: every command on it fails with ApiNotFound below. */
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this.ctx, `${this.path}.pageLayout`, () => this.need());
  }
  /** ExcelApi 1.9, as pageLayout. */
  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return new PageBreakCollectionProxy(this.ctx, `${this.path}.horizontalPageBreaks`, () => this.need());
  }
  activate(): void {
    this.queue({ o: 'activate', path: this.path }, () => {
      this.ctx.excel.active = this.need().name;
    });
  }
  delete(): void {
    this.queue({ o: 'delete', path: this.path }, () => {
      this.ctx.excel.assertStructureWritable();
      this.ctx.excel.deleteSheet(this.need().name);
    });
  }
}

class WorksheetCollectionProxy extends ClientObject {
  readonly onChanged: EventHandlers;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.onChanged = new EventHandlers(ctx, () => 'collection', '1.9');
  }
  private find(key: string): FakeSheet | null {
    const k = key.toLowerCase();
    return this.ctx.excel.sheets.find((s) => s.name.toLowerCase() === k || s.id === key) ?? null;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `ws(${JSON.stringify(key)})`, () => this.find(key), false);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `wsOrNull(${JSON.stringify(key)})`, () => this.find(key), true);
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | null = null;
    this.queue({ o: 'worksheets.add', name }, () => {
      const excel = this.ctx.excel;
      excel.assertStructureWritable();
      if (this.find(name)) throw fail('ItemAlreadyExists');
      created = excel.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, `added(${JSON.stringify(name)})`, () => created, false);
  }
  load(arg?: unknown): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.queue({ o: 'load', path: 'worksheets', props }, () => {
      const items = this.ctx.excel.sheets.map((s) => {
        const w = new WorksheetProxy(this.ctx, `ws(${s.id})`, () => s, false);
        (w as unknown as { loaded: Map<string, unknown> }).loaded = new Map(props.map((p) => [p, s[p as 'name' | 'id']]));
        return w;
      });
      this.loaded.set('items', items);
      return this.ctx.excel.sheets.map((s) => Object.fromEntries(props.map((p) => [p, s[p as 'name' | 'id']])));
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    return this.prop('items');
  }
}

class NamedItemProxy extends ClientObject {
  private resolved: FakeName | null | undefined;
  constructor(
    ctx: FakeContext,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
    if (orNull)
      this.queue({ o: 'nameOrNull', key }, () => {
        this.nullKnown = this.ref() === null;
      });
  }
  private ref(): FakeName | null {
    if (this.resolved === undefined) {
      const n = this.ctx.excel.names.get(this.key.toLowerCase()) ?? null;
      if (!n && !this.orNull) throw fail('ItemNotFound');
      this.resolved = n;
    }
    return this.resolved;
  }
  load(arg?: unknown): this {
    const props = loadList(arg);
    this.queue({ o: 'load', name: this.key, props }, () => {
      const n = this.ref();
      this.nullKnown = n === null;
      if (!n) return undefined;
      const out: Record<string, unknown> = {};
      for (const p of props) {
        if (p === 'formula') out.formula = this.ctx.excel.formulaOf(n);
        if (p === 'name') out.name = n.name;
        if (p === 'comment') out.comment = n.comment;
        if (p === 'type') out.type = n.sheetId ? 'Range' : 'Error';
      }
      for (const [k, v] of Object.entries(out)) this.loaded.set(k, v);
      return out;
    });
    return this;
  }
  get formula(): string {
    return this.prop('formula');
  }
  delete(): void {
    this.queue({ o: 'name.delete', key: this.key }, () => {
      const n = this.ref();
      if (!n) throw fail('InvalidOperation');
      this.ctx.excel.names.delete(n.name.toLowerCase());
    });
  }
}

const notLoaded = (): never => {
  throw fail('PropertyNotLoaded');
};

/** `workbook.tables` (ExcelApi 1.1): every table of the workbook. */
class TableCollectionProxy extends ClientObject {
  load(arg?: unknown): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.queue({ o: 'load', path: 'tables', props }, () => {
      const all = this.ctx.excel.sheets.flatMap((s) => s.tables);
      this.loaded.set(
        'items',
        all.map((t) => new TableProxy(this.ctx, t, props)),
      );
      return all.map((t) => Object.fromEntries(props.filter((p) => p in t).map((p) => [p, t[p as keyof FakeTable]])));
    });
    return this;
  }
  get items(): TableProxy[] {
    return this.prop('items');
  }
}

class TableProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly table: FakeTable,
    props: string[],
  ) {
    super(ctx);
    for (const p of props) if (p in table) this.loaded.set(p, table[p as keyof FakeTable]);
    // `worksheet` (ExcelApi 1.2) is a navigation property: its `id` and `name` only where loaded.
    const sheet = ctx.excel.sheets.find((s) => s.tables.includes(table))!;
    const wanted = props.filter((p) => p.startsWith('worksheet/')).map((p) => p.slice('worksheet/'.length));
    this.worksheet = Object.defineProperties({} as { id: string; name: string }, {
      id: { get: () => (wanted.includes('id') ? sheet.id : notLoaded()) },
      name: { get: () => (wanted.includes('name') ? sheet.name : notLoaded()) },
    });
  }
  readonly worksheet: { id: string; name: string };
  get name(): string {
    return this.prop('name');
  }
  get showTotals(): boolean {
    return this.prop('showTotals');
  }
  /** The whole table, header and (when shown) totals row included. */
  getRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      `table(${JSON.stringify(this.table.id)}).getRange()`,
      () => {
        const sheet = this.ctx.excel.sheets.find((s) => s.tables.includes(this.table));
        if (!sheet) throw fail('ItemNotFound');
        const [a, b] = this.table.address.split(':');
        const p = parseCell(a!);
        const q = b ? parseCell(b) : p;
        return { sheet, row: p.row, col: p.col, rows: q.row - p.row + 1, cols: q.col - p.col + 1 };
      },
      false,
    );
  }
}

class NamedItemCollectionProxy extends ClientObject {
  add(name: string, reference: RangeProxy | string, comment = ''): NamedItemProxy {
    this.queue({ o: 'names.add', name, comment }, () => {
      const excel = this.ctx.excel;
      if (excel.names.has(name.toLowerCase())) throw fail('ItemAlreadyExists');
      if (typeof reference === 'string') throw fail('InvalidArgument');
      const ref = (reference as unknown as { need: () => RangeRef }).need();
      excel.names.set(name.toLowerCase(), { name, sheetId: ref.sheet.id, cell: `${colName(ref.col)}${ref.row + 1}`, comment });
    });
    return new NamedItemProxy(this.ctx, name, false);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name, false);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, name, true);
  }
}

export class FakeContext {
  private ops: Op[] = [];
  readonly workbook: {
    worksheets: WorksheetCollectionProxy;
    names: NamedItemCollectionProxy;
    tables: TableCollectionProxy;
    protection: ProtectionProxy;
  };
  /** Sheets written by the sync in progress (their change events follow). */
  private touched = new Map<FakeSheet, RangeRef>();
  constructor(
    readonly excel: FakeExcel,
    readonly delayForCellEdit: boolean,
  ) {
    const protection = new ProtectionProxy(this, () => excel.structureProtected);
    this.workbook = {
      worksheets: new WorksheetCollectionProxy(this),
      names: new NamedItemCollectionProxy(this),
      tables: new TableCollectionProxy(this),
      protection,
    };
  }
  enqueue(op: Op): void {
    this.ops.push(op);
  }
  pending(): boolean {
    return this.ops.length > 0;
  }
  changed(sheet: FakeSheet, ref: RangeRef): void {
    if (!this.touched.has(sheet)) this.touched.set(sheet, ref);
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    this.touched.clear();
    try {
      await this.excel.syncContext(this, ops);
    } finally {
      // The add-in's own writes raise change events, here before the sync returns to the add-in.
      for (const [sheet, ref] of this.touched)
        if (this.excel.sheets.includes(sheet)) this.excel.fire(sheet, `${colName(ref.col)}${ref.row + 1}`, 'Local', true);
      this.touched.clear();
    }
  }
}

class PageLayoutProxy extends ClientObject {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
    const props = ['left', 'center', 'right'].flatMap((p) => [`${p}Header`, `${p}Footer`]);
    this.headersFooters = {
      defaultForAllPages: settable(props, (prop, v) =>
        this.set(`headersFooters.defaultForAllPages.${prop}`, v, (s) => {
          if (typeof v !== 'string' || v.length > 255) throw fail('InvalidArgument');
          s.print.headers[prop] = v;
        }),
      ),
    };
  }
  private set(what: string, value: unknown, apply: (s: FakeSheet) => void): void {
    this.queue({ o: 'set', path: this.path, what, value }, () => {
      this.ctx.excel.requireApi('1.9');
      const s = this.sheet();
      this.ctx.excel.assertSheetWritable(s);
      apply(s);
    });
  }
  set paperSize(v: string) {
    this.set('paperSize', v, (s) => (s.print.paperSize = v));
  }
  set orientation(v: string) {
    if (v !== 'Portrait' && v !== 'Landscape') throw fail('InvalidArgument');
    this.set('orientation', v, (s) => (s.print.orientation = v));
  }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.set('zoom', v, (s) => {
      if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw fail('InvalidArgument');
      s.print.zoom = { ...v };
    });
  }
  setPrintTitleRows(rows: string): void {
    this.set('setPrintTitleRows', rows, (s) => {
      if (!/^\$\d+:\$\d+$/.test(rows)) throw fail('InvalidArgument');
      s.print.titleRows = rows;
    });
  }
  /** Excel refuses an address that is not a range of the sheet (InvalidArgument), as for any range address. */
  setPrintArea(area: string): void {
    this.set('setPrintArea', area, (s) => {
      if (typeof area !== 'string' || !validAddress(area)) throw fail('InvalidArgument');
      s.print.area = area;
    });
  }
}

/** `A1` or `A1:D62` (with or without `$`), inside the sheet. */
function validAddress(address: string): boolean {
  const parts = address.replace(/\$/g, '').split(':');
  if (parts.length > 2 || !parts.every((p) => /^[A-Z]{1,3}[1-9]\d*$/i.test(p))) return false;
  return parts.every((p) => {
    const c = parseCell(p);
    return c.row < MAX_ROWS && c.col < MAX_COLS;
  });
}

/** `Worksheet.horizontalPageBreaks` (ExcelApi 1.9): manual breaks above a cell's row. */
class PageBreakCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: () => FakeSheet,
  ) {
    super(ctx);
  }
  private change(what: string, value: unknown, apply: (s: FakeSheet) => void): void {
    this.queue({ o: 'set', path: this.path, what, value }, () => {
      this.ctx.excel.requireApi('1.9');
      const s = this.sheet();
      this.ctx.excel.assertSheetWritable(s);
      apply(s);
    });
  }
  removePageBreaks(): void {
    this.change('removePageBreaks', null, (s) => delete s.print.rowBreaks);
  }
  add(cell: string): void {
    this.change('addPageBreak', cell, (s) => {
      if (!validAddress(cell) || cell.includes(':')) throw fail('InvalidArgument');
      s.print.rowBreaks = [...(s.print.rowBreaks ?? []), cell];
    });
  }
}

class ChartCollectionProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    private readonly sheet: () => FakeSheet | null,
  ) {
    super(ctx);
  }
  private need(): FakeSheet {
    const s = this.sheet();
    if (!s) throw fail('InvalidOperation');
    return s;
  }
  add(type: string, source: RangeProxy, seriesBy: 'Auto' | 'Columns' | 'Rows' = 'Auto'): ChartProxy {
    let made: FakeChart | null = null;
    this.queue({ o: 'charts.add', path: this.path, type, seriesBy }, () => {
      const s = this.need();
      this.ctx.excel.assertSheetWritable(s);
      const ref = source.resolve();
      const byRows = seriesBy === 'Rows' || (seriesBy === 'Auto' && ref.cols > ref.rows);
      const count = byRows ? ref.rows : ref.cols;
      const series = Array.from({ length: count }, (_, k) => ({
        name: `Series${k + 1}`,
        values: addressOf(
          byRows
            ? { row: ref.row + k, col: ref.col, rows: 1, cols: ref.cols }
            : { row: ref.row, col: ref.col + k, rows: ref.rows, cols: 1 },
        ),
        categories: null,
      }));
      made = {
        name: `Chart ${s.charts.length + 1}`,
        type,
        source: addressOf(ref),
        sheet: ref.sheet.name,
        seriesBy,
        title: { text: '', visible: false },
        position: null,
        series,
      };
      s.charts.push(made);
    });
    return new ChartProxy(this.ctx, `${this.path}.added`, () => made!);
  }
  getItem(name: string): ChartProxy {
    return new ChartProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(name)})`, () => {
      const c = this.need().charts.find((x) => x.name === name);
      if (!c) throw fail('ItemNotFound');
      return c;
    });
  }
  load(arg?: unknown): this {
    const props = loadList(arg).map((p) => p.replace(/^items\//, ''));
    this.queue({ o: 'load', path: this.path, props }, () => {
      const s = this.sheet();
      const charts = s ? s.charts : [];
      this.loaded.set(
        'items',
        charts.map((c) => ({ name: c.name })),
      );
      return charts.map((c) => Object.fromEntries(props.filter((p) => p === 'name').map((p) => [p, c.name])));
    });
    return this;
  }
  get items(): { name: string }[] {
    return this.prop('items');
  }
}

class ChartProxy extends ClientObject {
  readonly title: { text: string; visible: boolean };
  readonly series: {
    getItemAt: (i: number) => ChartSeriesProxy;
    add: (name?: string) => ChartSeriesProxy;
  };
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    private readonly chart: () => FakeChart,
  ) {
    super(ctx);
    this.title = settable(['text', 'visible'], (prop, v) =>
      this.queue({ o: 'set', path: `${path}.title`, what: prop, value: v }, () => {
        const t = this.chart().title;
        if (prop === 'text') t.text = String(v);
        else t.visible = v === true;
      }),
    );
    this.series = {
      getItemAt: (i) =>
        new ChartSeriesProxy(ctx, `${path}.series.getItemAt(${i})`, () => {
          const s = this.chart().series[i];
          if (!s) throw fail('ItemNotFound');
          return s;
        }),
      add: (name) => {
        let made: FakeChart['series'][number] | null = null;
        this.queue({ o: 'series.add', path, name }, () => {
          ctx.excel.requireApi('1.7');
          made = { name: name ?? `Series${this.chart().series.length + 1}`, values: null, categories: null };
          this.chart().series.push(made);
        });
        return new ChartSeriesProxy(ctx, `${path}.series.added`, () => made!);
      },
    };
  }
  set name(v: string) {
    this.queue({ o: 'set', path: this.path, what: 'name', value: v }, () => (this.chart().name = v));
  }
  setPosition(start: string, end?: string): void {
    this.queue({ o: 'setPosition', path: this.path, start, end }, () => {
      parseCell(start);
      if (end) parseCell(end);
      this.chart().position = [start, end ?? start];
    });
  }
  delete(): void {
    this.queue({ o: 'chart.delete', path: this.path }, () => {
      const c = this.chart();
      for (const s of this.ctx.excel.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

class ChartSeriesProxy extends ClientObject {
  constructor(
    ctx: FakeContext,
    private readonly path: string,
    private readonly series: () => FakeChart['series'][number],
  ) {
    super(ctx);
  }
  set name(v: string) {
    this.queue({ o: 'set', path: this.path, what: 'name', value: v }, () => (this.series().name = v));
  }
  setValues(range: RangeProxy): void {
    this.queue({ o: 'setValues', path: this.path }, () => {
      this.ctx.excel.requireApi('1.7');
      this.series().values = addressOf(range.resolve());
    });
  }
  setXAxisValues(range: RangeProxy): void {
    this.queue({ o: 'setXAxisValues', path: this.path }, () => {
      this.ctx.excel.requireApi('1.7');
      this.series().categories = addressOf(range.resolve());
    });
  }
}
