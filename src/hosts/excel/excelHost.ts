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
import type { ChartSpec, OutCell, OutputSheet, PrintSetup, SheetGrid, WorkbookSnapshot } from '../../workbook/grid';
import { a1, OUTPUT_FONT, parseA1, sameSheetName, sheetNameKey } from '../../workbook/grid';
import { INPUT_SHEETS, OUTPUT_SHEET_NAMES, ownerMarkName } from '../../workbook/schema';
import { BlockCode, officeErrorCode, officeErrorMessage, OfficeLang, writeBlockedMessage } from '../../messages/office';
import type { PreparedWorkbookHost } from '../paneHost';
import { currentWriteFeatures, WriteFeatures } from './requirements';
import type { Run, ValueBlock } from './writeRuns';
import { Link, PreparedSheet, prepareSheet, samePrepared, StyleRuns } from './prepare';
import { gridOf, OutputHandle, queueInput, queueOutput, SheetHandle, splitAddress } from './excelRead';

export type { Run } from './writeRuns';
export type { Link, PreparedSheet, StyleRuns } from './prepare';

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
export { FORMAT_SHEETS } from './excelRead';
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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ExcelHost implements PreparedWorkbookHost {
  /** The form `writePrepared` takes (prepare.ts), made by the pane's compute worker. */
  readonly preparedKind = 'excel';
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
      return await this.run((context) => this.readIn(context, true));
    } catch (e) {
      // Any failure of the speculative read (a host that refuses to navigate from a null object, a
      // transient error): find the sheets first, then read only those that exist.
      if (e instanceof OfficeHostError && e.code === 'InvalidOperationInCellEditMode') throw e;
      return this.run((context) => this.readIn(context, false));
    }
  }

  /**
   * A read in one round trip, two where the names call for it. The first sync loads every sheet's name
   * and id, the workbook's tables (`name`, `showTotals`: ExcelApi 1.1; the `id` of their `worksheet`:
   * 1.2, https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-worksheet-member),
   * the marks and protection and —
   * `speculative` — every input and output sheet under its own name (`getItemOrNullObject`, which
   * Excel looks up case-insensitively). A second sync follows only where the names show more: a sheet
   * whose name matches only after normalisation (NFC, case, surrounding spaces: `sameSheetName`), a
   * second sheet matching one name (both are read: the parser reports `ambiguousSheet`), or a table
   * on an input sheet with a totals row (its range, `Table.getRange()`: header, body and totals row,
   * https://learn.microsoft.com/javascript/api/excel/excel.table#excel-excel-table-getrange-member(1)).
   * `Table.getTotalRowRange()` is not used: the reference does not say what it gives for a table whose
   * totals row is hidden, and the last row of the whole range is the totals row when `showTotals` is set.
   */
  private async readIn(context: Excel.RequestContext, speculative: boolean): Promise<ExcelSnapshot> {
    const worksheets = context.workbook.worksheets;
    const all = worksheets.load('items/name,items/id');
    const tables = context.workbook.tables.load('items/name,items/showTotals,items/worksheet/id');
    const marks: MarkHandle[] = OUTPUT_SHEET_NAMES.map((output) => {
      const item = context.workbook.names.getItemOrNullObject(ownerMarkName(output));
      item.load('formula');
      return { output, item };
    });
    const workbookProtection = context.workbook.protection;
    workbookProtection.load('protected');
    const guessed = new Map<string, { input?: SheetHandle; output?: OutputHandle }>();
    if (speculative) {
      for (const name of INPUT_NAMES) guessed.set(name, { input: queueInput(worksheets.getItemOrNullObject(name), name) });
      for (const name of OUTPUT_SHEET_NAMES)
        guessed.set(name, { ...guessed.get(name), output: queueOutput(worksheets.getItemOrNullObject(name), name) });
    }
    await context.sync();
    // Every sheet that matches a name; those the first sync did not load are loaded now, by id.
    let more = false;
    const byId = (id: string) => {
      more = true;
      return worksheets.getItem(id);
    };
    const matching = (name: string) => all.items.filter((w) => sameSheetName(w.name, name));
    const inputs: SheetHandle[] = INPUT_NAMES.flatMap((name) => {
      const guess = guessed.get(name)?.input;
      const found = guess && !guess.sheet.isNullObject ? guess : undefined;
      const others = matching(name).filter((w) => w.id !== found?.sheet.id);
      return [...(found ? [found] : []), ...others.map((w) => queueInput(byId(w.id), name))];
    });
    const outputs: OutputHandle[] = OUTPUT_SHEET_NAMES.flatMap((name) => {
      const guess = guessed.get(name)?.output;
      if (guess && !guess.sheet.isNullObject) return [guess];
      // The first sheet that matches the name is the one written (a second one is the user's).
      const first = matching(name)[0];
      return first ? [queueOutput(byId(first.id), name)] : [];
    });
    // Only tables on input sheets: a user's own sheet with a totals row costs no round trip.
    const inputIds = new Set(all.items.filter((w) => INPUT_NAMES.some((n) => sameSheetName(w.name, n))).map((w) => w.id));
    const totals = tables.items
      .filter((t) => t.showTotals && inputIds.has(t.worksheet.id))
      .map((t) => {
        more = true;
        return t.getRange().load('address');
      });
    if (more) await context.sync();
    const totalsRows = new Map<string, number[]>();
    for (const range of totals) {
      const [sheet, cells] = splitAddress(range.address);
      const last = parseA1(cells.split(':').pop()!).row;
      totalsRows.set(sheetNameKey(sheet), [...(totalsRows.get(sheetNameKey(sheet)) ?? []), last]);
    }
    return this.snapshotOf(inputs, outputs, marks, all.items, workbookProtection.protected, totalsRows);
  }

  private snapshotOf(
    inputs: SheetHandle[],
    outputs: OutputHandle[],
    marks: MarkHandle[],
    all: Excel.Worksheet[],
    structureProtected: boolean,
    totalsRows: Map<string, number[]>,
  ): ExcelSnapshot {
    const grids: SheetGrid[] = [];
    this.inputSheetIds.clear();
    for (const h of inputs) {
      if (h.sheet.isNullObject) continue;
      this.inputSheetIds.set(h.sheet.id, h.sheet.name);
      const grid = gridOf(h);
      const totals = totalsRows.get(sheetNameKey(h.sheet.name));
      if (totals) grid.totalsRows = [...totals].sort((a, b) => a - b);
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
    const prepared: PreparedSheet[] = [];
    for (const out of sheets) {
      // One sheet's content per task: the pane stays responsive while a national write is prepared (no
      // sync here, so no extra round trip).
      if (prepared.length > 0) await nextTask();
      prepared.push(prepareSheet(out));
    }
    return this.writePrepared(prepared);
  }

  /**
   * `write` of sheets prepared already (prepare.ts, e.g. by the pane's compute worker): on this thread
   * only the checks and the range commands.
   */
  async writePrepared(sheets: PreparedSheet[]): Promise<void> {
    const snapshot = this.lastSnapshot ?? (await this.read());
    this.lastSnapshot = null;
    const plans: { out: PreparedSheet; existing: string | undefined; state: OutputState; unchanged: boolean }[] = [];
    for (const out of sheets) {
      const state = this.outputs.get(out.name) ?? { marked: false };
      // The sheet the read chose for this output (its own name, or the first that matches it).
      const existing = state.existing ?? snapshot.sheetNames.find((n) => sameSheetName(n, out.name));
      if (existing && !snapshot.ownedSheets.some((o) => sameSheetName(o, existing))) {
        throw new OfficeHostError('NotOwned', `Refusing to overwrite sheet ${existing}: not created by Finsam Budget`, existing);
      }
      const last = this.written.get(out.name);
      const unchanged =
        this.watching && existing !== undefined && last !== undefined && last.id === state.id && samePrepared(last.sheet, out);
      plans.push({ out, existing, state, unchanged });
    }
    const todo = plans.filter((p) => !p.unchanged);
    // Refuse before anything is sent: a protected sheet or structure would fail the batch halfway.
    const blockers = (snapshot.writeBlockers ?? []).filter((b) => todo.some((p) => sameSheetName(p.out.name, b.sheet)));
    if (blockers.length > 0) {
      const b = blockers[0]!;
      throw new OfficeHostError(b.code, writeBlockedMessage(b.code, b.sheet, this.lang), b.sheet);
    }
    if (todo.length === 0) return;
    // Each sheet as value bands, cut into row blocks only where one sheet alone would pass the limit.
    // Measured exactly only when a cheap upper estimate of the whole write passes the limit.
    const measure = todo.reduce((n, p) => n + p.out.bytes, 0) > this.maxPayloadBytes;
    const blocks = todo.flatMap((plan) => {
      const { bands, runs } = plan.out;
      // Styles, links, charts and print setup go with the first block; a rough size for the split.
      const extra = plan.out.layout.length * 2;
      const rows: { bands: ValueBlock[]; bytes: number }[] = measure
        ? bands.flatMap((band) =>
            rowBlocks(band.values, this.maxPayloadBytes).map((b) => ({
              bands: [{ row: band.row + b.firstRow, col: band.col, values: b.values }],
              bytes: b.bytes,
            })),
          )
        : [{ bands, bytes: plan.out.bytes }];
      return rows.map((b, i) => ({
        plan,
        first: i === 0,
        runs: i === 0 ? runs : [],
        ...b,
        bytes: b.bytes + (i === 0 ? plan.out.runsJson.length + extra : 0),
      }));
    });
    const features = this.writeFeatures ?? currentWriteFeatures();
    // The sheet to open on is brought forward only when this write adds it: a refresh after each edit
    // must not pull the user away from the sheet they are typing in.
    const activate = todo.find((p) => p.out.active && p.existing === undefined)?.out.name;
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
          for (const { plan, bands, runs, first } of batch) {
            const { out, existing, state } = plan;
            let ws = handles.get(out.name);
            if (!ws) {
              if (existing) {
                ws = worksheets.getItem(state.id ?? existing); // by id: the name may match only after normalisation
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
            queueCells(ws, runs, bands);
            if (first) {
              queueStyles(ws, out.styles);
              queueLinks(ws, out.links);
              queueCharts(ws, out.charts);
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
      this.written.set(p.out.name, { id, sheet: p.out });
    }
  }

  /** Add the template's input sheets in one batch, unless any of them exists (then nothing is added). */
  async addTemplate(sheets: readonly TemplateSheet[]): Promise<string[]> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      // Every sheet's name: a sheet that matches a template sheet only after normalisation clashes too.
      worksheets.load('items/name');
      const protection = context.workbook.protection;
      protection.load('protected');
      await context.sync();
      const clashes = worksheets.items.map((ws) => ws.name).filter((n) => sheets.some((s) => sameSheetName(s.name, n)));
      if (clashes.length > 0) return clashes;
      if (protection.protected) {
        const first = sheets[0]!.name;
        throw new OfficeHostError('WorkbookProtected', writeBlockedMessage('WorkbookProtected', first, this.lang), first);
      }
      // The same template as the .xlsx host writes (renderTemplate), written as output sheets are.
      const added = renderTemplate(sheets).map((out) => {
        const ws = worksheets.add(out.name);
        const prepared = prepareSheet(out);
        queueLayout(ws, prepared);
        queueCells(ws, prepared.runs, prepared.bands);
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

/** A sheet's layout: the output font on the used range, bold rectangles, column widths, frozen header rows. */
function queueLayout(ws: Excel.Worksheet, out: PreparedSheet): void {
  if (out.rows > 0) {
    // One named font (a cleared sheet has the workbook's default, which differs between Excel versions).
    const font = ws.getRangeByIndexes(0, 0, out.rows, out.width).format.font;
    font.name = OUTPUT_FONT.name;
    font.size = OUTPUT_FONT.size;
  }
  for (const [row, col, rows, cols] of out.bold) ws.getRangeByIndexes(row, col, rows, cols).format.font.bold = true;
  // Adjacent columns of one width as one range (`RangeFormat.columnWidth` sets every column of the range).
  for (const [from, count, w] of out.widths) ws.getRangeByIndexes(0, from, 1, count).format.columnWidth = w;
  ws.freezePanes.unfreeze();
  if (out.freezeRows > 0) ws.freezePanes.freezeRows(out.freezeRows);
}

/** A sheet's cells: formats first (text cells take text), as runs — a cleared sheet is "General" — then the value bands. */
function queueCells(ws: Excel.Worksheet, runs: readonly Run[], bands: readonly ValueBlock[]): void {
  for (const [row, col, rows, cols, format] of runs) ws.getRangeByIndexes(row, col, rows, cols).numberFormat = [[format]];
  for (const b of bands) ws.getRangeByIndexes(b.row, b.col, b.values.length, b.values[0]!.length).values = b.values;
}

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

/** What this session last wrote to an output sheet: the sheet's id and the write. */
interface Written {
  id: string;
  sheet: PreparedSheet;
}

/** Let the event loop run (a macrotask): long preparations are cut into tasks the pane can answer between. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
