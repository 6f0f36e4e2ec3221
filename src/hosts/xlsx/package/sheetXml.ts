/** A worksheet part for one output sheet: values as given, strings always as text (never formulas). */
import type { OutputSheet } from '../../../workbook/grid';
import { columnLetter } from '../../../workbook/grid';
import { CellTextTooLongError, InvalidOutputError } from './errors';
import type { StyleBook } from './styleBook';
import { cellText, xmlAttr } from './xmlText';

export const MAX_CELL_TEXT = 32767;
/** Text that needs escaping of some kind (XML, Excel escapes, whitespace to preserve). */
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export interface SheetXmlOptions {
  /** Header/footer text (`&A` sheet name, `&D` date are Excel codes) when the sheet has no print setup. */
  headerFooter?: { header?: string; footer?: string };
  /** The sheet is the selected tab (the one the workbook opens on). */
  tabSelected?: boolean;
  /** The relationship id of the sheet's drawing (its charts), when it has one. */
  drawingRelId?: string;
}

/** Validate every cell before anything is produced (so that the caller can refuse cleanly). */
export function checkOutputSheet(sheet: OutputSheet): void {
  if (sheet.rows.length > MAX_ROWS) throw new InvalidOutputError('number', sheet.name, `${sheet.rows.length} rows`);
  sheet.rows.forEach((cells, r) => {
    if (cells.length > MAX_COLS) throw new InvalidOutputError('number', sheet.name, `${cells.length} columns`);
    cells.forEach((c, col) => {
      if (typeof c.v === 'string' && c.v.length > MAX_CELL_TEXT) {
        throw new CellTextTooLongError(sheet.name, `${columnLetter(col)}${r + 1}`, c.v.length);
      }
      for (const rgb of [c.fill, c.color]) {
        if (rgb !== undefined && !/^[0-9A-Fa-f]{6}$/.test(rgb))
          throw new InvalidOutputError('number', sheet.name, `${columnLetter(col)}${r + 1}: colour ${rgb}`);
      }
      if (c.link !== undefined && (c.link.length === 0 || c.link.length > 2000)) {
        throw new InvalidOutputError('number', sheet.name, `${columnLetter(col)}${r + 1}: link`);
      }
      if (typeof c.v === 'number' && !Number.isFinite(c.v)) {
        throw new InvalidOutputError('number', sheet.name, `${columnLetter(col)}${r + 1}: ${c.v}`);
      }
    });
  });
  printAreaOf(sheet);
}

function numberText(n: number): string {
  if (Object.is(n, -0)) return '0';
  return String(n).replace('e', 'E');
}

/**
 * Header/footer text of a page: `&L…&C…&R…`. Each part is in Excel's header syntax already (the renderer
 * made literal text literal with `headerLiteral`), so that `&D` and `&P av &N` print the date and the pages.
 */
function hfText(p: { left: string; center: string; right: string }): string {
  return `${p.left ? `&L${p.left}` : ''}${p.center ? `&C${p.center}` : ''}${p.right ? `&R${p.right}` : ''}`;
}

/** The default row height (points) of a Calibri 11 sheet: one line of text. */
const LINE_HEIGHT = 15;

/**
 * How many lines a wrapped text takes in a column `width` characters wide: words filled greedily, a
 * character counted as 0.85 of a digit width (bold 0.95: text is narrower than digits), a character's width of padding. An estimate
 * for the row height written beside it: neither Excel nor LibreOffice fits a row to wrapped text written
 * in a file, so without it an explanation would overlap the row below.
 */
export function wrappedLines(text: string, width: number, bold = false): number {
  const room = Math.max(1, (width - 1) / (bold ? 0.95 : 0.85));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = word.length;
      if (line > 0 && line + 1 + w > room) {
        lines++;
        line = 0;
      }
      if (w > room) {
        lines += Math.ceil(w / room) - 1;
        line = w % room;
      } else line += (line > 0 ? 1 : 0) + w;
    }
  }
  return lines;
}

function headerFooterOf(sheet: OutputSheet, options: SheetXmlOptions): { header?: string; footer?: string } {
  const hf = sheet.print
    ? { header: hfText(sheet.print.header), footer: hfText(sheet.print.footer) }
    : (options.headerFooter ?? {});
  for (const t of [hf.header, hf.footer]) {
    if (t && t.length > 255) throw new InvalidOutputError('headerFooter', sheet.name, `${t.length} characters`);
  }
  return hf;
}

/** Rows repeated on every printed page: the print setup's, else the frozen rows. */
export function repeatRowsOf(sheet: OutputSheet): number {
  return Math.max(0, Math.floor((sheet.print ? sheet.print.repeatRows : sheet.freezeRows) || 0));
}

