/**
 * Reading an .xlsx/.xlsm package without a workbook model: sheet list, defined names, and plain grids of
 * the sheets asked for. Tolerates what Excel, LibreOffice and openpyxl write (no styles or shared strings
 * part, prefixed or default namespaces, absolute relationship targets, cells without `r`, rows out of
 * order). Sheets that are not asked for are never unpacked.
 */
import type JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { CellValue, SheetGrid } from '../../../workbook/grid';
import { UnreadablePackageError } from './errors';
import { BUILTIN_NUM_FMTS } from './numFmts';
import {
  ContentTypes,
  contentTypeOf,
  openZip,
  PackageLimits,
  PartIndex,
  parseContentTypes,
  readPart,
  readRels,
  Rel,
  RelsPart,
} from './opc';
import { decodeExcelEscapes } from './xmlText';
import { attr, child, childrenOf, parseXml, XmlElement } from './xmlTree';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';
export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'unknown';

export interface SheetInfo {
  name: string;
  sheetId: number;
  rId: string;
  state: SheetState;
  kind: SheetKind;
  /** Part name (`xl/worksheets/sheet1.xml`), or '' when the relationship is missing. */
  part: string;
  /** 0-based position in the workbook's sheet order (localSheetId of sheet-scoped names). */
  index: number;
}

export interface DefinedName {
  name: string;
  /** Index of the sheet the name is scoped to, or null for a workbook-level name. */
  localSheetId: number | null;
  /** The formula text, e.g. `'Budget'!$A$1` (without `=`). */
  formula: string;
  hidden: boolean;
}

export interface TableInfo {
  name: string;
  displayName: string;
  /** A1 range of the whole table (header and totals rows included). */
  ref: string;
  headerRowCount: number;
  totalsRowCount: number;
}

export interface PackageSheetGrid extends SheetGrid {
  formats: (string | null)[][];
  /** Cells (0-based on the sheet, like rowOffset/colOffset) holding a formula without a cached value. */
  formulasWithoutValue: { row: number; col: number }[];
  /** Excel tables (ListObjects) on the sheet. */
  tables: TableInfo[];
  /** Totals rows of those tables (0-based rows on the sheet). */
  totalsRows: number[];
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  definedNames: DefinedName[];
  /** The workbook has structure/windows protection (`<workbookProtection>`). */
  workbookProtection: boolean;
  /** Dates count from 1904 (old Mac workbooks): serials are 1462 days lower. */
  date1904: boolean;
  /** The main part is macro-enabled (.xlsm). */
  macroEnabled: boolean;
  /** Content type of the main (workbook) part. */
  mainContentType: string;
}

/** Internal view of the package shared by the reader and the writer. */
export interface PackageModel {
  zip: JSZip;
  index: PartIndex;
  contentTypes: ContentTypes;
  rootRels: RelsPart;
  workbookPart: string;
  workbookText: string;
  workbookRoot: XmlElement;
  workbookRels: RelsPart;
  info: WorkbookInfo;
}

const SHEET_KINDS: Record<string, SheetKind> = {
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  dialogsheet: 'dialogsheet',
  xlMacrosheet: 'macrosheet',
  xlIntlMacrosheet: 'macrosheet',
};

