/**
 * `Utfall` (optional): the actual outcome per month of the follow-up year, through `Uppföljning till
 * och med`. `Post` is a cost line, an intervention (`Nr` or `Insats`) or an income line of `År`; one
 * column per month (headed `2024-01`, a date or a month cell, `jan 2024`); optionally `Prognos helår`.
 */
import { monthIndex, MonthIndex, monthLabel } from '../../engine/calendar';
import type { Kronor } from '../../engine/kronor';
import { add, ZERO_KR } from '../../engine/kronor';
import type { CostLine, IncomeLine, Intervention, Outcome, OutcomeLine, OutcomePost } from '../../engine/types';
import { INCOME_LINES } from '../../engine/types';
import { DUPLICATE_OF, INPUT_WORDS } from '../../messages/sheets';
import { inputError, InputError, SheetGrid } from '../grid';
import { cellAddress, headerCell, readTable, records, SheetSpec, Table } from '../table';
import { cellText, isEmpty, monthNameOf, monthOfValue, normalizeHeader, parseAmount, parseNumber } from '../values';

const W = INPUT_WORDS.outcome;
const KR = '#,##0';

export const OUTCOME_SPEC = {
  name: W.name,
  title: W.title,
  columns: [
    { key: 'post', header: W.columns.post, required: true, width: 34 },
    { key: 'forecast', header: W.columns.forecast, width: 16, format: KR, summed: true },
  ],
  sumKey: 'post',
} as const satisfies SheetSpec<keyof typeof W.columns>;

/** Width and format of a month column in the template. */
export const OUTCOME_MONTH_COLUMN = { width: 12, format: KR } as const;

/** The names an income line has as a `Post` (the `År` sheet's column names). */
export const INCOME_POST_NAMES: Record<IncomeLine, string> = {
  contributions: INPUT_WORDS.years.columns.contributions,
  esfIncome: INPUT_WORDS.years.columns.esfIncome,
  otherIncome: INPUT_WORDS.years.columns.otherIncome,
  financialIncome: INPUT_WORDS.years.columns.financialIncome,
};

export interface OutcomeContext {
  followUp: { year: number; through: MonthIndex } | null;
  costLines: readonly CostLine[];
  interventions: readonly Intervention[];
  /** False when `Kostnader` or `Insatser` had errors: a post not found may be a row that was not read. */
  namesKnown: boolean;
}

const key = (s: string) => normalizeHeader(s);

/** The month columns of the header row: month → column, with duplicates reported. */
function monthColumns(table: Table<'post' | 'forecast'>, year: number, errors: InputError[]): Map<MonthIndex, number> {
  const named = new Set(table.columns.values());
  const row = table.sheet.values[table.headerRow] ?? [];
  const found = new Map<MonthIndex, number>();
  row.forEach((v, c) => {
    if (named.has(c) || isEmpty(v)) return;
    // A month with its year, or a month's name alone (`jan`, `februari`): the follow-up year's.
    const nameOnly = monthNameOf(v);
    const m = monthOfValue(v) ?? (nameOnly === null ? null : { year, month: nameOnly });
    if (!m) return; // another column (a comment): ignored, as unknown columns are
    const index = monthIndex(m.year, m.month);
    const first = found.get(index);
    if (first === undefined) {
      found.set(index, c);
      return;
    }
    const cell = cellAddress(table.sheet, table.headerRow, c);
    table.flagged.add(cell);
    errors.push(
      inputError(table.sheet.name, cell, 'duplicateColumn', {
        column: cellText(v),
        firstCell: cellAddress(table.sheet, table.headerRow, first),
        cell,
      }),
    );
  });
  return found;
}

