/** Interventions by plan year and plan month, commitments remaining. */
import { monthIndex, MonthIndex } from './calendar';
import { add, floorDiv, kr, Kronor, sub, ZERO_KR } from './kronor';
import { allocateByWeights, WeightItem } from './money';
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
  let givenTotal = ZERO_KR;
  iv.yearAmounts.forEach((amount) => (givenTotal = add(givenTotal, amount)));
  const toSpread = sub(remainingAtStart, givenTotal);

  // Months from the plan's start on in which the intervention runs, in years without a given amount.
  // Months after the plan's last year take their share too (it stays in remainingAfter).
  // Nothing to spread (every krona given, or none left): no buckets are needed.
  const buckets: WeightItem[] = [];
  /** The plan year (index) of each bucket; -1 for the months after the plan. */
  const bucketYear: number[] = [];
  for (let yi = 0; yi < cal.years.length && toSpread !== 0; yi++) {
    const year = cal.years[yi]!;
    if (iv.yearAmounts.has(year)) continue;
    const count = Math.min(to, monthIndex(year, 12)) - Math.max(from, cal.firstOperated.get(year)!) + 1;
    if (count <= 0) continue;
    // Earlier years win ties (no names: ties go to the earlier bucket).
    buckets.push({ weight: count, key: count });
    bucketYear.push(yi);
  }
  const after = to - Math.max(from, cal.lastMonth + 1) + 1;
  if (after > 0 && toSpread !== 0) {
    buckets.push({ weight: after, key: after });
    bucketYear.push(-1);
  }
  /** Each plan year's spread amount (null: nothing spread). */
  let spread: Kronor[] | null = null;
  let unspreadable = ZERO_KR;
  if (buckets.length === 0) {
    unspreadable = toSpread > 0 ? toSpread : ZERO_KR;
  } else {
    spread = new Array<Kronor>(cal.years.length).fill(ZERO_KR);
    const amounts = allocateByWeights(toSpread, buckets);
    for (let i = 0; i < amounts.length; i++) if (bucketYear[i]! >= 0) spread[bucketYear[i]!] = amounts[i]!;
  }

  const years: InterventionYear[] = [];
  const spreads: MonthSpread[] = [];
  let remaining = remainingAtStart;
  for (let yi = 0; yi < cal.years.length; yi++) {
    const year = cal.years[yi]!;
    const amount = iv.yearAmounts.get(year) ?? spread?.[yi] ?? ZERO_KR;
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