export async function loadModel(bytes: Uint8Array | ArrayBuffer, limits: PackageLimits = {}): Promise<PackageModel> {
  const zip = await openZip(bytes, limits);
  const index = new PartIndex(zip);
  const ctText = await readPart(index, '[Content_Types].xml', limits);
  if (ctText === undefined) {
    const mime = await readPart(index, 'mimetype');
    if (mime !== undefined && mime.includes('opendocument.spreadsheet')) throw new UnreadablePackageError('ods', 'OpenDocument');
    throw new UnreadablePackageError('notWorkbook', 'no [Content_Types].xml');
  }
  const contentTypes = parseContentTypes(ctText);
  const rootRels = await readRels(index, '', limits);
  const main = rootRels?.rels.find((r) => r.kind === 'officeDocument' && !r.external);
  if (!rootRels || !main) throw new UnreadablePackageError('notWorkbook', 'no officeDocument relationship');
  const workbookPart = index.entry(main.part) ?? main.part;
  const mainContentType = contentTypeOf(contentTypes, workbookPart);
  if (!/spreadsheetml|ms-excel/i.test(mainContentType)) throw new UnreadablePackageError('notWorkbook', mainContentType);
  const workbookText = await readPart(index, workbookPart, limits);
  if (workbookText === undefined) throw new UnreadablePackageError('corrupt', `missing ${workbookPart}`);
  const workbookRoot = parseXml(workbookText, workbookPart);
  const workbookRels = (await readRels(index, workbookPart, limits)) ?? {
    path: '',
    text: '',
    root: workbookRoot,
    rels: [],
  };
  const relById = new Map<string, Rel>(workbookRels.rels.map((r) => [r.id, r]));

  const sheets: SheetInfo[] = childrenOf(child(workbookRoot, 'sheets'), 'sheet').map((el, i) => {
    const rId = attr(el, 'id', 'relationships') ?? '';
    const rel = relById.get(rId);
    const state = attr(el, 'state');
    return {
      name: attr(el, 'name') ?? '',
      sheetId: Number(attr(el, 'sheetId') ?? 0),
      rId,
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      kind: rel ? (SHEET_KINDS[rel.kind] ?? 'unknown') : 'unknown',
      part: rel && !rel.external ? (index.entry(rel.part) ?? rel.part) : '',
      index: i,
    };
  });
  const definedNames: DefinedName[] = childrenOf(child(workbookRoot, 'definedNames'), 'definedName').map((el) => {
    const local = attr(el, 'localSheetId');
    return {
      name: attr(el, 'name') ?? '',
      localSheetId: local === undefined ? null : Number(local),
      formula: el.text,
      hidden: /^(1|true)$/i.test(attr(el, 'hidden') ?? ''),
    };
  });
  const pr = child(workbookRoot, 'workbookPr');
  const info: WorkbookInfo = {
    sheets,
    definedNames,
    workbookProtection: child(workbookRoot, 'workbookProtection') !== undefined,
    date1904: /^(1|true)$/i.test((pr && attr(pr, 'date1904')) ?? ''),
    macroEnabled: /macroEnabled/i.test(mainContentType),
    mainContentType,
  };
  return { zip, index, contentTypes, rootRels, workbookPart, workbookText, workbookRoot, workbookRels, info };
}

/** Number format string per cellXfs index (null for General). */
export function parseStyleFormats(text: string | undefined, part = 'xl/styles.xml'): (string | null)[] {
  if (text === undefined) return [];
  const root = parseXml(text, part);
  const custom = new Map<number, string>();
  for (const f of childrenOf(child(root, 'numFmts'), 'numFmt'))
    custom.set(Number(attr(f, 'numFmtId')), attr(f, 'formatCode') ?? '');
  return childrenOf(child(root, 'cellXfs'), 'xf').map((xf) => {
    const id = Number(attr(xf, 'numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILTIN_NUM_FMTS[id] ?? null;
    return code === null || /^general$/i.test(code) ? null : code;
  });
}

/** Shared strings: rich text runs concatenated, phonetic runs left out, `_xHHHH_` decoded. */
export function parseSharedStrings(text: string | undefined, part = 'xl/sharedStrings.xml'): string[] {
  if (text === undefined) return [];
  const out: string[] = [];
  const parser = new SaxesParser({ position: false });
  let depthInPhonetic = 0;
  let inT = false;
  let current: string | null = null;
  let failure: Error | null = null;
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const l = local(tag.name);
    if (l === 'si') current = '';
    else if (l === 'rPh') depthInPhonetic++;
    else if (l === 't' && depthInPhonetic === 0) inT = true;
  });
  parser.on('closetag', (tag) => {
    const l = local(tag.name);
    if (l === 'si') {
      out.push(decodeExcelEscapes(current ?? ''));
      current = null;
    } else if (l === 'rPh') depthInPhonetic--;
    else if (l === 't') inT = false;
  });
  const onText = (t: string) => {
    if (inT && current !== null) current += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(stripBom(text)).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) throw new UnreadablePackageError('corrupt', `${part}: ${failure.message}`);
  return out;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** 'AB12' → 0-based column and row (row -1 when the reference has no digits). */
function parseRef(ref: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    row = row * 10 + d;
  }
  return { row: row - 1, col: col - 1 };
}

interface RawCell {
  row: number;
  col: number;
  value: CellValue;
  format: string | null;
}

export interface SheetReadContext {
  sharedStrings: string[];
  styleFormats: (string | null)[];
  maxCells?: number;
}

const EMPTY_ROW = Object.freeze([]) as unknown as never[];

