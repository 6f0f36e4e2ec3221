/** Excel's built-in number formats by id (those that are not locale-dependent, plus dates for the rest). */
export const BUILTIN_NUM_FMTS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'yyyy-mm-dd h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
// Locale-dependent ids (East Asian dates and times): shown as dates.
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]) BUILTIN_NUM_FMTS[id] = 'yyyy-mm-dd';
for (const id of [32, 33, 55, 56]) BUILTIN_NUM_FMTS[id] = 'h:mm:ss';
// 5–8 and 41–44 are currency formats that depend on the locale.
BUILTIN_NUM_FMTS[5] = '#,##0 ;-#,##0';
BUILTIN_NUM_FMTS[6] = '#,##0 ;[Red]-#,##0';
BUILTIN_NUM_FMTS[7] = '#,##0.00 ;-#,##0.00';
BUILTIN_NUM_FMTS[8] = '#,##0.00 ;[Red]-#,##0.00';
BUILTIN_NUM_FMTS[41] = '#,##0 ;-#,##0';
BUILTIN_NUM_FMTS[42] = '#,##0 ;-#,##0';
BUILTIN_NUM_FMTS[43] = '#,##0.00 ;-#,##0.00';
BUILTIN_NUM_FMTS[44] = '#,##0.00 ;-#,##0.00';

/** Built-in id of a format code (for writing), if any; only the unambiguous ones. */
export function builtinIdOf(code: string): number | undefined {
  for (const id of [0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 49]) if (BUILTIN_NUM_FMTS[id] === code) return id;
  return undefined;
}

/** Whether a number format shows dates (or times): letters d, m, y, h, s outside quotes and brackets. */
export function isDateFormat(code: string | null | undefined): boolean {
  if (!code) return false;
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(stripped.trim())) return false;
  return /[dmyhs]/i.test(stripped.replace(/E[+-]/gi, ''));
}
