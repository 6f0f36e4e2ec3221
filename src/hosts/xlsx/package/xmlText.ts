/* eslint-disable no-control-regex */
/** Text in SpreadsheetML: XML escaping and Excel's `_xHHHH_` escapes. */

const ESCAPE_RE = /_x([0-9A-Fa-f]{4})_/g;

/** Decode Excel's `_xHHHH_` escapes as Excel shows them (`_x005F_` is a literal underscore). */
export function decodeExcelEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(ESCAPE_RE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters XML 1.0 forbids (and \r, which XML parsers turn into \n) and lone surrogates. */
const NEEDS_EXCEL_ESCAPE =
  /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// An underscore that could start an escape once the text is encoded (`_xF0FF` followed by a character
// that is itself escaped would read as `_xF0FF_`): always protected; decoding gives it back unchanged.
const LITERAL_ESCAPE = /_(?=x[0-9A-Fa-f]{4})/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Encode user text for a cell: a literal `_xHHHH_` gets its underscore escaped (`_x005F_`), and
 * characters XML cannot hold become `_xHHHH_`, so that Excel shows exactly the original text.
 */
export function encodeExcelEscapes(s: string): string {
  let out = s;
  if (out.indexOf('_x') >= 0) out = out.replace(LITERAL_ESCAPE, '_x005F_');
  NEEDS_EXCEL_ESCAPE.lastIndex = 0;
  if (NEEDS_EXCEL_ESCAPE.test(out)) {
    NEEDS_EXCEL_ESCAPE.lastIndex = 0;
    out = out.replace(NEEDS_EXCEL_ESCAPE, (ch) => `_x${hex4(ch.charCodeAt(0))}_`);
  }
  return out;
}

/** Escape element content (after Excel escaping, so no forbidden character is left). */
export function xmlText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escape an attribute value; characters XML forbids are dropped (attributes have no Excel escape). */
export function xmlAttr(s: string): string {
  return s
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/** Text for a cell's <t> element: Excel escapes, then XML escapes. */
export function cellText(s: string): string {
  return xmlText(encodeExcelEscapes(s));
}