export function parseOutcome(
  sheet: SheetGrid,
  ctx: OutcomeContext,
  errors: InputError[],
  warnings: InputError[],
): Outcome | null {
  const table = readTable(sheet, OUTCOME_SPEC, errors);
  if (!table) return null;
  const fu = ctx.followUp;
  if (!fu) {
    if (table.records.length > 0)
      warnings.push(
        inputError(sheet.name, headerCell(table, 'post'), 'outcomeIgnored', {
          parameter: INPUT_WORDS.settings.rows.followUpThrough,
        }),
      );
    return null;
  }
  const months = monthColumns(table, fu.year, errors);
  const holds = (column: number) => table.records.some((r) => !isEmpty(r.values[column] ?? null));
  const used: [MonthIndex, number][] = [];
  for (const [m, column] of [...months].sort((a, b) => a[1] - b[1])) {
    const year = Math.floor(m / 12);
    if (year !== fu.year) {
      if (holds(column)) {
        const cell = cellAddress(sheet, table.headerRow, column);
        table.flagged.add(cell);
        errors.push(inputError(sheet.name, cell, 'outcomeMonthOutsideYear', { month: monthLabel(m), year: fu.year }));
      }
      continue;
    }
    if (m > fu.through) {
      const r = table.records.find((rec) => !isEmpty(rec.values[column] ?? null));
      if (r) {
        const cell = cellAddress(sheet, r.row, column);
        table.flagged.add(cell);
        errors.push(
          inputError(sheet.name, cell, 'outcomeMonthAfterThrough', { month: monthLabel(m), through: monthLabel(fu.through) }),
        );
      }
      continue;
    }
    used.push([m, column]);
  }
  const missing: string[] = [];
  for (let m = monthIndex(fu.year, 1); m <= fu.through; m++) if (!months.has(m)) missing.push(monthLabel(m));
  if (missing.length > 0)
    errors.push(inputError(sheet.name, headerCell(table, 'post'), 'outcomeMonthMissing', { months: missing }));

  // The names a post can have: income lines, cost lines, interventions' Nr, then their names.
  const posts = new Map<string, OutcomePost>();
  const offer = (name: string, post: OutcomePost) => {
    const k = key(name);
    if (k !== '' && !posts.has(k)) posts.set(k, post);
  };
  for (const line of INCOME_LINES) offer(INCOME_POST_NAMES[line], { kind: 'income', line });
  ctx.costLines.forEach((c, index) => offer(c.name, { kind: 'cost', index }));
  ctx.interventions.forEach((iv, index) => offer(iv.nr, { kind: 'intervention', index }));
  ctx.interventions.forEach((iv, index) => offer(iv.name, { kind: 'intervention', index }));

  const lines: OutcomeLine[] = [];
  const firstCell = new Map<string, string>();
  // Sum rows: each month's running sum of the records since the header or the previous sum row
  // (null once a cell above is no amount: its own error says enough).
  let sums: (Kronor | null)[] = used.map(() => ZERO_KR);
  const cellsByRow = new Map(records(table, errors).map((c) => [c.record.row, c]));
  const rows = [...table.records.map((r) => r.row), ...table.sumRows].sort((a, b) => a - b);
  for (const row of rows) {
    const c = cellsByRow.get(row);
    if (!c) {
      const values = sheet.values[row] ?? [];
      used.forEach(([, column], i) => {
        const v = values[column] ?? null;
        const sum = sums[i];
        if (isEmpty(v) || sum === null || sum === undefined) return;
        const given = parseNumber(v);
        if (!given.ok || given.value.equals(sum)) return;
        const cell = cellAddress(sheet, row, column);
        if (table.flagged.has(cell)) return;
        table.flagged.add(cell);
        errors.push(
          inputError(sheet.name, cell, 'sumRowMismatch', {
            column: cellText((sheet.values[table.headerRow] ?? [])[column] ?? null),
            label: cellText(values[table.columns.get('post')!] ?? null),
            given: given.value.toNumber(),
            sum,
          }),
        );
      });
      sums = used.map(() => ZERO_KR);
      continue;
    }
    const before = errors.length;
    const text = c.text('post', true);
    const amounts = new Map<MonthIndex, Kronor>();
    used.forEach(([m, column], i) => {
      const v = c.rawAt(column);
      if (isEmpty(v)) return;
      const a = c.take(column, parseAmount(v));
      if (a === undefined) {
        sums[i] = null;
        return;
      }
      if (a !== 0) amounts.set(m, a);
      const sum = sums[i];
      if (sum !== null && sum !== undefined) sums[i] = add(sum, a);
    });
    const forecast = c.amount('forecast', null);
    if (text === '') continue;
    const post = posts.get(key(text));
    if (!post) {
      if (ctx.namesKnown)
        c.error('post', 'outcomeUnknownPost', {
          text,
          costs: INPUT_WORDS.costs.name,
          interventions: INPUT_WORDS.interventions.name,
          income: INCOME_LINES.map((l) => INCOME_POST_NAMES[l]),
        });
      continue;
    }
    const id = post.kind === 'income' ? `income:${post.line}` : `${post.kind}:${post.index}`;
    const first = firstCell.get(id);
    if (first) {
      c.error('post', 'duplicate', { what: DUPLICATE_OF.item, text, firstCell: first });
      continue;
    }
    firstCell.set(id, c.address('post'));
    if (errors.length === before && forecast !== undefined) lines.push({ post, months: amounts, forecast });
  }
  return { year: fu.year, through: fu.through, lines };
}
