/**
 * Typed errors of the xlsx package layer. Callers turn them into Swedish messages (src/messages/);
 * none of them carries text meant for users.
 */

/** Why a file cannot be read as a workbook. */
export type UnreadableKind =
  | 'notZip' // neither a zip nor anything recognised
  | 'xls' // an Excel 97–2003 workbook (OLE compound file)
  | 'encrypted' // an OOXML workbook protected by a password (OLE compound file with EncryptedPackage)
  | 'text' // plain text, e.g. CSV
  | 'ods' // an OpenDocument spreadsheet
  | 'notWorkbook' // a zip that is not a spreadsheet package (e.g. .docx)
  | 'corrupt' // a damaged zip or ill-formed XML in a part that must be read
  | 'tooLarge'; // over the caller's limits (unpacked size or cells)

export class XlsxError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnreadablePackageError extends XlsxError {
  constructor(
    readonly kind: UnreadableKind,
    /** Technical detail (part name, parser message), for logs and tests only. */
    readonly detail: string,
  ) {
    super(`unreadable:${kind}`, `${kind}: ${detail}`);
  }
}

/** Something in the workbook that a refresh cannot keep when it replaces an output sheet. */
export interface CannotKeepItem {
  /**
   * What it is: the relationship kind found on the output sheet (drawing — charts, images, shapes —, table,
   * pivotTable, comments, vmlDrawing, oleObject, ctrlProp, …), pivotSource (a pivot cache reads the sheet),
   * notWorksheet (a chart sheet or dialog sheet of that name), strictOoxml (a Strict Open XML workbook).
   */
  kind: string;
  /** The output sheet concerned. */
  sheet: string;
  /** The package part that holds it. */
  part: string;
}

export class CannotKeepError extends XlsxError {
  constructor(readonly items: CannotKeepItem[]) {
    super('cannotKeep', `cannot keep: ${items.map((i) => `${i.kind} ${i.part} (${i.sheet})`).join(', ')}`);
  }
}

/** An output sheet's name is that of an existing sheet the caller does not own. */
export class NotOwnedError extends XlsxError {
  constructor(
    readonly sheet: string,
    readonly existing: string,
  ) {
    super('notOwned', `sheet ${existing} exists and is not owned`);
  }
}

/** A cell text longer than Excel's 32 767 characters. */
export class CellTextTooLongError extends XlsxError {
  constructor(
    readonly sheet: string,
    readonly cell: string,
    readonly length: number,
  ) {
    super('cellTextTooLong', `${sheet}!${cell}: ${length} characters`);
  }
}

/** An output the package cannot represent: a bad sheet name, a non-finite number, a bad defined name, a chart off its sheet. */
export class InvalidOutputError extends XlsxError {
  constructor(
    readonly reason:
      'sheetName' | 'duplicateSheet' | 'number' | 'definedName' | 'notWorksheet' | 'headerFooter' | 'chart' | 'printArea',
    readonly sheet: string,
    readonly detail: string,
  ) {
    super(`invalidOutput:${reason}`, `${reason} ${sheet}: ${detail}`);
  }
}
