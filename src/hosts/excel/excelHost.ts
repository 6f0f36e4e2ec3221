/**
 * The Excel host (Office.js). Reads every input sheet in one `context.sync()` and writes every output
 * sheet in one batch: whole 2D `values` and `numberFormat` arrays per sheet, never cell by cell.
 * A refresh costs two round trips whatever the workbook's size (a third only when a write payload
 * would pass Excel on the web's request limit and must be split).
 */
import type { TemplateSheet } from '../../workbook/example';
import type { CellValue, OutputSheet, SheetGrid, WorkbookHost, WorkbookSnapshot } from '../../workbook/grid';
import { parseA1, sameSheetName } from '../../workbook/grid';
import { INPUT_SHEETS, OUTPUT_SHEET_NAMES, ownerMarkName } from '../../workbook/schema';

/** `Excel.run`, injectable so that tests can pass a mock. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const INPUT_NAMES: string[] = Object.values(INPUT_SHEETS);
/** Stay well under Excel on the web's 5 MB request limit. */
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;
/** Change events for sheets not known as input are taken for echoes of a write this long after it. */
const ECHO_WINDOW_MS = 1500;

interface SheetHandle {
  name: string;
  sheet: Excel.Worksheet;
  range: Excel.Range;
}

interface MarkHandle {
  output: string;
  item: Excel.NamedItem;
}

