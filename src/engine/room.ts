/**
 * Room for new grants (domain.md, "Room for new grants"): for every plan year, how much more the
 * förbund could grant. Pure; computed from a finished Plan, exactly to the krona, without trial runs.
 *
 * The extra grant X of year y is a decided intervention spent evenly over the n months operated in y,
 * spread as `spreadEvenly(X, first operated month of y, December of y)` spreads it: every month
 * ⌊X/n⌋ and the first X mod n months one krona more. After the first k months of that spread it has
 * taken
 *
 *     C_k(X) = k·⌊X/n⌋ + min(k, X mod n)      (0 ≤ k ≤ n; C_n(X) = X),
 *
 * a non-decreasing function of X. Every goal the grant can break falls by such a C_k:
 *  - month-end cash at month m falls by the spread up to m: C_k with k = months of y up to m;
 *  - the decision room at m (cash(m) − floor + inflows(m+1..m+h) − committed outflows(m+1..m+h)) falls
 *    by the cash effect at m plus the spread's outflow in the window m+1..m+h, i.e. by the spread up
 *    to m+h: C_k with k = months of y up to m+h. So months before y whose window reaches into y bind too;
 *  - equity at the end of y and of every later year falls by X (k = n).
 * Each constraint reads C_k(X) ≤ S (S = the figure's slack without the grant). Its largest X, in closed
 * form: with q = ⌊S/k⌋ and t = S mod k (0 ≤ t < k), X = q·n + r has C_k = k·q + min(k, r) ≤ S exactly
 * when r ≤ t, and X = (q+1)·n already takes k·(q+1) > S; so X_max = q·n + t. The room is the minimum over
 * all constraints, and since every C_k is non-decreasing, every X up to it keeps every goal.
 *
 * Figures the grant does not reach (months before y whose window ends before y, equity before y) cannot
 * bind, but they count when they already fail: the definition asks for every month and every year end to
 * keep the goal, so a plan that already breaks one of these goals anywhere has no room within the goals
 * (`withinGoals` 0, `limitedBy` the goal that fails worst: the lowest figure minus its limit).
 */
import { monthIndex, MonthIndex } from './calendar';
import { equityCapFor, type GoalId } from './goals';
import { add, floorDiv, floorMod, kr, Kronor, maxKr, sub, times, ZERO_KR } from './kronor';
import type { Plan } from './plan';
import { firstOperatedMonth } from './split';

/** The goals an extra grant can break (the ones `withinGoals` keeps). */
export type RoomGoal = Extract<GoalId, 'liquidity' | 'decisionRoom' | 'nonNegativeEquity'>;

/** The room for new grants of one plan year. */
export interface RoomYear {
  year: number;
  /** The year's result, signed: what new grants spent in the year could take with a balanced budget. */
  toResultTarget: Kronor;
  /**
   * The largest extra grant spent evenly over the year's operated months that keeps every active goal
   * among liquidity, decision room and non-negative equity; 0 when one of them already fails without it.
   * Null when no active goal limits it: none of the three is active, or only `Beslutsutrymme` is and
   * no judged month's window reaches into the year (the grant is then not bounded by any goal).
   */
  withinGoals: Kronor | null;
  /**
   * The goal that binds (or, when one already fails, the one that fails worst); null with `withinGoals`.
   * Where several bind at the same X: Lägsta likviditet before Beslutsutrymme before Eget kapital ej
   * negativt, and the earlier month first.
   */
  limitedBy: RoomGoal | null;
  /** The month of the binding figure (month-end cash or decision room); null for year-end equity. */
  limitingMonth: MonthIndex | null;
  /** With `Högsta eget kapital` active and a limit set: what the year must spend more to bring its
   * year-end equity down to the cap (0 when at or under it). Else null. */
  spendToCap: Kronor | null;
}

/**
 * What the first k months of an even spread of x over n months take: k·⌊x/n⌋ + min(k, x mod n)
 * (for x ≥ 0, 0 ≤ k ≤ n). Exactly the sum of `amountInMonth` over those months.
 */
export function spreadPrefix(x: Kronor, n: number, k: number): Kronor {
  if (k <= 0) return ZERO_KR;
  const kk = Math.min(k, n);
  const base = floorDiv(x, n);
  return add(times(kr(base), kk), kr(Math.min(kk, x - base * n)));
}

/**
 * The largest x ≥ 0 with spreadPrefix(x, n, k) ≤ slack, for slack ≥ 0 and 1 ≤ k ≤ n:
 * ⌊slack/k⌋·n + slack mod k (see the module comment).
 */
