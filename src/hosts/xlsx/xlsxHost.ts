/** The standalone host: an .xlsx workbook held by ExcelJS. Reads input grids, writes output sheets. */
import type ExcelJS from 'exceljs';
import type { CellValue, OutputSheet, SheetGrid, WorkbookHost, WorkbookSnapshot } from '../../workbook/grid';
import { sameSheetName } from '../../workbook/grid';
import type { TemplateSheet } from '../../workbook/example';
import { renderTemplate } from '../../workbook/template';
import { INPUT_SHEETS, OWNER_PREFIX, ownerMarkName } from '../../workbook/schema';

const INPUT_NAMES: string[] = Object.values(INPUT_SHEETS);

/** An ExcelJS cell value as a plain grid value (formulas by their cached result). */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('result' in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const rv: CellValue[] = [];
    const rf: (string | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      rv[col - 1] = plainValue(cell.value);
      rf[col - 1] = cell.numFmt ?? null;
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
  return { name: ws.name, values, formats, rowOffset: 0, colOffset: 0 };
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

  async read(): Promise<WorkbookSnapshot> {
    const inputs = this.workbook.worksheets.filter((ws) => INPUT_NAMES.some((n) => sameSheetName(n, ws.name))).map(readGrid);
    return {
      inputs,
      sheetNames: this.workbook.worksheets.map((ws) => ws.name),
      ownedSheets: ownedSheetNames(this.workbook),
    };
  }

  async write(sheets: OutputSheet[]): Promise<void> {
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
