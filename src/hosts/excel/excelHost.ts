/**
 * The Excel host (Office.js). Reads every input sheet in one `context.sync()` and writes the output
 * sheets in one batch. A refresh costs two round trips whatever the workbook's size (a third only when
 * a write payload would pass Excel on the web's request limit and must be split).
 *
 * As Excel behaves:
 * - every batch runs under `Excel.run({ delayForCellEdit: true }, …)`: Excel holds it while the user
 *   is typing in a cell instead of failing it (https://learn.microsoft.com/javascript/api/excel/excel.runoptions);
 *   a host that ignores the option and still refuses (`InvalidOperationInCellEditMode`) is retried;
 * - a deleted output sheet leaves its defined name behind as `=#REF!`, a renamed one takes it along:
 *   the write batch deletes a stale mark before it adds the sheet and its mark again
 *   (`names.add` of an existing name fails with `ItemAlreadyExists`,
 *   https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1));
 * - protection is read with the input (`Worksheet.protection.protected`, ExcelApi 1.2;
 *   `Workbook.protection.protected`, ExcelApi 1.7) and a write that would fail on it is refused before
 *   anything is sent, so old and new outputs are never mixed;
 * - clearing a sheet (`Range.clear`) acts on its cells; charts are objects on the sheet
 *   (`Worksheet.charts`) and stay: the charts this add-in drew are named `FinsamBudget_<n>`, found by
 *   the read and deleted by the write before it draws them again (a user's own charts are left alone);
 * - print setup (`Worksheet.pageLayout`) is ExcelApi 1.9: written only where `isSetSupported` says so
 *   (src/hosts/excel/requirements.ts), the rest of the sheet all the same;
 * - every Office error leaves the host as an `OfficeHostError` whose message says what to do
 *   (src/messages/office.ts).
 */
import type { TemplateSheet } from '../../workbook/example';
import { renderTemplate } from '../../workbook/template';
import type {
  CellValue,
  ChartSpec,
  OutCell,
  OutputSheet,
  PrintSetup,
  SheetGrid,
  WorkbookHost,
  WorkbookSnapshot,
} from '../../workbook/grid';
import { a1, OUTPUT_FONT, parseA1, sameSheetName } from '../../workbook/grid';
import { INPUT_SHEETS, OUTPUT_SHEET_NAMES, ownerMarkName } from '../../workbook/schema';
import { BlockCode, officeErrorCode, officeErrorMessage, OfficeLang, writeBlockedMessage } from '../../messages/office';
import { currentWriteFeatures, WriteFeatures } from './requirements';

/** `Excel.run` as the host uses it: a new batch, or one more on the context of an earlier one. */
export interface ExcelApi {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Continue on an existing context: event handlers must be removed on the context they were added with. */
  runOn<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The older injectable form: a function that runs one batch. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface ExcelNamespace {
  run(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<unknown>): Promise<unknown>;
  run(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<unknown>,
  ): Promise<unknown>;
}

/**
 * The real adapter: every new batch with `delayForCellEdit`, and `Excel.run(context, batch)` to reuse a
 * context (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler).
 */
export function officeExcel(excel: ExcelNamespace = (globalThis as unknown as { Excel: ExcelNamespace }).Excel): ExcelApi {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => excel.run({ delayForCellEdit: true }, batch) as Promise<T>,
    runOn: <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>) =>
      excel.run(context, batch) as Promise<T>,
  };
}

export function asExcelApi(api: ExcelApi | ExcelRun): ExcelApi {
  if (typeof api !== 'function') return api;
  return { run: api, runOn: (_context, batch) => api(batch) };
}

const INPUT_NAMES: string[] = Object.values(INPUT_SHEETS);
/** Input sheets whose parsing looks at number formats (percent cells: src/workbook/parse.ts `c.format(`). */
export const FORMAT_SHEETS: readonly string[] = [INPUT_SHEETS.settings, INPUT_SHEETS.costs, INPUT_SHEETS.goals];
/** Stay well under Excel on the web's 5 MB request limit. */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** Change events from sheets not known as input are taken for echoes of a write this long after it. */
export const ECHO_WINDOW_MS = 1500;
/** A batch refused in cell edit mode (a host without `delayForCellEdit`): tries and pause between them. */
const EDIT_MODE_TRIES = 20;
const EDIT_MODE_PAUSE_MS = 1000;

export interface WriteBlocker {
  sheet: string;
  code: BlockCode;
}

