/** Plain grids: what a host reads from a sheet and what the renderer writes. */
import { errorMessage, ErrorCode, ErrorParams } from '../messages/errors';
export type CellValue = string | number | boolean | Date | null;

export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Number formats, same shape as values, where the host knows them (percent detection). */
  formats?: (string | null)[][];
  /** 0-based row and column of values[0][0] on the sheet (a used range may start below A1). */
  rowOffset: number;
  colOffset: number;
  /**
   * Cells holding a formula without a cached value (0-based rows and columns on the sheet, like
   * rowOffset/colOffset, not indices into `values`). Reading one where a value is needed is an input
   * error naming the cell, never 0 or a default.
   */
  formulasWithoutValue?: { row: number; col: number }[];
  /**
   * Totals rows of Excel tables (ListObjects) on the sheet: 0-based rows on the sheet (like
   * rowOffset). The parser treats each as a sum row, whatever its key cell says.
   */
  totalsRows?: number[];
}

/** Everything a refresh reads from a workbook. */
export interface WorkbookSnapshot {
  /** The input sheets that exist, under their names as the workbook spells them. */
  inputs: SheetGrid[];
  /** Every sheet name in the workbook. */
  sheetNames: string[];
  /** Names of the sheets that carry this tool's ownership mark. */
  ownedSheets: string[];
}

/**
 * An input error or warning: where (sheet, A1 cell), what (a stable code with its parameters, so that
 * the message can be given in either language) and the Swedish message.
 */
export type InputError = { sheet: string; cell: string; message: string } & Failure;

/** An error's code with its parameters, typed together. */
export type Failure = { [C in ErrorCode]: { code: C; params: ErrorParams<C> } }[ErrorCode];

export function inputError<C extends ErrorCode>(sheet: string, cell: string, code: C, params: ErrorParams<C>): InputError {
  return { sheet, cell, code, params, message: errorMessage(code, params) } as InputError;
}

export interface OutCell {
  v: string | number | null;
  /** Excel number format; "@" marks text written from user input. */
  f?: string;
  bold?: boolean;
  /** Wrap the text within the column's width (explanations). */
  wrap?: boolean;
  /** Background fill, 6-digit hex RGB without '#' (the status colours of `Kontroller`). */
  fill?: string;
  /** Font colour, 6-digit hex RGB without '#'. */
  color?: string;
  /** A link to a cell of this workbook, e.g. `Likviditet!D6` or `'Insatser per år'!B5`. */
  link?: string;
  /** Horizontal alignment where the default (text left, numbers right) is not wanted. */
  align?: 'left' | 'center' | 'right';
}

/** How an output sheet prints (every output sheet: A4, fitted to the page width). */
export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Fit all columns on one page wide (any number of pages tall). */
  fitToWidth: boolean;
  /** Also fit on one page tall (Sammanfattning: the statement and its two charts on one page). */
  onePage?: boolean;
  /** 0-based rows that start a new printed page (Fördelning: each year on its own page). */
  rowBreaks?: number[];
  /** The first rows repeated at the top of every printed page (0: none). */
  repeatRows: number;
  /** The printed range (A1, e.g. `A1:D40`); absent: the whole sheet. Sammanfattning prints its statement, not the charts' data. */
  area?: string;
  /**
   * Page header and footer, left / centre / right, in Excel's header syntax: `&D` the date, `&P` the page,
   * `&N` the pages; literal text (a förbund's name) goes through `headerLiteral`, which doubles its `&`.
   * Hosts write it as it is.
   */
  header: { left: string; center: string; right: string };
  footer: { left: string; center: string; right: string };
}

/** Text shown as it is in a page header or footer: an `&` is doubled, so that `A&B` never becomes a code. */
export const headerLiteral = (text: string): string => text.replace(/&/g, '&&');

/** A native chart on an output sheet, drawn from ranges of that sheet. */
export interface ChartSpec {
  kind: 'line' | 'column';
  title: string;
  /** Where the chart stands: top-left cell and size in rows and columns (0-based). */
  anchor: { row: number; col: number; rows: number; cols: number };
  /** A1 range of the category labels on the same sheet, e.g. `A30:A65`. */
  categories: string;
  /** Each series: its name and the A1 range of its values on the same sheet. */
  series: { name: string; values: string }[];
  /** A text alternative with the figures (accessibility). */
  altText: string;
}

export interface OutputSheet {
  name: string;
  rows: OutCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Rows frozen at the top (title and header). */
  freezeRows: number;
  /** Print setup; absent: the host's defaults. */
  print?: PrintSetup;
  /** Native charts on the sheet. */
  charts?: ChartSpec[];
  /** The sheet the workbook opens on after a refresh. */
  active?: boolean;
}

/** The one font of every output sheet (named, so that every program shows the same face). */
export const OUTPUT_FONT = { name: 'Calibri', size: 11 } as const;

/** The one interface both hosts implement. */
export interface WorkbookHost {
  read(): Promise<WorkbookSnapshot>;
  /** Writes whole output sheets, creating and marking them as owned. Never touches other sheets. */
  write(sheets: OutputSheet[]): Promise<void>;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Parse "B3" into 0-based row/column. */
export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function sheetRef(sheet: string, cell: string): string {
  const quoted = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${cell}`;
}

/** A sheet name as names are compared: NFC, surrounding spaces ignored, case-insensitive. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('sv');
}

export function sameSheetName(a: string, b: string): boolean {
  return sheetNameKey(a) === sheetNameKey(b);
}
