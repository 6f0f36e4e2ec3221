/** `Insatser`: the interventions the förbund funds, with optional amounts per plan year. */
import { compareDates, isoDate, type YMD } from '../../engine/calendar';
import { add, Kronor, sub, ZERO_KR } from '../../engine/kronor';
import type { Intervention } from '../../engine/types';
import { INPUT_WORDS } from '../../messages/sheets';
import { NEGATIVE_WHAT } from '../../messages/errors';
import { FUNDING, STATUS } from '../../messages/vocabulary';
import type { InputError, SheetGrid } from '../grid';
import { type Cells, type ColumnsOf, planYearColumns, readTable, records, SheetSpec } from '../table';
import { isEmpty, parseAmount, parseDate } from '../values';

const W = INPUT_WORDS.interventions.columns;
const KR = '#,##0';
const DATE = 'yyyy-mm-dd';

export const INTERVENTIONS_SPEC = {
  name: INPUT_WORDS.interventions.name,
  title: INPUT_WORDS.interventions.title,
  columns: [
    { key: 'nr', header: W.nr, width: 5 },
    { key: 'name', header: W.name, required: true, width: 34 },
    { key: 'owner', header: W.owner, width: 22 },
    { key: 'funding', header: W.funding, width: 13 },
    { key: 'status', header: W.status, width: 11 },
    { key: 'start', header: W.start, required: true, width: 12, format: DATE },
    { key: 'end', header: W.end, required: true, width: 12, format: DATE },
    { key: 'total', header: W.total, required: true, width: 15, format: KR, summed: true },
    { key: 'spentBefore', header: W.spentBefore, width: 20, format: KR, summed: true },
  ],
  yearColumns: { width: 12, format: KR },
  sumKey: 'name',
} as const satisfies SheetSpec<keyof typeof W>;

export interface ParsedInterventions {
  interventions: Intervention[];
  /** The cell of each intervention's name (for warnings about it). */
  cells: Map<Intervention, string>;
}

export function parseInterventions(
  sheet: SheetGrid,
  years: readonly number[] | null,
  errors: InputError[],
  warnings: InputError[],
): ParsedInterventions {
  const cells = new Map<Intervention, string>();
  const table = readTable(sheet, INTERVENTIONS_SPEC, errors);
  if (!table) return { interventions: [], cells };
  const yearColumns = planYearColumns(table, years, warnings);
  const result: Intervention[] = [];
  for (const c of records(table, errors)) {
    const intervention = readIntervention(c, yearColumns, errors);
    if (!intervention) continue;
    result.push(intervention);
    cells.set(intervention, c.address('name'));
  }
  return { interventions: result, cells };
}

/** The year amounts of every intervention without any (most of them): one shared, empty map. */
const NO_YEAR_AMOUNTS: ReadonlyMap<number, Kronor> = new Map();

type InterventionCells = Cells<ColumnsOf<typeof INTERVENTIONS_SPEC>>;

/**
 * One record: the intervention, or null after reporting what is wrong with it. A function of its own
 * (not the loop's body): V8 optimizes it as it is called, not the whole sheet's loop (ARCHITECTURE.md).
 */
function readIntervention(
  c: InterventionCells,
  yearColumns: readonly [number, number][],
  errors: InputError[],
): Intervention | null {
  const before = errors.length;
  const name = c.text('name', true);
  const funding = c.choice('funding', FUNDING, 'finsam');
  const status = c.choice('status', STATUS, 'planned');
  const start = readDate(c, 'start');
  const end = readDate(c, 'end');
  let total = c.amount('total');
  if (total !== undefined && total < 0) {
    c.error('total', 'negative', { what: W.total });
    total = undefined;
  }
  const spentBefore = c.nonNegative('spentBefore', ZERO_KR);
  // The period is known only when both dates are read and in order (else no year is checked against it).
  let period = start && end ? { start, end } : null;
  if (start && end && compareDates(end, start) < 0) {
    c.error('end', 'endBeforeStart', { end: isoDate(end), start: isoDate(start) });
    period = null;
  }
  if (total !== undefined && spentBefore !== undefined && spentBefore > total)
    c.error('spentBefore', 'spentAboveTotal', { spent: spentBefore, total });
  let yearAmounts: Map<number, Kronor> | null = null;
  // Indexed loops here and below: a for…of allocates an iterator result per step until V8 optimizes it.
  for (let k = 0; k < yearColumns.length; k++) {
    const year = yearColumns[k]![0];
    const column = yearColumns[k]![1];
    const v = c.rawAt(column);
    if (isEmpty(v)) continue;
    const a = c.take(column, parseAmount(v));
    if (a === undefined) continue;
    if (a < 0) {
      c.error(column, 'negative', { what: NEGATIVE_WHAT.yearAmount(year) });
      continue;
    }
    if (period && (year < period.start.year || year > period.end.year)) {
      c.error(column, 'yearOutsidePeriod', { year, start: isoDate(period.start), end: isoDate(period.end) });
      continue;
    }
    (yearAmounts ??= new Map()).set(year, a);
  }
  if (total !== undefined && spentBefore !== undefined && errors.length === before && yearAmounts) {
    let given = ZERO_KR;
    yearAmounts.forEach((a) => (given = add(given, a)));
    const remaining = sub(total, spentBefore);
    if (given > remaining) {
      const firstYearColumn = yearColumns.find(([y]) => yearAmounts.has(y))![1];
      c.error(firstYearColumn, 'yearAmountsTooLarge', { given, remaining });
    }
  }
  if (errors.length !== before || !start || !end || total === undefined || spentBefore === undefined || !funding || !status)
    return null;
  return {
    nr: c.text('nr'),
    name,
    owner: c.text('owner'),
    funding,
    status,
    start,
    end,
    total,
    spentBefore,
    yearAmounts: yearAmounts ?? NO_YEAR_AMOUNTS,
  };
}

/** A start or end date (required). */
function readDate(c: InterventionCells, key: 'start' | 'end'): YMD | undefined {
  const raw = c.raw(key);
  if (isEmpty(raw)) {
    c.error(key, 'required', { what: W[key] });
    return undefined;
  }
  return c.take(key, parseDate(raw, key));
}