/** The snapshot plus what the read found about writing (the lead may move this into WorkbookSnapshot). */
export interface ExcelSnapshot extends WorkbookSnapshot {
  /** Output sheets a write would fail on: protected sheets, or sheets to add in a protected workbook. */
  writeBlockers?: WriteBlocker[];
}

/** An Office error (or a refused write) with a message for the user; `code` is Excel's or the block's. */
export class OfficeHostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly sheet?: string,
    readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'OfficeHostError';
  }
}

export type ChangeKind = 'own' | 'local' | 'remote' | 'other';

/** The parts of `Excel.WorksheetChangedEventArgs` the host looks at. */
export interface ChangeEvent {
  worksheetId: string;
  source?: string;
  triggerSource?: string;
}

interface SheetHandle {
  name: string;
  sheet: Excel.Worksheet;
  range: Excel.Range;
}

interface OutputHandle {
  name: string;
  sheet: Excel.Worksheet;
  charts: Excel.ChartCollection;
}

/** Names of the charts the host draws: `FinsamBudget_1`, `FinsamBudget_2`, … on each output sheet. */
export const CHART_PREFIX = 'FinsamBudget_';
export const chartName = (index: number) => `${CHART_PREFIX}${index + 1}`;
const isOurChart = (name: string) => new RegExp(`^${CHART_PREFIX}\\d+$`).test(name);

interface MarkHandle {
  output: string;
  item: Excel.NamedItem;
}

/** What the last read found about the output sheets and their marks. */
interface OutputState {
  /** Sheet name as in the workbook, when present. */
  existing?: string;
  id?: string;
  /** The mark exists (whatever it refers to: this sheet, a renamed copy, or `#REF!`). */
  marked: boolean;
  /** The charts on the sheet that this add-in drew (by name), to delete before drawing them again. */
  charts?: string[];
}

/** Sheet name from a defined name's formula such as `='Insatser per år'!$A$1` (null for `=#REF!`). */
export function sheetOfFormula(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(formula.trim());
  if (!m) return null;
  const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
  return name.startsWith('#') ? null : name;
}

