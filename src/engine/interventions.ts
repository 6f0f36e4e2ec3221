/** Interventions by plan year and plan month, commitments remaining. */
import { monthIndex, MonthIndex } from './calendar';
import { allocateIntegers, D, Money, sum, toBigInt, ZERO } from './money';
import type { Intervention, InterventionPlan, InterventionYear } from './types';

export interface PlanCalendar {
  years: number[];
  /** Months operated, in order. */
  months: MonthIndex[];
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
  /** First month operated in each plan year. */
  firstOperated: Map<number, MonthIndex>;
}

/** Months (as indices) in which the intervention runs on at least one day. */
function activeMonthRange(iv: Intervention): { from: MonthIndex; to: MonthIndex } {
  return { from: monthIndex(iv.start.year, iv.start.month), to: monthIndex(iv.end.year, iv.end.month) };
}

/**
 * A whole amount spread evenly over a run of consecutive months: each month gets `base`, and the first
 * `extra` months one krona more. This is the largest remainder rounding of amount / count with ties to
 * the earlier month, kept compact so that cash flows can be added up per run rather than per month.
 */
export interface MonthSpread {
  from: MonthIndex;
  to: MonthIndex;
  base: Money;
  extra: number;
}

export function spreadEvenly(amount: Money, from: MonthIndex, to: MonthIndex): MonthSpread {
  const count = to - from + 1;
  if (count <= 0) throw new Error('spreadEvenly: no months');
  // Integer floor division and remainder (exact): base = ⌊amount / count⌋, extra = amount − base × count.
  const a = toBigInt(amount);
  const n = BigInt(count);
  let base = a / n;
  if (a < 0n && base * n !== a) base -= 1n;
  return { from, to, base: new D(base.toString()), extra: Number(a - base * n) };
}

export function amountInMonth(spread: MonthSpread, month: MonthIndex): Money {
  if (month < spread.from || month > spread.to) return ZERO;
  return month - spread.from < spread.extra ? spread.base.plus(1) : spread.base;
}

/** Every month of a spread with its amount (for tests and small tables). */
export function monthsOf(spread: MonthSpread): Map<MonthIndex, Money> {
  const result = new Map<MonthIndex, Money>();
  for (let m = spread.from; m <= spread.to; m++) result.set(m, amountInMonth(spread, m));
  return result;
}

export function planIntervention(iv: Intervention, cal: PlanCalendar): InterventionPlan {
  const remainingAtStart = iv.total.minus(iv.spentBefore);
  const { from, to } = activeMonthRange(iv);
  const givenTotal = sum([...iv.yearAmounts.values()]);
  const toSpread = remainingAtStart.minus(givenTotal);

  // Months from the plan's start on in which the intervention runs, in years without a given amount.
  // Months after the plan's last year take their share too (it stays in remainingAfter).
  const buckets = new Map<number | 'after', number>();
  for (const year of cal.years) {
    if (iv.yearAmounts.has(year)) continue;
    const count = Math.min(to, monthIndex(year, 12)) - Math.max(from, cal.firstOperated.get(year)!) + 1;
    if (count > 0) buckets.set(year, count);
  }
  const after = to - Math.max(from, cal.lastMonth + 1) + 1;
  if (after > 0) buckets.set('after', after);
  const bucketKeys = [...buckets.keys()];
  const totalMonths = bucketKeys.reduce<number>((n, k) => n + buckets.get(k)!, 0);
  const yearAmount = new Map<number, Money>();
  let unspreadable = ZERO;
  if (totalMonths === 0) {
    unspreadable = toSpread.greaterThan(0) ? toSpread : ZERO;
  } else if (!toSpread.isZero()) {
    const parts = allocateIntegers(
      toSpread,
      // Earlier years win ties (the names sort in year order).
      bucketKeys.map((k, i) => ({
        weight: BigInt(buckets.get(k)!),
        key: BigInt(buckets.get(k)!),
        name: String(i).padStart(4, '0'),
      })),
    );
    bucketKeys.forEach((k, i) => {
      if (k !== 'after') yearAmount.set(k, parts[i]!);
    });
  }
  for (const [y, amount] of iv.yearAmounts) yearAmount.set(y, amount);

  const years: InterventionYear[] = [];
  const spreads: MonthSpread[] = [];
  let remaining = remainingAtStart;
  for (const year of cal.years) {
    const amount = yearAmount.get(year) ?? ZERO;
    if (!amount.isZero()) remaining = remaining.minus(amount);
    years.push({ year, amount, remainingAfter: remaining });
    if (amount.isZero()) continue;
    // The year's operated months are consecutive, and so are the intervention's months within them.
    const operatedFrom = cal.firstOperated.get(year)!;
    const yearEnd = monthIndex(year, 12);
    const runFrom = Math.max(operatedFrom, from);
    const runTo = Math.min(yearEnd, to);
    // A given amount for a year the intervention does not touch has been refused on input; should it
    // happen anyway, the year's operated months carry it.
    spreads.push(runFrom <= runTo ? spreadEvenly(amount, runFrom, runTo) : spreadEvenly(amount, operatedFrom, yearEnd));
  }
  return { intervention: iv, remainingAtStart, years, spreads, unspreadable };
}
