/**
 * The standalone preview (outside Office): the same pane over an .xlsx workbook held by ExcelJS in the
 * browser. Loaded lazily, so that ExcelJS is not part of the pane that runs inside Excel.
 */
import ExcelJS from 'exceljs';
import { addTemplateSheets, readGrid, XlsxHost } from '../xlsx/xlsxHost';
import { exampleSheets } from '../../workbook/example';
import { CellValue, parseA1, sameSheetName } from '../../workbook/grid';
import type { PaneHost } from '../paneHost';

export interface Preview {
  sheet: string;
  cell: string;
  /** A few rows around the cell, as display text; `focus` is the cell's position in them. */
  rows: string[][];
  firstRow: number;
  firstCol: number;
  focus: { row: number; col: number };
}

export interface StandalonePane extends PaneHost {
  fileName(): string | null;
  loadExample(): Promise<void>;
  /** Replace the workbook with a user's file; throws when it is not an .xlsx workbook. */
  loadFile(name: string, data: ArrayBuffer): Promise<void>;
  download(): Promise<{ name: string; blob: Blob }>;
  onPreview(listener: (p: Preview) => void): void;
}

function display(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) >= 10000 ? v.toLocaleString('sv-SE') : String(v);
  return String(v);
}

export function createStandalonePane(): StandalonePane {
  let workbook = new ExcelJS.Workbook();
  let host = new XlsxHost(workbook);
  let name: string | null = null;
  let previewListener: (p: Preview) => void = () => undefined;
  return {
    kind: 'standalone',
    workbook: () => host,
    fileName: () => name,
    async loadExample() {
      workbook = new ExcelJS.Workbook();
      addTemplateSheets(workbook, exampleSheets());
      host = new XlsxHost(workbook);
      name = null;
    },
    async loadFile(fileName, data) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data);
      workbook = wb;
      host = new XlsxHost(wb);
      name = fileName;
    },
    async download() {
      const buffer = await workbook.xlsx.writeBuffer();
      const base = (name ?? 'rar-sormland-2024.xlsx').replace(/\.xlsx$/i, '');
      return {
        name: `${base}-beraknad.xlsx`,
        blob: new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      };
    },
    async select(sheet, cell) {
      const ws = workbook.worksheets.find((w) => sameSheetName(w.name, sheet));
      if (!ws) return;
      const grid = readGrid(ws);
      const at = parseA1(cell);
      // A window of a few rows and four columns around the cell: what fits a 320 px pane.
      const firstRow = Math.max(0, at.row - 3);
      const firstCol = Math.max(0, at.col - 1);
      const rows = grid.values
        .slice(firstRow, at.row + 4)
        .map((r) => Array.from({ length: 4 }, (_, j) => display(r[firstCol + j] ?? null)));
      previewListener({
        sheet: ws.name,
        cell,
        rows,
        firstRow,
        firstCol,
        focus: { row: at.row - firstRow, col: at.col - firstCol },
      });
    },
    onPreview(listener) {
      previewListener = listener;
    },
    async watchInputs() {
      return async () => undefined; // nothing changes a file behind the user's back
    },
    async createTemplate() {
      return addTemplateSheets(workbook, exampleSheets());
    },
  };
}