/** A user string Excel would take for a formula is written with Excel's text prefix, an apostrophe. */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Number format for a user string: "@" (text), or "General" where the text prefix already makes it text. */
export function textFormat(value: string): string {
  return asText(value) === value ? '@' : 'General';
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ExcelHost implements WorkbookHost {
  /** Worksheet ids of the output sheets (as last read or written): their changes are our own writes. */
  outputSheetIds = new Set<string>();
  /** Worksheet ids of the input sheets (as last read) and their names. */
  inputSheetIds = new Map<string, string>();
  /** Other sheets (the user's own, e.g. notes) as last read: their changes never trigger. */
  otherSheetIds = new Set<string>();
  /** The language of messages in errors thrown. */
  lang: OfficeLang = 'sv';
  /** Set when change events are watched: only then can unchanged sheets be skipped safely. */
  watching = false;
  /** What the write may use beyond the core (default: asked of Office.context.requirements). */
  writeFeatures: WriteFeatures | null = null;
  /** Called after each read with the input sheets' ids (the pane registers handlers on new ones). */
  onInputSheets: ((ids: string[]) => void) | null = null;
  private readonly api: ExcelApi;
  private lastSnapshot: ExcelSnapshot | null = null;
  private outputs = new Map<string, OutputState>();
  /** Until when events from sheets not yet known may still be echoes of our write (Infinity while writing). */
  private echoUntil = 0;
  /** Per output sheet: the id it was written to and what was written, this session. */
  private written = new Map<string, Written>();

  constructor(
    api: ExcelApi | ExcelRun,
    private readonly maxPayloadBytes = MAX_PAYLOAD_BYTES,
    private readonly now: () => number = () => Date.now(),
    private readonly pause: (ms: number) => Promise<void> = sleep,
  ) {
    this.api = asExcelApi(api);
  }

  /** A batch, retried while Excel refuses it for cell edit mode, with any Office error mapped to a message. */
  private async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.api.run(batch);
      } catch (e) {
        if (officeErrorCode(e) === 'InvalidOperationInCellEditMode' && attempt < EDIT_MODE_TRIES) {
          await this.pause(EDIT_MODE_PAUSE_MS);
          continue;
        }
        throw this.mapped(e);
      }
    }
  }

  private mapped(e: unknown): Error {
    if (e instanceof OfficeHostError) return e;
    const code = officeErrorCode(e);
    if (code === null) return e instanceof Error ? e : new Error(String(e));
    return new OfficeHostError(code, officeErrorMessage(e, this.lang), undefined, e);
  }

  async read(): Promise<ExcelSnapshot> {
    try {
      return await this.readOnce();
    } catch (e) {
      // Any failure of the one-sync read (a host that refuses to navigate from a null object, a
      // transient error): find the sheets first, then read only those that exist.
      if (e instanceof OfficeHostError && e.code === 'InvalidOperationInCellEditMode') throw e;
      return this.readInTwoSteps();
    }
  }

  /** One round trip: every input sheet's used range (values only), the output sheets, marks and protection. */
  private readOnce(): Promise<ExcelSnapshot> {
    return this.run((context) => this.loadAndSync(context, (name) => context.workbook.worksheets.getItemOrNullObject(name)));
  }

  private readInTwoSteps(): Promise<ExcelSnapshot> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const existing = new Map(worksheets.items.map((w) => [w.name.trim().toLocaleLowerCase('sv'), w.name]));
      return this.loadAndSync(context, (name) => {
        const found = existing.get(name.toLocaleLowerCase('sv'));
        return found ? worksheets.getItem(found) : null;
      });
    });
  }

  /** Queue the loads of a read (sheets by `sheetFor`, null when known to be missing) and sync once. */
  private async loadAndSync(
    context: Excel.RequestContext,
    sheetFor: (name: string) => Excel.Worksheet | null,
  ): Promise<ExcelSnapshot> {
    const inputs: SheetHandle[] = INPUT_NAMES.flatMap((name) => {
      const sheet = sheetFor(name);
      if (!sheet) return [];
      sheet.load('name,id');
      const range = sheet.getUsedRangeOrNullObject(true);
      // Formats only where parsing reads them: a third of the read's payload otherwise.
      if (FORMAT_SHEETS.includes(name)) range.load('values,numberFormat,address');
      else range.load('values,address');
      return [{ name, sheet, range }];
    });
    const outputs: OutputHandle[] = OUTPUT_SHEET_NAMES.flatMap((name) => {
      const sheet = sheetFor(name);
      if (!sheet) return [];
      sheet.load('name,id,protection/protected');
      // Chart names (ExcelApi 1.1): ours are deleted before they are drawn again.
      const charts = sheet.charts.load('items/name');
      return [{ name, sheet, charts }];
    });
    const marks: MarkHandle[] = OUTPUT_SHEET_NAMES.map((output) => {
      const item = context.workbook.names.getItemOrNullObject(ownerMarkName(output));
      item.load('formula');
      return { output, item };
    });
    const all = context.workbook.worksheets;
    all.load('items/name,items/id');
    const workbookProtection = context.workbook.protection;
    workbookProtection.load('protected');
    await context.sync();
    return this.snapshotOf(inputs, outputs, marks, all.items, workbookProtection.protected);
  }

  private snapshotOf(
    inputs: SheetHandle[],
    outputs: OutputHandle[],
    marks: MarkHandle[],
    all: Excel.Worksheet[],
    structureProtected: boolean,
  ): ExcelSnapshot {
    const grids: SheetGrid[] = [];
    this.inputSheetIds.clear();
    for (const h of inputs) {
      if (h.sheet.isNullObject) continue;
      this.inputSheetIds.set(h.sheet.id, h.sheet.name);
      if (h.range.isNullObject) {
        grids.push({ name: h.sheet.name, values: [], rowOffset: 0, colOffset: 0 });
        continue;
      }
      const topLeft = parseA1(h.range.address.split('!').pop()!.split(':')[0]!);
      const grid: SheetGrid = {
        name: h.sheet.name,
        values: h.range.values as CellValue[][],
        rowOffset: topLeft.row,
        colOffset: topLeft.col,
      };
      if (FORMAT_SHEETS.includes(h.name)) grid.formats = h.range.numberFormat as string[][];
      grids.push(grid);
    }
    const present = outputs.filter((o) => !o.sheet.isNullObject);
    this.outputSheetIds = new Set(present.map((o) => o.sheet.id));
    this.otherSheetIds = new Set(
      all.map((w) => w.id).filter((id) => !this.outputSheetIds.has(id) && !this.inputSheetIds.has(id)),
    );
    const markOf = new Map(marks.map((m) => [m.output, m.item.isNullObject ? null : (m.item.formula as string)]));
    const owned = [...markOf.values()].map((f) => (f ? sheetOfFormula(f) : null)).filter((s): s is string => s !== null);
    this.outputs = new Map(
      OUTPUT_SHEET_NAMES.map((name) => {
        const o = present.find((p) => p.name === name);
        const charts = o ? o.charts.items.map((c) => c.name).filter(isOurChart) : [];
        return [name, { existing: o?.sheet.name, id: o?.sheet.id, marked: markOf.get(name) != null, charts }];
      }),
    );
    const ownedSheets = present.map((o) => o.sheet.name).filter((n) => owned.some((s) => sameSheetName(s, n)));
    const writeBlockers: WriteBlocker[] = [];
    for (const name of OUTPUT_SHEET_NAMES) {
      const o = present.find((p) => p.name === name);
      if (o && ownedSheets.includes(o.sheet.name) && o.sheet.protection.protected)
        writeBlockers.push({ sheet: o.sheet.name, code: 'SheetProtected' });
      if (!o && structureProtected) writeBlockers.push({ sheet: name, code: 'WorkbookProtected' });
    }
    const snapshot: ExcelSnapshot = {
      inputs: grids,
      sheetNames: all.map((w) => w.name),
      ownedSheets,
      writeBlockers,
    };
    this.lastSnapshot = snapshot;
    this.onInputSheets?.([...this.inputSheetIds.keys()]);
    return snapshot;
  }

  /**
   * Writes the output sheets in one batch. Existing output sheets (owned, as the last read found) are
   * cleared and rewritten; missing ones are added and marked with a workbook-level defined name. A sheet
   * whose content is what this session last wrote to it (and that nobody changed since) is left alone.
   */
  async write(sheets: OutputSheet[]): Promise<void> {
    const snapshot = this.lastSnapshot ?? (await this.read());
    this.lastSnapshot = null;
    const plans = sheets.map((out) => {
      const existing = snapshot.sheetNames.find((n) => sameSheetName(n, out.name));
      if (existing && !snapshot.ownedSheets.some((o) => sameSheetName(o, existing))) {
        throw new OfficeHostError('NotOwned', `Refusing to overwrite sheet ${existing}: not created by Finsam Budget`, existing);
      }
      const state = this.outputs.get(out.name) ?? { marked: false };
      const content = contentOf(out);
      const last = this.written.get(out.name);
      const unchanged =
        this.watching && existing !== undefined && last !== undefined && last.id === state.id && sameContent(last, content);
      return { out, existing, state, content, unchanged };
    });
    const todo = plans.filter((p) => !p.unchanged);
    // Refuse before anything is sent: a protected sheet or structure would fail the batch halfway.
    const blockers = (snapshot.writeBlockers ?? []).filter((b) => todo.some((p) => sameSheetName(p.out.name, b.sheet)));
    if (blockers.length > 0) {
      const b = blockers[0]!;
      throw new OfficeHostError(b.code, writeBlockedMessage(b.code, b.sheet, this.lang), b.sheet);
    }
    if (todo.length === 0) return;
    // Each sheet as value rows, cut into row blocks only where one sheet alone would pass the limit.
    // Measured exactly only when a cheap upper estimate of the whole write passes the limit.
    const rough = todo.map((p) => roughBytes(p.content.values));
    const measure = rough.reduce((a, b) => a + b, 0) > this.maxPayloadBytes;
    const blocks = todo.flatMap((plan, k) => {
      const { values, formats, width } = plan.content;
      const runs = formatRuns(formats);
      // Styles, links, charts and print setup go with the first block; a rough size for the split.
      const extra = plan.content.layout.length * 2;
      const rows = measure ? rowBlocks(values, this.maxPayloadBytes) : [{ firstRow: 0, values, bytes: rough[k]! }];
      return rows.map((b, i) => ({
        plan,
        width,
        first: i === 0,
        runs: i === 0 ? runs : [],
        ...b,
        bytes: b.bytes + (i === 0 ? JSON.stringify(runs).length + extra : 0),
      }));
    });
    const features = this.writeFeatures ?? currentWriteFeatures();
    // The sheet to open on is brought forward only when this write adds it: a refresh after each edit
    // must not pull the user away from the sheet they are typing in.
    const activate = todo.find((p) => p.out.active === true && p.existing === undefined)?.out.name;
    const batches = splitByPayload(blocks, (b) => b.bytes, this.maxPayloadBytes);
    const handles = new Map<string, Excel.Worksheet>();
    // Our own change events may overtake the reply: the echo window opens before the write starts.
    this.echoUntil = Infinity;
    try {
      await this.run(async (context) => {
        handles.clear();
        const worksheets = context.workbook.worksheets;
        // One batch, one round trip; more only when one request would pass Excel on the web's limit.
        for (const batch of batches) {
          for (const { plan, width, firstRow, values, runs, first } of batch) {
            const { out, existing, state } = plan;
            let ws = handles.get(out.name);
            if (!ws) {
              if (existing) {
                ws = worksheets.getItem(existing);
                ws.getRange().clear('All');
                // `clear` leaves charts (objects over the cells, not cell content): ours go by name.
                for (const name of state.charts ?? []) ws.charts.getItem(name).delete();
              } else {
                // A mark left by a deleted (`=#REF!`) or renamed output sheet: names.add would fail.
                if (state.marked) context.workbook.names.getItem(ownerMarkName(out.name)).delete();
                ws = worksheets.add(out.name);
                context.workbook.names.add(ownerMarkName(out.name), ws.getRange('A1'), 'Finsam Budget');
              }
              queueLayout(ws, out);
              ws.load('id');
              handles.set(out.name, ws);
            }
            queueCells(ws, runs, firstRow, values, width);
            if (first) {
              queueStyles(ws, plan.content.styles);
              queueLinks(ws, plan.content.links);
              queueCharts(ws, out.charts ?? []);
              if (out.print && features.pageLayout) queuePrint(ws, out.print);
            }
          }
          if (batch === batches[batches.length - 1] && activate) handles.get(activate)?.activate();
          await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
        }
      });
    } catch (e) {
      for (const p of todo) this.written.delete(p.out.name); // whatever was written is unknown now
      throw e;
    } finally {
      this.echoUntil = this.now() + ECHO_WINDOW_MS;
    }
    // Their ids, loaded with the write: change events from these sheets are our own writes.
    for (const p of todo) {
      const id = handles.get(p.out.name)!.id;
      this.outputSheetIds.add(id);
      this.written.set(p.out.name, { id, ...p.content });
    }
  }

  /** Add the template's input sheets in one batch, unless any of them exists (then nothing is added). */
  async addTemplate(sheets: readonly TemplateSheet[]): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const found = sheets.map((s) => {
        const ws = worksheets.getItemOrNullObject(s.name);
        ws.load('name');
        return ws;
      });
      const protection = context.workbook.protection;
      protection.load('protected');
      await context.sync();
      const clashes = found.filter((ws) => !ws.isNullObject).map((ws) => ws.name);
      if (clashes.length > 0) return clashes;
      if (protection.protected) {
        const first = sheets[0]!.name;
        throw new OfficeHostError('WorkbookProtected', writeBlockedMessage('WorkbookProtected', first, this.lang), first);
      }
      // The same template as the .xlsx host writes (renderTemplate), written as output sheets are.
      const added = renderTemplate(sheets).map((out) => {
        const ws = worksheets.add(out.name);
        const { values, formats, width } = contentOf(out);
        queueLayout(ws, out);
        queueCells(ws, formatRuns(formats), 0, values, width);
        ws.load('id,name');
        return ws;
      });
      worksheets.getItem(sheets[0]!.name).activate();
      await context.sync();
      for (const ws of added) this.inputSheetIds.set(ws.id, ws.name);
      this.onInputSheets?.([...this.inputSheetIds.keys()]);
      return [];
    });
  }

  /** Select a cell (e.g. `Likviditet!D6` or `'Insatser per år'!B5`) and bring its sheet forward. */
  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await context.sync();
    });
  }

  /**
   * What a change event means: the add-in's own write (`triggerSource`, ExcelApi 1.14, or an output
   * sheet, or an unknown sheet during the echo window), a local or remote edit of an input sheet, or a
   * change elsewhere (the user's own sheets). `source` is ExcelApi 1.7:
   * https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs
   * An edit of an output sheet by someone else makes it be rewritten next time.
   */
  classify(event: ChangeEvent): ChangeKind {
    // With triggerSource (ExcelApi 1.14) the event says whose it is; without, only timing can tell.
    const known = event.triggerSource !== undefined;
    const own = event.triggerSource === 'ThisLocalAddin';
    const echo = known ? own : this.now() < this.echoUntil;
    if (this.outputSheetIds.has(event.worksheetId)) {
      if (!echo) this.forgetWritten(event.worksheetId);
      return 'own';
    }
    if (own) return 'own';
    if (this.inputSheetIds.has(event.worksheetId)) return event.source === 'Remote' ? 'remote' : 'local';
    if (this.otherSheetIds.has(event.worksheetId)) return 'other';
    // A sheet not seen by the last read: an echo of a write in progress, or a sheet added since.
    return echo ? 'own' : 'other';
  }

  /** Whether a worksheet change (by id) concerns the input (older interface; see classify). */
  isInputChange(worksheetId: string): boolean {
    const kind = this.classify({ worksheetId, source: 'Local' });
    return kind === 'local';
  }

  private forgetWritten(id: string): void {
    for (const [name, w] of this.written) if (w.id === id) this.written.delete(name);
  }
}

