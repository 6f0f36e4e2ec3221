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
  /** By plan year (index into `years`): its first operated month, and its December. */
  operatedFrom: MonthIndex[];
  yearEnd: MonthIndex[];
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
  const given = iv.yearAmounts;
  const hasGiven = given.size > 0;
  let givenTotal = ZERO_KR;
  if (hasGiven) given.forEach((amount) => (givenTotal = add(givenTotal, amount)));
  const toSpread = sub(remainingAtStart, givenTotal);
  /** Each plan year's spread amount (null: nothing spread, or no month could take it). */
  const spread = toSpread === 0 ? null : spreadOverYears(iv, cal, toSpread, from, to);
  const unspreadable = spread === null && toSpread > 0 ? toSpread : ZERO_KR;

  const years: InterventionYear[] = [];
  const spreads: MonthSpread[] = [];
  let remaining = remainingAtStart;
  for (let yi = 0; yi < cal.years.length; yi++) {
    const year = cal.years[yi]!;
    const amount = (hasGiven ? given.get(year) : undefined) ?? spread?.[yi] ?? ZERO_KR;
    if (amount !== 0) remaining = sub(remaining, amount);
    years.push({ year, amount, remainingAfter: remaining });
    if (amount === 0) continue;
    // The year's operated months are consecutive, and so are the intervention's months within them.
    const operatedFrom = cal.operatedFrom[yi]!;
    const yearEnd = cal.yearEnd[yi]!;
    const runFrom = Math.max(operatedFrom, from);
    const runTo = Math.min(yearEnd, to);
    // A given amount for a year the intervention does not touch has been refused on input; should it
    // happen anyway, the year's operated months carry it.
    spreads.push(runFrom <= runTo ? spreadEvenly(amount, runFrom, runTo) : spreadEvenly(amount, operatedFrom, yearEnd));
  }
  return { intervention: iv, remainingAtStart, years, spreads, unspreadable };
}

/**
 * What is not given per year, spread over the months from the plan's start on in which the intervention
 * runs, in years without a given amount, by largest remainder; months after the plan's last year take
 * their share too (it stays in remainingAfter). Null when no month can take it.
 */
function spreadOverYears(
  iv: Intervention,
  cal: PlanCalendar,
  toSpread: Kronor,
  from: MonthIndex,
  to: MonthIndex,
): Kronor[] | null {
  const buckets: WeightItem[] = [];
  /** The plan year (index) of each bucket; -1 for the months after the plan. */
  const bucketYear: number[] = [];
  for (let yi = 0; yi < cal.years.length; yi++) {
    if (iv.yearAmounts.size > 0 && iv.yearAmounts.has(cal.years[yi]!)) continue;
    const count = Math.min(to, cal.yearEnd[yi]!) - Math.max(from, cal.operatedFrom[yi]!) + 1;
    if (count <= 0) continue;
    // Earlier years win ties (no names: ties go to the earlier bucket).
    buckets.push({ weight: count, key: count });
    bucketYear.push(yi);
  }
  const after = to - Math.max(from, cal.lastMonth + 1) + 1;
  if (after > 0) {
    buckets.push({ weight: after, key: after });
    bucketYear.push(-1);
  }
  if (buckets.length === 0) return null;
  const spread = new Array<Kronor>(cal.years.length).fill(ZERO_KR);
  const amounts = allocateByWeights(toSpread, buckets);
  for (let i = 0; i < amounts.length; i++) if (bucketYear[i]! >= 0) spread[bucketYear[i]!] = amounts[i]!;
  return spread;
}
