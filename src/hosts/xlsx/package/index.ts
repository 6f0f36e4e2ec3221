/** Reading and writing .xlsx/.xlsm packages without a workbook model (keeps every part that is not ours). */
export * from './errors';
export { isDateFormat } from './numFmts';
export type { PackageLimits } from './opc';
export { SUGGESTED_LIMITS } from './opc';
export { readWorkbook, XlsxPackage } from './read';
export type { DefinedName, PackageSheetGrid, SheetInfo, SheetKind, SheetState, TableInfo, WorkbookInfo } from './read';
export { checkSheetName, checkWrite, writePackage } from './write';
export type { DefinedNameEdit, PackageWriteRequest } from './write';
export { MAX_CELL_TEXT } from './sheetXml';
export { decodeExcelEscapes, encodeExcelEscapes } from './xmlText';
export { contractName, markTarget, ownedSheets, PackageHost } from './packageHost';
export type { PackageHostOptions } from './packageHost';
export type { PackageWriteOptions } from './write';
export type { DeflateRaw } from './zipWrite';