/** A sheet's layout: the output font on the used range, bold runs, column widths, frozen header rows. */
function queueLayout(ws: Excel.Worksheet, out: OutputSheet): void {
  if (out.rows.length > 0) {
    // One named font (a cleared sheet has the workbook's default, which differs between Excel versions).
    const font = ws.getRangeByIndexes(0, 0, out.rows.length, Math.max(1, ...out.rows.map((r) => r.length))).format.font;
    font.name = OUTPUT_FONT.name;
    font.size = OUTPUT_FONT.size;
  }
  for (const [row, from, count] of boldRuns(out)) ws.getRangeByIndexes(row, from, 1, count).format.font.bold = true;
  out.widths.forEach((w, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 6.5);
  });
  ws.freezePanes.unfreeze();
  if (out.freezeRows > 0) ws.freezePanes.freezeRows(out.freezeRows);
}

/** A block of a sheet's cells: formats first (text cells take text), as runs — a cleared sheet is "General". */
function queueCells(
  ws: Excel.Worksheet,
  runs: ReturnType<typeof formatRuns>,
  firstRow: number,
  values: (string | number)[][],
  width: number,
): void {
  for (const [row, col, rows, cols, format] of runs) ws.getRangeByIndexes(row, col, rows, cols).numberFormat = [[format]];
  ws.getRangeByIndexes(firstRow, 0, values.length, width).values = values;
}

