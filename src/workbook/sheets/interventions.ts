/** `Insatser`: the interventions the förbund funds, with optional amounts per plan year. */
import { compareDates, isoDate } from '../../engine/calendar';
import { Kronor, sub, sumKr, ZERO_KR } from '../../engine/kronor';
import type { Intervention, Settings } from '../../engine/types';
import { INPUT_WORDS } from '../../messages/sheets';
import { FUNDING, STATUS } from '../../messages/vocabulary';
import type { InputError, SheetGrid } from '../grid';
import { readTable, records, SheetSpec } from '../table';
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
    { key: 'total', header: W.total, required: true, width: 15, format: KR },
    { key: 'spentBefore', header: W.spentBefore, width: 20, format: KR },
  ],
  yearColumns: { width: 12, format: KR },
} as const satisfies SheetSpec<keyof typeof W>;

export function parseInterventions(sheet: SheetGrid, settings: Settings, errors: InputError[]): Intervention[] {
  const table = readTable(sheet, INTERVENTIONS_SPEC, errors);
  if (!table) return [];
  const lastYear = settings.firstYear + settings.yearCount - 1;
  const result: Intervention[] = [];
  for (const c of records(table, errors)) {
    const before = errors.length;
    const name = c.text('name', true);
    const funding = c.choice('funding', FUNDING, 'finsam');
    const status = c.choice('status', STATUS, 'planned');
    const date = (key: 'start' | 'end') =>
      isEmpty(c.raw(key)) ? (c.error(key, 'required', { what: W[key] }), undefined) : c.take(key, parseDate(c.raw(key), key));
    const start = date('start');
    const end = date('end');
    const total = c.amount('total');
    if (total !== undefined && total < 0) c.error('total', 'negative', { what: W.total });
    const spentBefore = c.nonNegative('spentBefore', ZERO_KR);
    if (start && end && compareDates(end, start) < 0)
      c.error('end', 'endBeforeStart', { end: isoDate(end), start: isoDate(start) });
    if (total !== undefined && spentBefore !== undefined && spentBefore > total)
      c.error('spentBefore', 'spentAboveTotal', { spent: spentBefore, total });
    const yearAmounts = new Map<number, Kronor>();
    for (const [year, column] of table.yearColumns) {
      if (year < settings.firstYear || year > lastYear) continue;
      const v = c.record.values[column] ?? null;
      if (isEmpty(v)) continue;
      const a = c.take(column, parseAmount(v));
      if (a === undefined) continue;
      if (a < 0) {
        c.error(column, 'negative', { what: `Beloppet för ${year}` });
        continue;
      }
      if (start && end && (year < start.year || year > end.year)) {
        c.error(column, 'yearOutsidePeriod', { year, start: isoDate(start), end: isoDate(end) });
        continue;
      }
      yearAmounts.set(year, a);
    }
    if (total !== undefined && spentBefore !== undefined && errors.length === before) {
      const given = sumKr([...yearAmounts.values()]);
      const remaining = sub(total, spentBefore);
      if (given > remaining) {
        const firstYearColumn = [...table.yearColumns.entries()].find(([y]) => yearAmounts.has(y))![1];
        c.error(firstYearColumn, 'yearAmountsTooLarge', { given, remaining });
      }
    }
    if (errors.length === before && start && end && total !== undefined && spentBefore !== undefined && funding && status) {
      result.push({
        nr: c.text('nr'),
        name,
        owner: c.text('owner'),
        funding,
        status,
        start,
        end,
        total,
        spentBefore,
        yearAmounts,
      });
    }
  }
  return result;
}