/** Stream one worksheet's XML into a grid. */
export function parseWorksheet(text: string, name: string, part: string, ctx: SheetReadContext): PackageSheetGrid {
  const parser = new SaxesParser({ position: false });
  const cells: RawCell[] = [];
  const formulasWithoutValue: { row: number; col: number }[] = [];
  let failure: Error | null = null;
  let inSheetData = false;
  let rowIndex = -1;
  let colIndex = -1;
  // current cell
  let inCell = false;
  let cType = 'n';
  let cStyle = 0;
  let hasFormula = false;
  let vText: string | null = null;
  let isText: string | null = null;
  let textTarget: 0 | 1 | 2 = 0; // 1: <v>, 2: <t> inside <is> (not phonetic)
  let inIs = false;
  let phonetic = 0;
  let minRow = Infinity;
  let minCol = Infinity;
  let maxRow = -1;
  let maxCol = -1;
  const maxCells = ctx.maxCells ?? Infinity;
  const local = (n: string) => {
    const i = n.indexOf(':');
    return i < 0 ? n : n.slice(i + 1);
  };

  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    const l = local(tag.name);
    if (!inSheetData) {
      if (l === 'sheetData') inSheetData = !tag.isSelfClosing;
      return;
    }
    const a = tag.attributes as Record<string, string>;
    switch (l) {
      case 'row': {
        const r = a.r;
        rowIndex = r !== undefined ? Number(r) - 1 : rowIndex + 1;
        colIndex = -1;
        break;
      }
      case 'c': {
        const r = a.r;
        if (r !== undefined) {
          const p = parseRef(r);
          colIndex = p.col;
          if (p.row >= 0) rowIndex = p.row;
        } else colIndex++;
        inCell = true;
        cType = a.t ?? 'n';
        cStyle = a.s !== undefined ? Number(a.s) : 0;
        hasFormula = false;
        vText = null;
        isText = null;
        break;
      }
      case 'v':
        if (inCell) {
          textTarget = 1;
          vText = '';
        }
        break;
      case 'f':
        if (inCell) hasFormula = true;
        break;
      case 'is':
        if (inCell) {
          inIs = true;
          isText = '';
        }
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        if (inIs && phonetic === 0) textTarget = 2;
        break;
    }
  });
  parser.on('closetag', (tag) => {
    if (!inSheetData) return;
    const l = local(tag.name);
    switch (l) {
      case 'sheetData':
        inSheetData = false;
        break;
      case 'v':
      case 't':
        textTarget = 0;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'is':
        inIs = false;
        break;
      case 'c': {
        inCell = false;
        let value: CellValue = null;
        switch (cType) {
          case 's': {
            const i = vText === null ? NaN : Number(vText);
            value = Number.isInteger(i) ? (ctx.sharedStrings[i] ?? null) : null;
            break;
          }
          case 'inlineStr':
            value = isText !== null ? decodeExcelEscapes(isText) : vText !== null ? decodeExcelEscapes(vText) : null;
            break;
          case 'str':
            value = vText !== null ? decodeExcelEscapes(vText) : null;
            break;
          case 'b':
            value = vText === null || vText.trim() === '' ? null : vText.trim() === '1' || /^true$/i.test(vText.trim());
            break;
          case 'e':
            value = vText !== null && vText !== '' ? vText : null;
            break;
          case 'd': {
            const d = vText ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(vText) ? vText : `${vText}Z`) : null;
            value = d && !Number.isNaN(d.getTime()) ? d : vText;
            break;
          }
          default: {
            if (vText !== null && vText.trim() !== '') {
              const n = Number(vText);
              value = Number.isNaN(n) ? vText : n;
            }
          }
        }
        if (hasFormula && (vText === null || (vText === '' && cType !== 'str')) && isText === null) {
          formulasWithoutValue.push({ row: rowIndex, col: colIndex });
          value = null;
        }
        if (value !== null || hasFormula) {
          if (cells.length >= maxCells) {
            failure ??= new UnreadablePackageError('tooLarge', `${part}: over ${maxCells} cells`);
            return;
          }
          cells.push({ row: rowIndex, col: colIndex, value, format: ctx.styleFormats[cStyle] ?? null });
          if (rowIndex < minRow) minRow = rowIndex;
          if (rowIndex > maxRow) maxRow = rowIndex;
          if (colIndex < minCol) minCol = colIndex;
          if (colIndex > maxCol) maxCol = colIndex;
        }
        break;
      }
    }
  });
  parser.on('text', (t) => {
    if (textTarget === 1) vText += t;
    else if (textTarget === 2) isText += t;
  });
  parser.on('cdata', (t) => {
    if (textTarget === 1) vText += t;
    else if (textTarget === 2) isText += t;
  });
  try {
    parser.write(stripBom(text)).close();
  } catch (e) {
    failure ??= e as Error;
  }
  if (failure) {
    if (failure instanceof UnreadablePackageError) throw failure;
    throw new UnreadablePackageError('corrupt', `${part}: ${failure.message}`);
  }
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  if (cells.length === 0)
    return { name, values, formats, rowOffset: 0, colOffset: 0, formulasWithoutValue, tables: [], totalsRows: [] };
  // Rows without cells share one frozen empty array (a sheet with A1 and A1048576 stays small).
  for (let r = minRow; r <= maxRow; r++) {
    values.push(EMPTY_ROW);
    formats.push(EMPTY_ROW);
  }
  for (const c of cells) {
    const ri = c.row - minRow;
    if ((values[ri] as unknown) === EMPTY_ROW) {
      values[ri] = [];
      formats[ri] = [];
    }
    const vr = values[ri]!;
    const fr = formats[ri]!;
    const ci = c.col - minCol;
    while (vr.length < ci) {
      vr.push(null);
      fr.push(null);
    }
    vr[ci] = c.value;
    fr[ci] = c.format;
  }
  for (let r = 0; r < values.length; r++) {
    const vr = values[r]!;
    const fr = formats[r]!;
    for (let i = 0; i < vr.length; i++) {
      if (vr[i] === undefined) vr[i] = null;
      if (fr[i] === undefined) fr[i] = null;
    }
  }
  return { name, values, formats, rowOffset: minRow, colOffset: minCol, formulasWithoutValue, tables: [], totalsRows: [] };
}