/** Rectangles of one style: [row, column, rows, columns, value] per property (see `runsOf`). */
export interface StyleRuns {
  fill: Run[];
  color: Run[];
  wrap: Run[];
  align: Run[];
}

/** An internal link: row, column, target (`Likviditet!D6`), and the text shown where the cell is text. */
export type Link = [number, number, string, string | null];

const ALIGN: Record<NonNullable<OutCell['align']>, Excel.HorizontalAlignment | 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/**
 * Fills, font colours, wrapping and alignment as rectangles of equal style, like the number formats
 * (ExcelApi 1.1: `RangeFill.color`, `RangeFont.color`, `RangeFormat.wrapText`, `horizontalAlignment`,
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat).
 */
function queueStyles(ws: Excel.Worksheet, styles: StyleRuns): void {
  const at = ([row, col, rows, cols]: Run) => ws.getRangeByIndexes(row, col, rows, cols).format;
  for (const run of styles.fill) at(run).fill.color = `#${run[4]}`;
  for (const run of styles.color) at(run).font.color = `#${run[4]}`;
  for (const run of styles.wrap) at(run).wrapText = true;
  for (const run of styles.align) at(run).horizontalAlignment = ALIGN[run[4] as keyof typeof ALIGN];
}

/**
 * Links to cells of this workbook (ExcelApi 1.7: `Range.hyperlink` with `documentReference`,
 * https://learn.microsoft.com/javascript/api/excel/excel.rangehyperlink). The text shown is the cell's
 * own text; a number keeps its value (a text to display would make it text).
 */
