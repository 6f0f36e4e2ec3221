/**
 * The template's sheets as output grids: one function for both hosts (ExcelJS and Office.js), so the
 * template looks the same wherever it is written. Title and header rows are bold; dates become Excel
 * serial numbers with a date format; text is marked as text (never a formula, never converted).
 */
import type { CellValue, OutCell, OutputSheet } from './grid';
import type { TemplateSheet } from './example';

/** Days from Excel's epoch (1899-12-30) for a UTC date. */
export function excelSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25569;
}

function templateCell(v: CellValue, format: string | undefined, bold: boolean): OutCell {
  if (v === null) return bold ? { v: null, bold } : { v: null };
  if (v instanceof Date) return { v: excelSerial(v), f: format ?? 'yyyy-mm-dd', bold };
  if (typeof v === 'boolean') return { v: v ? 'Ja' : 'Nej', bold };
  // Text stays text in both hosts: Excel would otherwise read "50 %" or "2024-01" as a number or a date.
  if (typeof v === 'string') return { v, f: '@', bold };
  return format ? { v, f: format, bold } : { v, bold };
}

export function renderTemplate(sheets: readonly TemplateSheet[]): OutputSheet[] {
  return sheets.map((s) => {
    const headerRow = s.headerRow ?? 0;
    return {
      name: s.name,
      rows: s.rows.map((r, i) =>
        r.map((v, c) => templateCell(v, i > headerRow ? s.columnFormats?.[c] : undefined, i <= headerRow)),
      ),
      widths: s.widths,
      freezeRows: headerRow + 1,
    };
  });
}
