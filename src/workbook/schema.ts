/**
 * The sheet names of the contract and the ownership mark, for the hosts (which need only these).
 * The names themselves are in the messages module (`INPUT_WORDS`, `OUTPUT_WORDS`).
 */
import { INPUT_WORDS, OUTPUT_WORDS } from '../messages/sheets';

type Names<T extends Record<string, { name: string }>> = { [K in keyof T]: T[K]['name'] };
const names = <T extends Record<string, { name: string }>>(words: T) =>
  Object.fromEntries(Object.entries(words).map(([k, w]) => [k, w.name])) as Names<T>;

export const INPUT_SHEETS = names(INPUT_WORDS);
export const OUTPUT_SHEETS = names(OUTPUT_WORDS);
/** Every output sheet's name: the sheets this tool writes and owns (its marks, the ownership check). */
export const OUTPUT_SHEET_NAMES: string[] = Object.values(OUTPUT_SHEETS);
/** Output sheets written only when the inputs call for them (`Scenariojämförelse`: with scenarios;
 * `Uppföljning`: when `Uppföljning till och med` is set). */
export const CONDITIONAL_OUTPUT_SHEET_NAMES: readonly string[] = [OUTPUT_SHEETS.scenarios, OUTPUT_SHEETS.followUp];
/** The output sheets every refresh writes. */
export const ALWAYS_OUTPUT_SHEET_NAMES: readonly string[] = OUTPUT_SHEET_NAMES.filter(
  (n) => !CONDITIONAL_OUTPUT_SHEET_NAMES.includes(n),
);

/**
 * The ownership mark: a workbook-level defined name per output sheet, referring to its A1 cell.
 * Both Excel (Office.js) and ExcelJS keep defined names when saving.
 */
export const OWNER_PREFIX = 'FinsamBudget_';
export function ownerMarkName(sheet: string): string {
  const ascii = sheet
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '');
  return `${OWNER_PREFIX}${ascii}`;
}