function queueLinks(ws: Excel.Worksheet, links: Link[]): void {
  for (const [row, col, target, text] of links) {
    const link: Excel.RangeHyperlink = { documentReference: target };
    if (text !== null) link.textToDisplay = text;
    ws.getRangeByIndexes(row, col, 1, 1).hyperlink = link;
  }
}

/**
 * Native charts, drawn from ranges of the sheet in the same batch as its values:
 * `ChartCollection.add(type, source, seriesBy)` with the first series' values (ExcelApi 1.1,
 * https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1)),
 * the categories and further series through the series API (`setXAxisValues`, `add`, `setValues`:
 * ExcelApi 1.7, https://learn.microsoft.com/javascript/api/excel/excel.chartseries), the title, the
 * position from the anchor's cells (`setPosition`, ExcelApi 1.1) and our name, so that the next refresh
 * replaces them. `Chart` has no alternative text in Office.js (see requirements.ts): not written.
 */
function queueCharts(ws: Excel.Worksheet, charts: readonly ChartSpec[]): void {
  charts.forEach((spec, i) => {
    const [first, ...rest] = spec.series;
    if (!first) return;
    const type = spec.kind === 'line' ? 'Line' : 'ColumnClustered';
    const chart = ws.charts.add(type, ws.getRange(first.values), seriesBy(first.values));
    chart.name = chartName(i);
    chart.title.text = spec.title;
    chart.title.visible = true;
    const { row, col, rows, cols } = spec.anchor;
    chart.setPosition(a1(row, col), a1(row + Math.max(1, rows) - 1, col + Math.max(1, cols) - 1));
    const categories = ws.getRange(spec.categories);
    const s0 = chart.series.getItemAt(0);
    s0.name = first.name;
    s0.setXAxisValues(categories);
    for (const s of rest) {
      const series = chart.series.add(s.name);
      series.setValues(ws.getRange(s.values));
      series.setXAxisValues(categories);
    }
  });
}

