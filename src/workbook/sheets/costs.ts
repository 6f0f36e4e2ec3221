/** `Kostnader`: operating cost lines, their kind, funding, yearly increase and amounts per plan year. */
import type { Kronor } from '../../engine/kronor';
import { D } from '../../engine/money';
import type { CostLine } from '../../engine/types';
import { INPUT_ALSO, INPUT_WORDS } from '../../messages/sheets';
import { COST_KIND, FUNDING } from '../../messages/vocabulary';
import type { InputError, SheetGrid } from '../grid';
import { planYearColumns, readTable, records, SheetSpec } from '../table';
import { isEmpty, parseAmount } from '../values';

const W = INPUT_WORDS.costs.columns;

export const COSTS_SPEC = {
  name: INPUT_WORDS.costs.name,
  columns: [
    { key: 'name', header: W.name, required: true, width: 34 },
    { key: 'kind', header: W.kind, width: 12 },
    { key: 'funding', header: W.funding, width: 13 },
    { key: 'growth', header: W.growth, also: INPUT_ALSO.costs.growth, width: 16 },
  ],
  yearColumns: { width: 13, format: '#,##0' },
  sumKey: 'name',
} as const satisfies SheetSpec<keyof typeof W>;

export function parseCosts(
  sheet: SheetGrid,
  years: readonly number[] | null,
  errors: InputError[],
  warnings: InputError[],
): CostLine[] {
  const table = readTable(sheet, COSTS_SPEC, errors);
  if (!table) return [];
  const yearColumns = planYearColumns(table, years, warnings);
  const lines: CostLine[] = [];
  for (const c of records(table, errors)) {
    const before = errors.length;
    const name = c.text('name', true);
    const kind = c.choice('kind', COST_KIND, 'operating');
    const funding = c.choice('funding', FUNDING, 'finsam');
    const growth = c.percent('growth', new D(0));
    const amounts = new Map<number, Kronor>();
    for (const [year, column] of yearColumns) {
      const v = c.rawAt(column);
      if (isEmpty(v)) continue;
      const a = c.take(column, parseAmount(v));
      if (a !== undefined) amounts.set(year, a);
    }
    if (errors.length === before && kind && funding && growth) lines.push({ name, kind, funding, growth, amounts });
  }
  return lines;
}
