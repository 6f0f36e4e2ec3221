/** The standalone host: an .xlsx workbook held by ExcelJS. Reads input grids, writes output sheets. */
import type ExcelJS from 'exceljs';
import type { CellValue, OutputSheet, SheetGrid, WorkbookHost, WorkbookSnapshot } from '../../workbook/grid';
import { parseA1, sameSheetName } from '../../workbook/grid';
import type { TemplateSheet } from '../../workbook/example';
import { renderTemplate } from '../../workbook/template';
import { INPUT_SHEETS, OWNER_PREFIX, ownerMarkName } from '../../workbook/schema';

const INPUT_NAMES: string[] = Object.values(INPUT_SHEETS);

/** A formula cell (plain or shared) whose cached value the file does not hold. */
export function isFormulaWithoutValue(v: ExcelJS.CellValue): boolean {
  if (v === null || typeof v !== 'object' || v instanceof Date) return false;
  if (!('formula' in v) && !('sharedFormula' in v)) return false;
  const result = (v as { result?: unknown }).result;
  return result === undefined || result === null;
}

/**
 * An ExcelJS cell value as a plain grid value: formulas by their cached result (none: null, and
 * `readGrid` lists the cell), rich text and hyperlinks (also a hyperlink whose text is rich text) by
 * their text, errors as their text (`#N/A`); anything else as text, never `[object Object]`.
 */
export function plainValue(v: unknown, depth = 0): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object' && depth < 4) {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainValue(o.result, depth + 1) : null;
    if ('result' in o) return plainValue(o.result, depth + 1);
    if (Array.isArray(o.richText))
      return (o.richText as { text?: unknown }[]).map((r) => (typeof r?.text === 'string' ? r.text : '')).join('');
    if ('text' in o) {
      const t = plainValue(o.text, depth + 1);
      return t instanceof Date ? t : t === null ? '' : String(t);
    }
    if ('error' in o) return String(o.error);
  }
  return typeof v === 'bigint' ? v.toString() : '';
}

export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const formulasWithoutValue: { row: number; col: number }[] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const rv: CellValue[] = [];
    const rf: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      rv[col - 1] = plainValue(cell.value);
      rf[col - 1] = cell.numFmt ?? null;
      if (isFormulaWithoutValue(cell.value)) formulasWithoutValue.push({ row: rowNumber - 1, col: col - 1 });
    });
    for (let i = 0; i < rv.length; i++) {
      if (rv[i] === undefined) rv[i] = null;
      if (rf[i] === undefined) rf[i] = null;
    }
    values[rowNumber - 1] = rv;
    formats[rowNumber - 1] = rf;
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) {
      values[i] = [];
      formats[i] = [];
    }
  }
  const grid: SheetGrid = { name: ws.name, values, formats, rowOffset: 0, colOffset: 0 };
  if (formulasWithoutValue.length > 0) grid.formulasWithoutValue = formulasWithoutValue;
  const totalsRows = tableTotalsRows(ws);
  if (totalsRows.length > 0) grid.totalsRows = totalsRows;
  return grid;
}

/**
 * The totals rows (0-based sheet rows) of the sheet's Excel tables, as ExcelJS reads them: each table
 * has `tableRef` (e.g. `B3:C6`, header and totals included) and `totalsRow`.
 */
export function tableTotalsRows(ws: ExcelJS.Worksheet): number[] {
  const rows: number[] = [];
  const tables = (
    ws as unknown as { tables?: Record<string, { table?: { tableRef?: string; ref?: string; totalsRow?: boolean } }> }
  ).tables;
  for (const t of Object.values(tables ?? {})) {
    const model = t?.table;
    const ref = model?.tableRef ?? model?.ref;
    if (!model?.totalsRow || typeof ref !== 'string') continue;
    const last = ref.split(':').pop();
    if (!last) continue;
    try {
      rows.push(parseA1(last).row);
    } catch {
      // a reference ExcelJS could not give: no totals row known
    }
  }
  return rows;
}

/** Sheets that carry this tool's ownership mark (a defined name FinsamBudget_* pointing at them). */
export function ownedSheetNames(wb: ExcelJS.Workbook): string[] {
  const owned = new Set<string>();
  wb.definedNames.forEach((name: string, cell: { sheetName?: string }) => {
    if (name.startsWith(OWNER_PREFIX) && cell.sheetName) owned.add(cell.sheetName);
  });
  return [...owned];
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export class XlsxHost implements WorkbookHost {
  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Every sheet matching an input name is passed on (two that match the same name are an input error). */
  read(): Promise<WorkbookSnapshot> {
    try {
      const inputs = this.workbook.worksheets.filter((ws) => INPUT_NAMES.some((n) => sameSheetName(n, ws.name))).map(readGrid);
      return Promise.resolve({
        inputs,
        sheetNames: this.workbook.worksheets.map((ws) => ws.name),
        ownedSheets: ownedSheetNames(this.workbook),
      });
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  write(sheets: OutputSheet[]): Promise<void> {
    try {
      this.writeNow(sheets);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  private writeNow(sheets: OutputSheet[]): void {
    const wb = this.workbook;
    const owned = ownedSheetNames(wb);
    for (const sheet of sheets) {
      const existing = wb.worksheets.find((ws) => sameSheetName(ws.name, sheet.name));
      if (existing) {
        if (!owned.some((o) => sameSheetName(o, existing.name))) {
          throw new Error(`Refusing to overwrite sheet ${existing.name}: not created by Finsam Budget`);
        }
        wb.definedNames.removeAllNames(`${quoteSheet(existing.name)}!$A$1`);
        wb.removeWorksheet(existing.id);
      }
      const ws = wb.addWorksheet(sheet.name);
      writeSheet(ws, sheet);
      wb.definedNames.add(`${quoteSheet(sheet.name)}!$A$1`, ownerMarkName(sheet.name));
    }
  }
}

/** Write an output grid into an empty worksheet: values, formats, bold, widths, frozen header rows. */
export function writeSheet(ws: ExcelJS.Worksheet, sheet: OutputSheet): void {
  ws.views = [{ state: 'frozen', ySplit: sheet.freezeRows, xSplit: 0 }];
  sheet.widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // One style object per (format, bold): ExcelJS recognises a style object it has seen before,
  // which makes writing many cells several times faster than a fresh style per cell.
  const styles = new Map<string, [Partial<ExcelJS.Style>, Partial<ExcelJS.Style>]>();
  const styleOf = (f: string | undefined, bold: boolean | undefined) => {
    let pair = styles.get(f ?? '');
    if (!pair) {
      const plain: Partial<ExcelJS.Style> = f ? { numFmt: f } : {};
      pair = [plain, { ...plain, font: { bold: true } }];
      styles.set(f ?? '', pair);
    }
    return pair[bold ? 1 : 0];
  };
  sheet.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const row = ws.getRow(r + 1);
    cells.forEach((c, col) => {
      if (c.v === null && !c.bold) return;
      const cell = row.getCell(col + 1);
      cell.value = c.v; // strings are stored as text, never as formulas
      if (c.f || c.bold) cell.style = styleOf(c.f, c.bold);
    });
  });
}

/** Add template input sheets; refuses (returns the clashing names) if any sheet name exists already. */
export function addTemplateSheets(wb: ExcelJS.Workbook, sheets: readonly TemplateSheet[]): string[] {
  const clashes = sheets.filter((s) => wb.worksheets.some((ws) => sameSheetName(ws.name, s.name))).map((s) => s.name);
  if (clashes.length > 0) return clashes;
  for (const out of renderTemplate(sheets)) writeSheet(wb.addWorksheet(out.name), out);
  return [];
}