/** A series' values down a column are read by columns, along a row by rows. */
export function seriesBy(range: string): 'Columns' | 'Rows' {
  const [a, b] = range.split(':');
  const p = parseA1(a!);
  const q = b ? parseA1(b) : p;
  return q.row - p.row >= q.col - p.col ? 'Columns' : 'Rows';
}

/**
 * Print setup (ExcelApi 1.9, https://learn.microsoft.com/javascript/api/excel/excel.pagelayout): A4,
 * orientation, one page wide and as many tall as needed (`zoom`, https://learn.microsoft.com/javascript/api/excel/excel.pagelayoutzoomoptions:
 * the reference does not say what 0 pages means; 0 is how the file format says "automatic",
 * ECMA-376 `pageSetup@fitToHeight`, and what Excel itself stores for "Fit all columns on one page"),
 * the rows repeated on every page (`setPrintTitleRows`) and the header and footer of every page
 * (`headersFooters.defaultForAllPages`, https://learn.microsoft.com/javascript/api/excel/excel.headerfooter;
 * the text is in Excel's header syntax already: `&D`, `&P av &N`, a förbund's `&` doubled by the renderer).
 * Excel takes at most 255 characters per header or footer: a longer one is left out rather than fail the batch.
 * The printed range (`setPrintArea`, ExcelApi 1.9 like the rest of `PageLayout`, same page) and the page
 * breaks (`horizontalPageBreaks`: `removePageBreaks`, then `add` per break, ExcelApi 1.9,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection) go in the same batch.
 */
function queuePrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.zoom = print.fitToWidth ? { horizontalFitToPages: 1, verticalFitToPages: print.onePage ? 1 : 0 } : { scale: 100 };
  if (print.repeatRows > 0) layout.setPrintTitleRows(`$1:$${Math.floor(print.repeatRows)}`);
  if (print.area) layout.setPrintArea(print.area);
  ws.horizontalPageBreaks.removePageBreaks();
  for (const row of print.rowBreaks ?? []) ws.horizontalPageBreaks.add(a1(row, 0));
  const page = layout.headersFooters.defaultForAllPages;
  const fits = (p: PrintSetup['header']) => [p.left, p.center, p.right].reduce((n, t) => n + (t ? t.length + 2 : 0), 0) <= 255;
  if (fits(print.header)) {
    page.leftHeader = print.header.left;
    page.centerHeader = print.header.center;
    page.rightHeader = print.header.right;
  }
  if (fits(print.footer)) {
    page.leftFooter = print.footer.left;
    page.centerFooter = print.footer.center;
    page.rightFooter = print.footer.right;
  }
}

/** An output sheet as the rectangular `values` and `numberFormat` arrays of its cells. */
export function toArrays(out: OutputSheet): { values: (string | number)[][]; formats: string[][]; width: number } {
  const width = Math.max(1, ...out.rows.map((r) => r.length));
  const values = out.rows.map((r) => {
    const row: (string | number)[] = new Array<string | number>(width).fill('');
    r.forEach((c, i) => {
      row[i] = c.v === null ? '' : typeof c.v === 'string' && c.f === '@' ? asText(c.v) : c.v;
    });
    return row;
  });
  const formats = out.rows.map((r) => {
    const row: string[] = new Array<string>(width).fill('General');
    r.forEach((c, i) => {
      // A prefixed string is text already (the prefix is not shown); other cells take their format.
      row[i] = c.f === '@' && typeof c.v === 'string' ? textFormat(c.v) : (c.f ?? 'General');
    });
    return row;
  });
  return { values, formats, width };
}

/**
 * Rectangles of one number format, [row, column, rows, columns, format]: runs along each row, merged
 * down while the run below has the same columns and format. "General" needs nothing on a cleared sheet.
 * Each is written as a 1×1 array, which Excel applies to the whole range
 * (https://github.com/OfficeDev/office-js-docs-pr/issues/5400).
 */
