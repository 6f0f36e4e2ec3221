/** `Inställningar`: the förbund, the plan years, the parties' shares, rounding, the budget decision. */
import { monthIndex, MonthIndex, YMD } from '../../engine/calendar';
import { DEFAULT_SHARES, DEFAULT_YEAR_COUNT, MAX_YEAR_COUNT } from '../../engine/defaults';
import type { Ratio } from '../../engine/money';
import type { RoundingMode } from '../../engine/rounding';
import type { Party, Settings } from '../../engine/types';
import { formatPercent } from '../../messages/format';
import { DUPLICATE_OF, EXPECTED, INPUT_WORDS } from '../../messages/sheets';
import { ROUNDING, UNIT } from '../../messages/vocabulary';
import type { InputError, SheetGrid } from '../grid';
import { inputError } from '../grid';
import { Cells, ColumnsOf, headerCell, readLabelled, readTable, SheetSpec } from '../table';
import { cellText, isEmpty, monthOfValue, parseDate, parseInteger, parsePercent } from '../values';

const W = INPUT_WORDS.settings;
export type SettingsParameter = keyof typeof W.rows;

export const SETTINGS_SPEC = {
  name: W.name,
  columns: [
    { key: 'parameter', header: W.columns.parameter, required: true, width: 22 },
    { key: 'value', header: W.columns.value, required: true, width: 36 },
    { key: 'comment', header: W.columns.comment, width: 44 },
  ],
} as const satisfies SheetSpec<keyof typeof W.columns>;

/**
 * What the other sheets need from `Inställningar`, as far as it could be read: the plan years and the
 * parties' shares (null when unknown: the checks that need them are skipped, the rest still runs).
 */
export interface PlanContext {
  years: readonly number[] | null;
  shares: Record<Party, Ratio> | null;
  /**
   * `Uppföljning till och med`: its year and month (null when empty or unreadable). When its year is the
   * one before the first plan year (a prognosis year), `years` begins with that year.
   */
  followUp?: { year: number; through: MonthIndex; cell: string } | null;
}

export interface ParsedSettings {
  settings: Settings | null;
  context: PlanContext;
  /** Where each parameter's value stands (A1), for checks about the plan as a whole. */
  cells: Map<SettingsParameter, string>;
}

