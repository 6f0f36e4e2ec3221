/**
 * The standalone preview (outside Office): the same pane over an .xlsx workbook held by ExcelJS in the
 * browser. Loaded lazily, so that ExcelJS is not part of the pane that runs inside Excel.
 */
import ExcelJS from 'exceljs';
import { addTemplateSheets, readGrid, XlsxHost } from '../xlsx/xlsxHost';
import { exampleSheets } from '../../workbook/example';
import { CellValue, parseA1, sameSheetName } from '../../workbook/grid';
import type { PaneHost } from '../paneHost';
import { fileKind } from '../xlsx/fileKind';
import { formatNumber, Lang } from '../../messages/format';
import { notWorkbookText } from '../../messages/files';

/** A file that is not a readable workbook; its message (Swedish or English) says what it is and what to do. */
export class NotWorkbook extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotWorkbook';
  }
}

export interface Preview {
  sheet: string;
  cell: string;
  /** A few rows around the cell, as display text; `focus` is the cell's position in them. */
  rows: string[][];
  /** Each row's label (column A), or null when column A is among the columns shown. */
  labels: string[] | null;
  firstRow: number;
  firstCol: number;
  focus: { row: number; col: number };
}

export interface StandalonePane extends PaneHost {
  fileName(): string | null;
  loadExample(): Promise<void>;
  /** Replace the workbook with a user's file; throws NotWorkbook when it is not a readable .xlsx workbook. */
  loadFile(name: string, data: ArrayBuffer, lang?: Lang): Promise<void>;
  download(): Promise<{ name: string; blob: Blob }>;
  onPreview(listener: (p: Preview) => void): void;
}

function display(v: CellValue): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // Whole numbers with Swedish digit grouping (1 308 750); small fractions (shares) with a decimal comma.
  if (typeof v === 'number')
    return Number.isInteger(v) || Math.abs(v) >= 1000 ? formatNumber(v) : String(v).replace('.', ',').replace('-', '−');
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
    loadExample() {
      workbook = new ExcelJS.Workbook();
      addTemplateSheets(workbook, exampleSheets());
      host = new XlsxHost(workbook);
      name = null;
      return Promise.resolve();
    },
    async loadFile(fileName, data, lang = 'sv') {
      const kind = fileKind(new Uint8Array(data));
      if (kind.kind !== 'xlsx') throw new NotWorkbook(notWorkbookText(fileName, kind, lang));
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(data);
      } catch {
        throw new NotWorkbook(notWorkbookText(fileName, kind, lang)); // looks like a workbook, but damaged
      }
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
    select(sheet, cell) {
      const ws = workbook.worksheets.find((w) => sameSheetName(w.name, sheet));
      if (!ws) return Promise.resolve();
      const grid = readGrid(ws);
      const at = parseA1(cell);
      // A window of a few rows and three columns around the cell, with each row's label (column A).
      const firstRow = Math.max(0, at.row - 3);
      const firstCol = at.col === 0 ? 0 : Math.max(1, at.col - 1);
      const around = grid.values.slice(firstRow, at.row + 4);
      while (around.length < Math.min(7, at.row - firstRow + 1)) around.push([]);
      const rows = around.map((r) => Array.from({ length: 3 }, (_, j) => display(r[firstCol + j] ?? null)));
      // Labels as written (a year label reads 2025, not 2 025).
      const labels = firstCol === 0 ? null : around.map((r) => (typeof r[0] === 'number' ? String(r[0]) : display(r[0] ?? null)));
      previewListener({
        sheet: ws.name,
        cell,
        rows,
        labels,
        firstRow,
        firstCol,
        focus: { row: at.row - firstRow, col: at.col - firstCol },
      });
      return Promise.resolve();
    },
    onPreview(listener) {
      previewListener = listener;
    },
    watchInputs() {
      return Promise.resolve(() => Promise.resolve()); // nothing changes a file behind the user's back
    },
    createTemplate() {
      return Promise.resolve(addTemplateSheets(workbook, exampleSheets()));
    },
  };
}
