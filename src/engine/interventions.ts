/** Interventions by plan year and plan month, commitments remaining. */
import { compareDates, monthIndex, MonthIndex, monthOf } from './calendar';
import { allocate, allocateByWeights, dec, Money, sum, ZERO } from './money';
import type { Intervention, InterventionPlan, InterventionYear } from './types';

export interface PlanCalendar {
  years: number[];
  /** Months operated, in order. */
  months: MonthIndex[];
  firstMonth: MonthIndex;
  lastMonth: MonthIndex;
}

/** Months (as indices) in which the intervention runs on at least one day. */
function activeMonthRange(iv: Intervention): { from: MonthIndex; to: MonthIndex } {
  return { from: monthIndex(iv.start.year, iv.start.month), to: monthIndex(iv.end.year, iv.end.month) };
}

export function yearOverlaps(iv: Intervention, year: number): boolean {
  return iv.start.year <= year && iv.end.year >= year;
}

/** Spread a whole amount evenly over months, by largest remainder (ties: earlier month). */
export function spreadOverMonths(amount: Money, months: readonly MonthIndex[]): Map<MonthIndex, Money> {
  const result = new Map<MonthIndex, Money>();
  if (months.length === 0) return result;
  const parts = allocateByWeights(
    amount,
    months.map((m) => ({ weight: dec(1), key: dec(-m), name: '' })),
  );
  months.forEach((m, i) => result.set(m, parts[i]!));
  return result;
}

export function planIntervention(iv: Intervention, cal: PlanCalendar): InterventionPlan {
  const remainingAtStart = iv.total.minus(iv.spentBefore);
  const { from, to } = activeMonthRange(iv);
  const planYears = new Set(cal.years);
  const givenTotal = sum([...iv.yearAmounts.values()]);
  const toSpread = remainingAtStart.minus(givenTotal);
  const operated = new Set(cal.months);

  // Months from the plan's start on in which the intervention runs, in years without a given amount.
  // Months after the plan's last year take their share too (it stays in remainingAfter).
  const buckets = new Map<number | 'after', number>();
  const start = Math.max(from, cal.firstMonth);
  for (let m = start; m <= to; m++) {
    const { year } = monthOf(m);
    if (iv.yearAmounts.has(year)) continue;
    if (planYears.has(year)) {
      if (!operated.has(m)) continue;
      buckets.set(year, (buckets.get(year) ?? 0) + 1);
    } else if (m > cal.lastMonth) {
      buckets.set('after', (buckets.get('after') ?? 0) + 1);
    }
  }
  const bucketKeys = [...buckets.keys()];
  const totalMonths = bucketKeys.reduce<number>((s, k) => s + buckets.get(k)!, 0);
  const yearAmount = new Map<number, Money>();
  let unspreadable = ZERO;
  if (totalMonths === 0) {
    unspreadable = toSpread.greaterThan(0) ? toSpread : ZERO;
  } else if (!toSpread.isZero()) {
    const parts = allocate(
      toSpread,
      bucketKeys.map((k, i) => ({
        exact: toSpread.times(buckets.get(k)!).dividedBy(totalMonths),
        key: dec(buckets.get(k)!),
        // Earlier years win ties.
        name: String(i).padStart(4, '0'),
      })),
    );
    bucketKeys.forEach((k, i) => {
      if (k !== 'after') yearAmount.set(k, parts[i]!);
    });
  }
  for (const [y, amount] of iv.yearAmounts) yearAmount.set(y, amount);

  const years: InterventionYear[] = [];
  const monthly = new Map<MonthIndex, Money>();
  let remaining = remainingAtStart;
  for (const year of cal.years) {
    const amount = yearAmount.get(year) ?? ZERO;
    remaining = remaining.minus(amount);
    years.push({ year, amount, remainingAfter: remaining });
    if (amount.isZero()) continue;
    const months = cal.months.filter((m) => monthOf(m).year === year && m >= from && m <= to);
    // A given amount for an operated year the intervention does not touch has been refused on input;
    // should it happen anyway, the year's operated months carry it.
    const target = months.length > 0 ? months : cal.months.filter((m) => monthOf(m).year === year);
    for (const [m, v] of spreadOverMonths(amount, target)) monthly.set(m, v);
  }
  return { intervention: iv, remainingAtStart, years, monthly, unspreadable };
}

export function interventionEndsBefore(iv: Intervention): boolean {
  return compareDates(iv.end, iv.start) < 0;
}
