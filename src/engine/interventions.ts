/** Interventions by plan year and plan month, commitments remaining. */
import { monthIndex, MonthIndex } from './calendar';
import { add, floorDiv, kr, Kronor, sub, sumKr, ZERO_KR } from './kronor';
import { allocateByWeights } from './money';
import type { Intervention, InterventionPlan, InterventionYear, MonthSpread } from './types';

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

/** A whole amount spread evenly over the months from..to (see MonthSpread). */
export function spreadEvenly(amount: Kronor, from: MonthIndex, to: MonthIndex): MonthSpread {
  const count = to - from + 1;
  if (count <= 0) throw new Error('spreadEvenly: no months');
  // base = ⌊amount / count⌋, extra = amount − base × count: exact integer division.
  const base = floorDiv(amount, count);
  return { from, to, base: kr(base), extra: amount - base * count };
}

export function amountInMonth(spread: MonthSpread, month: MonthIndex): Kronor {
  if (month < spread.from || month > spread.to) return ZERO_KR;
  return month - spread.from < spread.extra ? add(spread.base, kr(1)) : spread.base;
}

/** Every month of a spread with its amount (for tests and small tables). */
export function monthsOf(spread: MonthSpread): Map<MonthIndex, Kronor> {
  const result = new Map<MonthIndex, Kronor>();
  for (let m = spread.from; m <= spread.to; m++) result.set(m, amountInMonth(spread, m));
  return result;
}

export function planIntervention(iv: Intervention, cal: PlanCalendar): InterventionPlan {
  const remainingAtStart = sub(iv.total, iv.spentBefore);
  const { from, to } = activeMonthRange(iv);
  const givenTotal = sumKr([...iv.yearAmounts.values()]);
  const toSpread = sub(remainingAtStart, givenTotal);

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
  const yearAmount = new Map<number, Kronor>();
  let unspreadable = ZERO_KR;
  if (totalMonths === 0) {
    unspreadable = toSpread > 0 ? toSpread : ZERO_KR;
  } else if (toSpread !== 0) {
    const parts = allocateByWeights(
      toSpread,
      // Earlier years win ties (no names: ties go to the earlier bucket).
      bucketKeys.map((k) => ({ weight: buckets.get(k)!, key: buckets.get(k)! })),
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
    const amount = yearAmount.get(year) ?? ZERO_KR;
    if (amount !== 0) remaining = sub(remaining, amount);
    years.push({ year, amount, remainingAfter: remaining });
    if (amount === 0) continue;
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
