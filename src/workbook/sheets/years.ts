/** `År`: one row per plan year — contributions, months operated, other income, year-end values. */
import { ZERO_KR } from '../../engine/kronor';
import type { YearInput } from '../../engine/types';
import { DUPLICATE_OF, EXPECTED, INPUT_WORDS } from '../../messages/sheets';
import { inputError, InputError, SheetGrid } from '../grid';
import { headerCell, readTable, records, SheetSpec } from '../table';
import { isEmpty, parseInteger, parseYear } from '../values';

const W = INPUT_WORDS.years.columns;
const KR = '#,##0';

export const YEARS_SPEC = {
  name: INPUT_WORDS.years.name,
  columns: [
    { key: 'year', header: W.year, required: true, width: 8 },
    { key: 'contributions', header: W.contributions, required: true, width: 18, format: KR },
    { key: 'months', header: W.months, width: 20 },
    { key: 'esfIncome', header: W.esfIncome, width: 16, format: KR },
    { key: 'otherIncome', header: W.otherIncome, width: 16, format: KR },
    { key: 'financialIncome', header: W.financialIncome, width: 20, format: KR },
    { key: 'investments', header: W.investments, width: 14, format: KR },
    { key: 'receivables', header: W.receivables, width: 14, format: KR },
    { key: 'shortTermLiabilities', header: W.shortTermLiabilities, width: 20, format: KR },
    { key: 'longTermLiabilities', header: W.longTermLiabilities, width: 20, format: KR },
  ],
} as const satisfies SheetSpec<keyof typeof W>;

/** `years`: the plan years, or null when `Inställningar` could not say (only the years are checked). */
export function parseYears(sheet: SheetGrid, years: readonly number[] | null, errors: InputError[]): YearInput[] {
  const table = readTable(sheet, YEARS_SPEC, errors);
  if (!table) return [];
  const planYears = years ?? [];
  const byYear = new Map<number, { input: YearInput; cell: string }>();
  let unreadYear = false;
  for (const c of records(table, errors)) {
    const rawYear = c.raw('year');
    if (isEmpty(rawYear)) {
      c.error('year', 'required', { what: W.year });
      unreadYear = true;
      continue;
    }
    const y = c.take('year', parseYear(rawYear, EXPECTED.year));
    if (y === undefined) unreadYear = true;
    if (y === undefined || !planYears.includes(y)) continue; // rows outside the plan are history
    const first = byYear.get(y);
    if (first) {
      c.error('year', 'duplicate', { what: DUPLICATE_OF.year, text: String(y), firstCell: first.cell });
      continue;
    }
    const contributions = c.amount('contributions');
    let months = 12;
    const rawMonths = c.raw('months');
    if (!isEmpty(rawMonths)) {
      const m = c.take('months', parseInteger(rawMonths, EXPECTED.months));
      if (m !== undefined && (m < 1 || m > 12)) c.error('months', 'outOfRange', { what: W.months, min: 1, max: 12 });
      else if (m !== undefined) months = m;
    }
    if (contributions !== undefined && contributions < 0) c.error('contributions', 'negative', { what: W.contributions });
    const input: YearInput = {
      year: y,
      contributions: contributions ?? ZERO_KR,
      months,
      esfIncome: c.nonNegative('esfIncome', ZERO_KR) ?? ZERO_KR,
      otherIncome: c.amount('otherIncome', ZERO_KR) ?? ZERO_KR,
      financialIncome: c.amount('financialIncome', ZERO_KR) ?? ZERO_KR,
      investments: c.nonNegative('investments', ZERO_KR) ?? ZERO_KR,
      receivables: c.nonNegative('receivables', null) ?? null,
      shortTermLiabilities: c.nonNegative('shortTermLiabilities', null) ?? null,
      longTermLiabilities: c.nonNegative('longTermLiabilities', null) ?? null,
    };
    byYear.set(y, { input, cell: c.address('year') });
  }
  const missing = planYears.filter((y) => !byYear.has(y));
  // A year cell that could not be read may be the missing year: its own error says enough.
  if (missing.length > 0 && !unreadYear) {
    errors.push(
      inputError(sheet.name, headerCell(table, 'year'), 'yearsMismatch', {
        expected: planYears,
        found: [...byYear.keys()].sort(),
      }),
    );
  }
  return planYears.filter((y) => byYear.has(y)).map((y) => byYear.get(y)!.input);
}
