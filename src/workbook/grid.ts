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
}

export interface OutputSheet {
  name: string;
  rows: OutCell[][];
  /** Column widths in characters. */
  widths: number[];
  /** Rows frozen at the top (title and header). */
  freezeRows: number;
}

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

export function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('sv') === b.trim().toLocaleLowerCase('sv');
}