export function largestWithin(slack: Kronor, n: number, k: number): Kronor {
  if (slack < 0) throw new Error('largestWithin: negative slack');
  const kk = Math.min(k, n);
  return add(times(kr(floorDiv(slack, kk)), n), kr(floorMod(slack, kk)));
}

interface Constraint {
  goal: RoomGoal;
  month: MonthIndex | null;
  /** The figure minus its limit, without the extra grant. */
  slack: Kronor;
  /** Months of the spread that reach the figure (0..n; 0: the grant does not touch it). */
  k: number;
}

/** The room for new grants of every plan year (each year's grant alone). */
export function roomForNewGrants(plan: Plan): RoomYear[] {
  const { goals } = plan.input;
  const horizon = goals.horizonMonths;
  const liquidity = plan.liquidity;
  const position = new Map(liquidity.map((l, i) => [l.month, i]));
  // With a follow-up, the months through `Uppföljning till och med` are history: nothing granted now
  // reaches them, and they are not judged; the follow-up year's grant is spread over the months after.
  // A prognosis year (before the first plan year) is no plan year: a plan year's grants are decided with
  // the budget, after it, so its months and year end do not limit them (its own row is judged on them).
  const fu = plan.followUp;
  let history = -1;
  if (fu) liquidity.forEach((l, i) => l.month <= fu.through && (history = i));
  const firstPlanYear = plan.input.settings.firstYear;
  let beforePlan = -1;
  liquidity.forEach((l, i) => Math.floor(l.month / 12) < firstPlanYear && (beforePlan = i));

  return plan.input.years.map((y, yi) => {
    const budget = plan.budget[yi]!;
    const past = y.year >= firstPlanYear ? Math.max(history, beforePlan) : history;
    let n = y.months;
    let s = position.get(monthIndex(y.year, firstOperatedMonth(y.months)))!;
    if (fu && fu.year === y.year) {
      n = liquidity.filter((l, i) => i > past && l.month <= monthIndex(y.year, 12)).length;
      s = past + 1;
    }
    // Months of the spread up to position p (clamped to 0..n).
    const reach = (p: number) => Math.max(0, Math.min(n, p - s + 1));

    const constraints: Constraint[] = [];
    if (goals.liquidity.active) {
      for (let i = past + 1; i < liquidity.length; i++) {
        const row = liquidity[i]!;
        constraints.push({ goal: 'liquidity', month: row.month, slack: sub(row.cash, goals.liquidity.limit), k: reach(i) });
      }
    }
    if (goals.decisionRoom.active) {
      for (let i = past + 1; i < liquidity.length; i++) {
        const row = liquidity[i]!;
        if (row.decisionRoom === null) continue;
        constraints.push({
          goal: 'decisionRoom',
          month: row.month,
          slack: sub(row.decisionRoom, goals.decisionRoom.limit),
          k: reach(i + horizon),
        });
      }
    }
    if (goals.nonNegativeEquity.active) {
      for (let z = 0; z < plan.balance.length; z++) {
        if (y.year >= firstPlanYear && plan.balance[z]!.year < firstPlanYear) continue;
        constraints.push({ goal: 'nonNegativeEquity', month: null, slack: plan.balance[z]!.equity, k: z >= yi ? n : 0 });
      }
    }

    let withinGoals: Kronor | null = null;
    let binding: Constraint | null = null;
    if (n === 0) constraints.length = 0; // a follow-up through December leaves no month to grant in
    // A goal that already fails: the worst one (lowest slack; the first listed wins a tie).
    for (const c of constraints) if (c.slack < 0 && (binding === null || c.slack < binding.slack)) binding = c;
    if (binding) {
      withinGoals = ZERO_KR;
    } else {
      for (const c of constraints) {
        if (c.k === 0) continue; // a figure the grant does not reach never binds
        const x = largestWithin(c.slack, n, c.k);
        if (withinGoals === null || x < withinGoals) {
          withinGoals = x;
          binding = c;
        }
      }
    }

    let spendToCap: Kronor | null = null;
    const cap = goals.maxEquity.active ? goals.maxEquity.limit : null;
    if (cap) {
      const { limit } = equityCapFor(cap, budget.annualContributions);
      spendToCap = maxKr(ZERO_KR, sub(budget.equityEnd, limit));
    }

    return {
      year: y.year,
      toResultTarget: budget.result,
      withinGoals,
      limitedBy: binding ? binding.goal : null,
      limitingMonth: binding ? binding.month : null,
      spendToCap,
    };
  });
}