export function parseSettings(sheet: SheetGrid, errors: InputError[]): ParsedSettings {
  const cells = new Map<SettingsParameter, string>();
  const table = readTable(sheet, SETTINGS_SPEC, errors);
  if (!table) return { settings: null, context: { years: null, shares: null }, cells };
  const known = Object.values(W.rows);
  const rows = readLabelled(
    table,
    'parameter',
    W.rows,
    errors,
    (text, c) => c.error('parameter', 'unknownParameter', { text, known }),
    DUPLICATE_OF.parameter,
  );
  for (const [id, c] of rows) cells.set(id, c.address('value'));
  const errorCount = errors.length;
  const fallbackCell = headerCell(table, 'value');
  const value = (p: SettingsParameter) => rows.get(p)?.raw('value') ?? null;
  const onCell = (p: SettingsParameter): Cells<ColumnsOf<typeof SETTINGS_SPEC>> | undefined => rows.get(p);

  let firstYear = 0;
  const firstYearCell = onCell('firstYear');
  if (isEmpty(value('firstYear'))) {
    if (!firstYearCell) errors.push(inputError(sheet.name, fallbackCell, 'required', { what: W.rows.firstYear }));
    else firstYearCell.error('value', 'required', { what: W.rows.firstYear });
  } else {
    const y = parseInteger(value('firstYear'), EXPECTED.year);
    if (!y.ok) firstYearCell!.take('value', y);
    else if (y.value < 1900 || y.value > 2200)
      firstYearCell!.error('value', 'outOfRange', { what: W.rows.firstYear, min: 1900, max: 2200 });
    else firstYear = y.value;
  }
  let yearsKnown = firstYear !== 0;
  let yearCount = DEFAULT_YEAR_COUNT;
  if (!isEmpty(value('yearCount'))) {
    const n = parseInteger(value('yearCount'), EXPECTED.yearCount);
    if (!n.ok) onCell('yearCount')!.take('value', n);
    else if (n.value < 1 || n.value > MAX_YEAR_COUNT)
      onCell('yearCount')!.error('value', 'outOfRange', { what: W.rows.yearCount, min: 1, max: MAX_YEAR_COUNT });
    else yearCount = n.value;
    if (!n.ok || n.value !== yearCount) yearsKnown = false;
  }
  if (onCell('yearCount')?.failed('value')) yearsKnown = false;
  let sharesKnown = true;
  const share = (p: SettingsParameter, fallback: Ratio): Ratio => {
    const c = onCell(p);
    if (!c) return fallback;
    const raw = c.raw('value');
    if (c.failed('value')) sharesKnown = false;
    if (isEmpty(raw)) return fallback;
    const r = c.take('value', parsePercent(raw, c.format('value')));
    if (r === undefined) {
      sharesKnown = false;
      return fallback;
    }
    if (r.isNegative()) {
      c.error('value', 'negative', { what: W.rows[p] });
      sharesKnown = false;
    }
    return r;
  };
  const shares: Record<Party, Ratio> = {
    state: share('stateShare', DEFAULT_SHARES.state),
    region: share('regionShare', DEFAULT_SHARES.region),
    municipalities: share('municipalShare', DEFAULT_SHARES.municipalities),
  };
  if (sharesKnown) {
    const total = shares.state.plus(shares.region).plus(shares.municipalities);
    const pct = (m: Ratio) => formatPercent(m, 4);
    const shareParam: SettingsParameter = rows.has('stateShare') ? 'stateShare' : 'regionShare';
    const at = rows.get(shareParam)?.address('value') ?? fallbackCell;
    if (!total.equals(1)) errors.push(inputError(sheet.name, at, 'sharesSum', { total: pct(total) }));
    else if (!shares.state.equals(shares.region.plus(shares.municipalities)))
      errors.push(
        inputError(sheet.name, at, 'stateEqualsOthers', {
          state: pct(shares.state),
          others: pct(shares.region.plus(shares.municipalities)),
        }),
      );
  }
  let rounding: RoundingMode = 'krona';
  const roundingCell = onCell('rounding');
  if (roundingCell && !isEmpty(roundingCell.raw('value'))) {
    const r = roundingCell.choice('value', ROUNDING);
    if (r) rounding = r;
  }
  let unit: Settings['unit'] = 'kr';
  const unitCell = onCell('unit');
  if (unitCell && !isEmpty(unitCell.raw('value'))) unit = unitCell.choice('value', UNIT) ?? unit;
  let budgetDecisionDate: YMD | null = null;
  const dateCell = onCell('budgetDecision');
  if (dateCell && !isEmpty(dateCell.raw('value')))
    budgetDecisionDate = dateCell.take('value', parseDate(dateCell.raw('value'))) ?? null;
  const name = cellText(value('name'));
  let followUp: PlanContext['followUp'] = null;
  const followUpCell = onCell('followUpThrough');
  if (followUpCell && !isEmpty(followUpCell.raw('value'))) {
    const raw = followUpCell.raw('value');
    const m = monthOfValue(raw);
    if (!m) followUpCell.error('value', 'notADate', { text: cellText(raw) });
    else if (yearsKnown && (m.year < firstYear - 1 || m.year > firstYear + yearCount - 1))
      followUpCell.error('value', 'followUpOutsidePlan', {
        text: cellText(raw),
        first: firstYear,
        last: firstYear + yearCount - 1,
      });
    else followUp = { year: m.year, through: monthIndex(m.year, m.month), cell: followUpCell.address('value') };
  }
  const planYears = Array.from({ length: yearCount }, (_, i) => firstYear + i);
  const context: PlanContext = {
    // A prognosis year comes first: the sheets give its budget as for a plan year.
    years: yearsKnown ? (followUp && followUp.year < firstYear ? [followUp.year, ...planYears] : planYears) : null,
    shares: sharesKnown ? shares : null,
    followUp,
  };
  if (errors.length > errorCount || !yearsKnown) return { settings: null, context, cells };
  return { settings: { name, firstYear, yearCount, shares, rounding, budgetDecisionDate, unit }, context, cells };
}