/** Sheet name from a defined name's formula such as `='Insatser per år'!$A$1`. */
export function sheetOfFormula(formula: string): string | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!/.exec(formula.trim());
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** A user string Excel would take for a formula is written with Excel's text prefix, an apostrophe. */
export function asText(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/** Number format for a user string: "@" (text), or "General" where the text prefix already makes it text. */
export function textFormat(value: string): string {
  return asText(value) === value ? '@' : 'General';
}

export class ExcelHost implements WorkbookHost {
  /** Worksheet ids of the output sheets (as last read): their changes are our own writes. */
  outputSheetIds = new Set<string>();
  /** Worksheet ids of the input sheets (as last read). */
  inputSheetIds = new Map<string, string>();
  private lastSnapshot: WorkbookSnapshot | null = null;
  /** Until when events from sheets not yet known may still be echoes of our last write. */
  private echoUntil = 0;

  constructor(
    private readonly run: ExcelRun,
    private readonly maxPayloadBytes = MAX_PAYLOAD_BYTES,
  ) {}

  async read(): Promise<WorkbookSnapshot> {
    try {
      return await this.readOnce();
    } catch (e) {
      // A host that refuses to navigate from a null object: find the sheets first, then read them.
      if (!isItemNotFound(e)) throw e;
      return this.readInTwoSteps();
    }
  }

  /** One round trip: every input sheet's used range (values only), the output sheets and their marks. */
  private readOnce(): Promise<WorkbookSnapshot> {
    return this.run((context) => this.loadAndSync(context, (name) => context.workbook.worksheets.getItemOrNullObject(name)));
  }

  private readInTwoSteps(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      const existing = new Set(worksheets.items.map((w) => w.name.trim().toLocaleLowerCase('sv')));
      return this.loadAndSync(context, (name) => (existing.has(name.toLocaleLowerCase('sv')) ? worksheets.getItem(name) : null));
    });
  }

  /** Queue the loads of a read (sheets by `sheetFor`, null when known to be missing) and sync once. */
  private async loadAndSync(
    context: Excel.RequestContext,
    sheetFor: (name: string) => Excel.Worksheet | null,
  ): Promise<WorkbookSnapshot> {
    const inputs: SheetHandle[] = INPUT_NAMES.flatMap((name) => {
      const sheet = sheetFor(name);
      if (!sheet) return [];
      sheet.load('name,id');
      const range = sheet.getUsedRangeOrNullObject(true);
      range.load('values,numberFormat,address');
      return [{ name, sheet, range }];
    });
    const outputs = OUTPUT_SHEET_NAMES.flatMap((name) => {
      const sheet = sheetFor(name);
      if (!sheet) return [];
      sheet.load('name,id');
      return [{ name, sheet }];
    });
    const marks: MarkHandle[] = OUTPUT_SHEET_NAMES.map((output) => {
      const item = context.workbook.names.getItemOrNullObject(ownerMarkName(output));
      item.load('formula');
      return { output, item };
    });
    await context.sync();
    return this.snapshotOf(inputs, outputs, marks);
  }

  private snapshotOf(
    inputs: SheetHandle[],
    outputs: { name: string; sheet: Excel.Worksheet }[],
    marks: MarkHandle[],
  ): WorkbookSnapshot {
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
      grids.push({
        name: h.sheet.name,
        values: h.range.values as CellValue[][],
        formats: h.range.numberFormat as string[][],
        rowOffset: topLeft.row,
        colOffset: topLeft.col,
      });
    }
    const present = outputs.filter((o) => !o.sheet.isNullObject);
    this.outputSheetIds = new Set(present.map((o) => o.sheet.id));
    const owned = marks
      .filter((m) => !m.item.isNullObject)
      .map((m) => sheetOfFormula(m.item.formula))
      .filter((s): s is string => s !== null);
    const snapshot: WorkbookSnapshot = {
      inputs: grids,
      sheetNames: [...grids.map((g) => g.name), ...present.map((o) => o.sheet.name)],
      ownedSheets: present.map((o) => o.sheet.name).filter((n) => owned.some((s) => sameSheetName(s, n))),
    };
    this.lastSnapshot = snapshot;
    return snapshot;
  }

  /**
   * Writes the output sheets in one batch. Existing output sheets (owned, as the last read found) are
   * cleared and rewritten; missing ones are added and marked with a workbook-level defined name.
   */
  async write(sheets: OutputSheet[]): Promise<void> {
    const snapshot = this.lastSnapshot ?? (await this.read());
    // Each sheet as whole arrays, cut into row blocks only where one sheet alone would pass the limit.
    const blocks = sheets.flatMap((out) => {
      const existing = snapshot.sheetNames.find((n) => sameSheetName(n, out.name));
      if (existing && !snapshot.ownedSheets.some((o) => sameSheetName(o, existing))) {
        throw new Error(`Refusing to overwrite sheet ${existing}: not created by Finsam Budget`);
      }
      const { values, formats, width } = toArrays(out);
      return rowBlocks(values, formats, this.maxPayloadBytes).map((b) => ({ out, existing, width, ...b }));
    });
    const batches = splitByPayload(blocks, (b) => b.bytes, this.maxPayloadBytes);
    const written = new Map<string, Excel.Worksheet>();
    await this.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      // One batch, one round trip; more only when one request would pass Excel on the web's limit.
      for (const batch of batches) {
        for (const { out, existing, width, firstRow, values, formats } of batch) {
          let ws = written.get(out.name);
          if (!ws) {
            ws = existing ? worksheets.getItem(existing) : worksheets.add(out.name);
            if (existing) ws.getRange().clear('All');
            else context.workbook.names.add(ownerMarkName(out.name), ws.getRange('A1'), 'Finsam Budget');
            for (const [row, from, count] of boldRuns(out)) ws.getRangeByIndexes(row, from, 1, count).format.font.bold = true;
            out.widths.forEach((w, i) => {
              ws!.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 6.5);
            });
            ws.freezePanes.unfreeze();
            if (out.freezeRows > 0) ws.freezePanes.freezeRows(out.freezeRows);
            ws.load('id');
            written.set(out.name, ws);
          }
          const range = ws.getRangeByIndexes(firstRow, 0, values.length, width);
          range.numberFormat = formats; // formats first: text cells take text
          range.values = values;
        }
        await context.sync(); // eslint-disable-line office-addins/no-context-sync-in-loop
      }
    });
    // Their ids, loaded with the write: change events from these sheets are our own writes.
    this.outputSheetIds = new Set([...written.values()].map((ws) => ws.id));
    this.echoUntil = Date.now() + ECHO_WINDOW_MS;
    this.lastSnapshot = null;
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
      await context.sync();
      const clashes = found.filter((ws) => !ws.isNullObject).map((ws) => ws.name);
      if (clashes.length > 0) return clashes;
      for (const s of sheets) {
        const ws = worksheets.add(s.name);
        const width = Math.max(...s.rows.map((r) => r.length));
        const values = s.rows.map((r) => Array.from({ length: width }, (_, c) => templateValue(r[c] ?? null)));
        const formats = s.rows.map((r, i) =>
          Array.from({ length: width }, (_, c) => {
            const v = r[c] ?? null;
            if (typeof v === 'string') return textFormat(v);
            return i <= (s.headerRow ?? 0) ? '@' : (s.columnFormats?.[c] ?? 'General');
          }),
        );
        const range = ws.getRangeByIndexes(0, 0, values.length, width);
        range.numberFormat = formats;
        range.values = values;
        ws.getRangeByIndexes(s.headerRow ?? 0, 0, 1, width).format.font.bold = true;
        s.widths.forEach((w, i) => {
          ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = Math.round(w * 6.5);
        });
        ws.freezePanes.freezeRows((s.headerRow ?? 0) + 1);
      }
      worksheets.getItem(sheets[0]!.name).activate();
      await context.sync();
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

  /** Whether a worksheet change (by id) concerns the input: changes on output sheets are our own writes. */
  isInputChange(worksheetId: string): boolean {
    if (this.outputSheetIds.has(worksheetId)) return false;
    // An event that overtook the write's own reply: a sheet we did not read as input, just after a write.
    if (Date.now() < this.echoUntil && !this.inputSheetIds.has(worksheetId)) return false;
    return true;
  }
}

/** A template value as Excel takes it: dates as serial numbers (formatted as dates), text as text. */
function templateValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (v instanceof Date) return v.getTime() / 86400000 + 25569;
  return typeof v === 'string' ? asText(v) : v;
}

/** An output sheet as the rectangular `values` and `numberFormat` arrays one range write takes. */
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

/** Rows of a sheet's arrays in blocks whose payload stays under `limit` (one block when it fits). */
export function rowBlocks(
  values: (string | number)[][],
  formats: string[][],
  limit: number,
): { firstRow: number; values: (string | number)[][]; formats: string[][]; bytes: number }[] {
  const rows = values.map((v, i) => ({ i, bytes: JSON.stringify(v).length + JSON.stringify(formats[i]).length + 2 }));
  return splitByPayload(rows, (r) => r.bytes, limit).map((block) => {
    const first = block[0]!.i;
    const last = block[block.length - 1]!.i + 1;
    return {
      firstRow: first,
      values: values.slice(first, last),
      formats: formats.slice(first, last),
      bytes: block.reduce((n, r) => n + r.bytes, 0),
    };
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

function isItemNotFound(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ItemNotFound';
}