export function formatRuns(formats: string[][]): Run[] {
  return runsOf(formats, 'General');
}

/** [row, column, rows, columns, value] */
export type Run = [number, number, number, number, string];

/** Rectangles of one value in a grid, as `formatRuns`; cells holding `none` need nothing. */
export function runsOf(grid: readonly (readonly string[])[], none: string): Run[] {
  const formats = grid;
  const done: Run[] = [];
  let open = new Map<string, Run>();
  formats.forEach((row, r) => {
    const next = new Map<string, Run>();
    for (let c = 0; c < row.length;) {
      let end = c + 1;
      while (end < row.length && row[end] === row[c]) end++;
      const format = row[c]!;
      if (format !== none) {
        const key = `${c}:${end}:${format}`;
        const above = open.get(key);
        if (above) {
          above[2]++;
          open.delete(key);
          next.set(key, above);
        } else next.set(key, [r, c, 1, end - c, format]);
      }
      c = end;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
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

/** Rows of a sheet's values in blocks whose payload stays under `limit` (one block when it fits). */
export function rowBlocks(
  values: (string | number)[][],
  limit: number,
): { firstRow: number; values: (string | number)[][]; bytes: number }[] {
  const rows = values.map((v, i) => ({ i, bytes: JSON.stringify(v).length + 1 }));
  return splitByPayload(rows, (r) => r.bytes, limit).map((block) => {
    const first = block[0]!.i;
    const last = block[block.length - 1]!.i + 1;
    return { firstRow: first, values: values.slice(first, last), bytes: block.reduce((n, r) => n + r.bytes, 0) };
  });
}

/** Group items into batches whose payload stays under `limit` (an item larger than the limit goes alone). */
export function splitByPayload<T>(items: readonly T[], size: (t: T) => number, limit: number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (current.length > 0 && bytes + n > limit) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Runs of bold cells per row: [row, first column, count]. */
export function boldRuns(sheet: OutputSheet): [number, number, number][] {
  const runs: [number, number, number][] = [];
  sheet.rows.forEach((r, row) => {
    let start = -1;
    for (let i = 0; i <= r.length; i++) {
      const bold = i < r.length && r[i]!.bold === true;
      if (bold && start < 0) start = i;
      if (!bold && start >= 0) {
        runs.push([row, start, i - start]);
        start = -1;
      }
    }
  });
  return runs;
}

/** Everything a sheet write sends, to compare with what this session last wrote. */
interface Content {
  values: (string | number)[][];
  formats: string[][];
  width: number;
  styles: StyleRuns;
  links: Link[];
  /** Bold runs, widths, frozen rows, styles, links, print setup and charts, as one string. */
  layout: string;
}

interface Written extends Content {
  id: string;
}

function contentOf(out: OutputSheet): Content {
  const arrays = toArrays(out);
  const styles = styleRuns(out, arrays.width);
  const links = linksOf(out);
  const layout = JSON.stringify([boldRuns(out), out.widths, out.freezeRows, styles, links, out.print ?? null, out.charts ?? []]);
  return { ...arrays, styles, links, layout };
}

/** Each style property of the cells as rectangles of one value (nothing to send where no cell has it). */
export function styleRuns(out: OutputSheet, width = Math.max(1, ...out.rows.map((r) => r.length))): StyleRuns {
  const runs = (value: (c: OutCell) => string | undefined): Run[] => {
    if (!out.rows.some((r) => r.some((c) => value(c) !== undefined))) return [];
    const grid = out.rows.map((r) => {
      const row = new Array<string>(width).fill('');
      r.forEach((c, i) => (row[i] = value(c) ?? ''));
      return row;
    });
    return runsOf(grid, '');
  };
  return {
    fill: runs((c) => c.fill?.toUpperCase()),
    color: runs((c) => c.color?.toUpperCase()),
    wrap: runs((c) => (c.wrap ? 'wrap' : undefined)),
    align: runs((c) => c.align),
  };
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

/** Cell by cell (cheaper than hashing: no strings built). */
function sameContent(a: Content, b: Content): boolean {
  if (a.layout !== b.layout || a.width !== b.width || a.values.length !== b.values.length) return false;
  for (let r = 0; r < a.values.length; r++) {
    const av = a.values[r]!;
    const bv = b.values[r]!;
    const af = a.formats[r]!;
    const bf = b.formats[r]!;
    for (let c = 0; c < a.width; c++) if (av[c] !== bv[c] || af[c] !== bf[c]) return false;
  }
  return true;
}
