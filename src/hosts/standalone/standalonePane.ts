/**
 * The standalone preview (outside Office): the same pane over an .xlsx file held in the browser, read
 * and written by the same package reader/writer as the command line — so a downloaded workbook keeps
 * everything the refresh does not own, as the command's does. ExcelJS only makes the empty workbook the
 * example starts from. Loaded lazily, so that none of this is part of the pane that runs inside Excel.
 */
import ExcelJS from 'exceljs';
import { templateSheets } from '../../workbook/example';
import { CellValue, OutputSheet, parseA1, sameSheetName, WorkbookHost, WorkbookSnapshot } from '../../workbook/grid';
import { renderTemplate } from '../../workbook/template';
import { PackageHost, writePackage } from '../xlsx/package';
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

/** An empty workbook package (one sheet, which the template replaces), the base of the example. */
async function emptyPackage(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Blad1');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The template's input sheets added to a package, as the user's own sheets (no ownership marks). */
async function withTemplate(bytes: Uint8Array, dropFirst: boolean): Promise<Uint8Array> {
  const added = await writePackage(bytes, { sheets: renderTemplate(templateSheets()), owned: [], definedNames: [] });
  if (!dropFirst) return added;
  // The empty workbook's placeholder sheet goes: rewrite the package without it.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(added).buffer);
  const placeholder = wb.getWorksheet('Blad1');
  if (placeholder) wb.removeWorksheet(placeholder.id);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export function createStandalonePane(): StandalonePane {
  let bytes: Uint8Array = new Uint8Array();
  let host: PackageHost | null = null;
  let name: string | null = null;
  let previewListener: (p: Preview) => void = () => undefined;
  const open = async (data: Uint8Array) => {
    bytes = data;
    host = await PackageHost.open(data);
  };
  const current = (): PackageHost => {
    if (!host) throw new Error('no workbook loaded');
    return host;
  };
  /** The workbook as the refresh sees it: after a write, the new package is the workbook. */
  const workbookHost: WorkbookHost = {
    read: (): Promise<WorkbookSnapshot> => current().read(),
    async write(sheets: OutputSheet[]) {
      const h = current();
      await h.write(sheets);
      await open(h.result!);
    },
  };
  return {
    kind: 'standalone',
    workbook: () => workbookHost,
    fileName: () => name,
    async loadExample() {
      await open(await withTemplate(await emptyPackage(), true));
      name = null;
    },
    async loadFile(fileName, data, lang = 'sv') {
      const kind = fileKind(new Uint8Array(data));
      if (kind.kind !== 'xlsx') throw new NotWorkbook(notWorkbookText(fileName, kind, lang));
      try {
        await open(new Uint8Array(data));
      } catch {
        throw new NotWorkbook(notWorkbookText(fileName, kind, lang)); // looks like a workbook, but damaged
      }
      name = fileName;
    },
    download() {
      const base = (name ?? 'rar-sormland-2024.xlsx').replace(/\.xls[xm]$/i, '');
      return Promise.resolve({
        name: `${base}-beraknad.xlsx`,
        blob: new Blob([new Uint8Array(bytes)], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      });
    },
    async select(sheet, cell) {
      const h = current();
      const found = h.pkg.info.sheets.find((w) => sameSheetName(w.name, sheet));
      if (!found) return;
      const [grid] = await h.pkg.readSheets([found.name]);
      if (!grid) return;
      const at = parseA1(cell);
      const valueAt = (row: number, col: number): CellValue => grid.values[row - grid.rowOffset]?.[col - grid.colOffset] ?? null;
      // A window of a few rows and three columns around the cell, with each row's label (column A).
      const firstRow = Math.max(0, at.row - 3);
      const firstCol = at.col === 0 ? 0 : Math.max(1, at.col - 1);
      const rowNumbers = Array.from({ length: at.row + 4 - firstRow }, (_, i) => firstRow + i);
      const rows = rowNumbers.map((r) => Array.from({ length: 3 }, (_, j) => display(valueAt(r, firstCol + j))));
      // Labels as written (a year label reads 2025, not 2 025).
      const labels =
        firstCol === 0
          ? null
          : rowNumbers.map((r) => {
              const v = valueAt(r, 0);
              return typeof v === 'number' ? String(v) : display(v);
            });
      previewListener({
        sheet: found.name,
        cell,
        rows,
        labels,
        firstRow,
        firstCol,
        focus: { row: at.row - firstRow, col: at.col - firstCol },
      });
    },
    onPreview(listener) {
      previewListener = listener;
    },
    watchInputs() {
      return Promise.resolve(() => Promise.resolve()); // nothing changes a file behind the user's back
    },
    async createTemplate() {
      const h = current();
      const clashes = templateSheets()
        .filter((t) => h.pkg.info.sheets.some((w) => sameSheetName(w.name, t.name)))
        .map((t) => t.name);
      if (clashes.length > 0) return clashes;
      await open(await withTemplate(bytes, false));
      return [];
    },
  };
}