export function worksheetXml(sheet: OutputSheet, styles: StyleBook, options: SheetXmlOptions = {}): string {
  const print = sheet.print ?? { orientation: 'portrait', fitToWidth: true };
  headerFooterOf(sheet, options);
  const parts: string[] = [];
  const letters: string[] = [];
  const letter = (c: number) => (letters[c] ??= columnLetter(c));
  let maxCol = 0;
  let lastRow = 0;
  const rowsXml: string[] = [];
  const styleAttrs = new Map<string, string>();
  const links: string[] = [];
  sheet.rows.forEach((cells, r) => {
    if (cells.length === 0) return;
    const rn = r + 1;
    let row = '';
    let lines = 1;
    for (let col = 0; col < cells.length; col++) {
      const c = cells[col];
      if (!c) continue;
      const v = c.v;
      if (c.wrap && typeof v === 'string' && v !== '')
        lines = Math.max(lines, wrappedLines(v, sheet.widths[col] ?? 8.43, c.bold === true));
      let sAttr = '';
      if (c.f || c.bold || c.wrap || c.fill || c.color || c.align) {
        const key =
          c.wrap || c.fill || c.color || c.align
            ? `${c.f ?? ''}\u0000${c.bold ? 1 : 0}${c.wrap ? 1 : 0}\u0000${c.fill ?? ''}\u0000${c.color ?? ''}\u0000${c.align ?? ''}`
            : c.bold
              ? `b${c.f ?? ''}`
              : (c.f ?? '');
        sAttr = styleAttrs.get(key) ?? '';
        if (!styleAttrs.has(key)) {
          const s = styles.style(c);
          sAttr = s ? ` s="${s}"` : '';
          styleAttrs.set(key, sAttr);
        }
      }
      const ref = letter(col) + rn;
      if (typeof v === 'number') {
        row += `<c r="${ref}"${sAttr}><v>${Number.isInteger(v) && !Object.is(v, -0) && Math.abs(v) < 1e21 ? v : numberText(v)}</v></c>`;
      } else if (typeof v === 'string' && v !== '') {
        const plain = !NEEDS_WORK.test(v);
        const space = !plain || v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32 ? ' xml:space="preserve"' : '';
        row += `<c r="${ref}"${sAttr} t="inlineStr"><is><t${space}>${plain ? v : cellText(v)}</t></is></c>`;
      } else if (sAttr) {
        row += `<c r="${ref}"${sAttr}/>`;
      } else continue;
      if (c.link) links.push(`<hyperlink ref="${ref}" location="${xmlAttr(c.link.replace(/^#/, ''))}"/>`);
      if (col + 1 > maxCol) maxCol = col + 1;
      lastRow = rn;
    }
    const ht = lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : '';
    if (row) rowsXml.push(`<row r="${rn}"${ht}>${row}</row>`);
  });
  const dimension = lastRow > 0 ? `A1:${letter(Math.max(maxCol, 1) - 1)}${lastRow}` : 'A1';
  parts.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    print.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="${dimension}"/>`,
  );
  const tabSelected = options.tabSelected ? ' tabSelected="1"' : '';
  const freeze = Math.max(0, Math.min(MAX_ROWS - 1, Math.floor(sheet.freezeRows || 0)));
  if (freeze > 0) {
    const top = `A${freeze + 1}`;
    parts.push(
      `<sheetViews><sheetView${tabSelected} workbookViewId="0">`,
      `<pane ySplit="${freeze}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/>`,
      `<selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`,
      '</sheetView></sheetViews>',
    );
  } else parts.push(`<sheetViews><sheetView${tabSelected} workbookViewId="0"/></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  const cols = sheet.widths
    .map((w, i) =>
      Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${Math.min(w, 255)}" customWidth="1"/>` : '',
    )
    .join('');
  if (cols) parts.push(`<cols>${cols}</cols>`);
  parts.push(rowsXml.length ? `<sheetData>${rowsXml.join('')}</sheetData>` : '<sheetData/>');
  if (links.length) parts.push(`<hyperlinks>${links.join('')}</hyperlinks>`);
  parts.push(
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    `<pageSetup paperSize="9" orientation="${print.orientation}"${print.fitToWidth ? ` fitToWidth="1" fitToHeight="${sheet.print?.onePage ? 1 : 0}"` : ''}/>`,
  );
  const hf = headerFooterOf(sheet, options);
  if (hf.header || hf.footer) {
    parts.push(
      '<headerFooter>',
      hf.header ? `<oddHeader>${cellText(hf.header)}</oddHeader>` : '',
      hf.footer ? `<oddFooter>${cellText(hf.footer)}</oddFooter>` : '',
      '</headerFooter>',
    );
  }
  // CT_PageBreak: a break before each 0-based row r is `brk id` = r (the row above it, 1-based), manual.
  const breaks = [...new Set(sheet.print?.rowBreaks ?? [])].filter((r) => Number.isInteger(r) && r > 0 && r < MAX_ROWS);
  if (breaks.length) {
    breaks.sort((a, b) => a - b);
    const brk = breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('');
    parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${brk}</rowBreaks>`);
  }
  // CT_Worksheet: … pageSetup, headerFooter, rowBreaks, colBreaks, customProperties, cellWatches, ignoredErrors,
  // smartTags, drawing, legacyDrawing, … tableParts, extLst.
  if (options.drawingRelId) parts.push(`<drawing r:id="${xmlAttr(options.drawingRelId)}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

export { xmlAttr };

/**
 * The sheet's printed range as the formula of its `_xlnm.Print_Area` name (`'Sammanfattning'!$A$1:$D$62`),
 * or null when it prints whole. A range that is not `A1` or `A1:D62` on the sheet is refused before writing.
 */
export function printAreaOf(sheet: OutputSheet): string | null {
  const area = sheet.print?.area;
  if (area === undefined) return null;
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(area.trim().toUpperCase());
  const ok = (col: string, row: string) => Number(row) >= 1 && Number(row) <= MAX_ROWS && colIndex(col) < MAX_COLS;
  if (!m || !ok(m[1]!, m[2]!) || (m[3] !== undefined && !ok(m[3], m[4]!)))
    throw new InvalidOutputError('printArea', sheet.name, area);
  const cell = (col: string, row: string) => `$${col}$${row}`;
  const range = m[3] === undefined ? cell(m[1]!, m[2]!) : `${cell(m[1]!, m[2]!)}:${cell(m[3], m[4]!)}`;
  return `'${sheet.name.replace(/'/g, "''")}'!${range}`;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