function tableInfo(text: string, part: string): TableInfo {
  const root = parseXml(text, part);
  return {
    name: attr(root, 'name') ?? '',
    displayName: attr(root, 'displayName') ?? '',
    ref: attr(root, 'ref') ?? '',
    headerRowCount: Number(attr(root, 'headerRowCount') ?? 1),
    totalsRowCount: Number(attr(root, 'totalsRowCount') ?? 0),
  };
}

/** 0-based sheet rows of the tables' totals rows. */
export function totalsRowsOf(tables: TableInfo[]): number[] {
  const rows: number[] = [];
  for (const t of tables) {
    const m = /^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?(\d+)$/i.exec(t.ref);
    if (!m || t.totalsRowCount <= 0) continue;
    const last = Number(m[1]) - 1;
    for (let i = 0; i < t.totalsRowCount; i++) rows.push(last - i);
  }
  return rows.sort((a, b) => a - b);
}

/** An opened workbook package. */
export class XlsxPackage {
  private sharedStrings?: string[];
  private styleFormats?: (string | null)[];

  private constructor(
    readonly model: PackageModel,
    private readonly limits: PackageLimits,
  ) {}

  static async open(bytes: Uint8Array | ArrayBuffer, limits: PackageLimits = {}): Promise<XlsxPackage> {
    return new XlsxPackage(await loadModel(bytes, limits), limits);
  }

  get info(): WorkbookInfo {
    return this.model.info;
  }

  private async partByRelKind(kind: string): Promise<string | undefined> {
    const rel = this.model.workbookRels.rels.find((r) => r.kind === kind && !r.external);
    return rel ? readPart(this.model.index, rel.part, this.limits) : undefined;
  }

  private async context(): Promise<SheetReadContext> {
    this.sharedStrings ??= parseSharedStrings(await this.partByRelKind('sharedStrings'));
    this.styleFormats ??= parseStyleFormats(await this.partByRelKind('styles'));
    return { sharedStrings: this.sharedStrings, styleFormats: this.styleFormats, maxCells: this.limits.maxCells };
  }

  /** Grids of the named worksheets (names exactly as in `info.sheets`), in the order asked. */
  async readSheets(names: readonly string[]): Promise<PackageSheetGrid[]> {
    const out: PackageSheetGrid[] = [];
    for (const name of names) {
      const sheet = this.info.sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`no sheet named ${name}`);
      if (sheet.kind !== 'worksheet' || !sheet.part) {
        out.push({
          name,
          values: [],
          formats: [],
          rowOffset: 0,
          colOffset: 0,
          formulasWithoutValue: [],
          tables: [],
          totalsRows: [],
        });
        continue;
      }
      const ctx = await this.context();
      const text = await readPart(this.model.index, sheet.part, this.limits);
      if (text === undefined) throw new UnreadablePackageError('corrupt', `missing ${sheet.part}`);
      const grid = parseWorksheet(text, name, sheet.part, ctx);
      const rels = await readRels(this.model.index, sheet.part, this.limits);
      for (const rel of rels?.rels ?? []) {
        if (rel.kind !== 'table' || rel.external) continue;
        const t = await readPart(this.model.index, rel.part, this.limits);
        if (t !== undefined) grid.tables.push(tableInfo(t, rel.part));
      }
      grid.totalsRows = totalsRowsOf(grid.tables);
      out.push(grid);
    }
    return out;
  }
}

/** Convenience: open a package and read some of its sheets. */
export async function readWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  sheetNames: readonly string[],
  limits?: PackageLimits,
): Promise<{ info: WorkbookInfo; grids: PackageSheetGrid[] }> {
  const pkg = await XlsxPackage.open(bytes, limits);
  return { info: pkg.info, grids: await pkg.readSheets(sheetNames.filter((n) => pkg.info.sheets.some((s) => s.name === n))) };
}
