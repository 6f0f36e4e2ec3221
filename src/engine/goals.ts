/**
 * The board's financial goals: their settings and defaults, the checks they produce, and how each is
 * judged — one entry per goal in `GOAL_JUDGES`. The goal's labels, how its `Gräns` is read and its
 * explanation are the other half of the registry, in the messages module (`src/messages/goals.ts`),
 * keyed by the same `GoalId`: adding a goal is an entry in each, and the compiler asks for both.
 */
import { compareDates, monthOf, MonthIndex, YMD } from './calendar';
import { add, kr, Kronor } from './kronor';
import { Ratio, roundHalfAway } from './money';
import type { BalanceYear, BudgetYear, InterventionPlan, LiquidityMonth, Settings } from './types';

/** A band of the `Kapitaltak` table: it applies when the year's contributions are at least `from`. */
export interface CapBand {
  from: Kronor;
  percent: Ratio;
  fixed: Kronor;
  /** Where the band comes from (the `Källa` column), or empty. */
  source: string;
}

/**
 * The equity cap (`Högsta eget kapital`): an amount, a share of the year's contributions, or a band table
 * by budget size (`Kapitaltak`: Nationella rådet's recommendation is such a table). Bands start at 0 and rise.
 */
export type EquityCap =
  { kind: 'amount'; value: Kronor } | { kind: 'percent'; value: Ratio } | { kind: 'bands'; bands: readonly CapBand[] };

/**
 * The cap for a year with these contributions: the amount; the share, rounded to the krona; or, with bands,
 * the fixed amount + the share of the band with the largest `from` not above the contributions.
 */
export function equityCapFor(
  cap: EquityCap,
  contributions: Kronor,
): { limit: Kronor; percent: Ratio | null; fixed: Kronor | null; source: string | null } {
  if (cap.kind === 'amount') return { limit: cap.value, percent: null, fixed: null, source: null };
  if (cap.kind === 'percent')
    return { limit: roundHalfAway(cap.value.times(contributions)), percent: cap.value, fixed: null, source: null };
  let band = cap.bands[0]!;
  for (const b of cap.bands) if (b.from <= contributions) band = b;
  return {
    limit: add(band.fixed, roundHalfAway(band.percent.times(contributions))),
    percent: band.percent,
    fixed: band.fixed,
    source: band.source || null,
  };
}

/** Each goal's settings (from the `Mål` sheet, or its default). */
export interface GoalSettings {
  liquidity: { active: boolean; limit: Kronor };
  decisionRoom: { active: boolean; limit: Kronor };
  minContributions: { active: boolean; limit: Kronor };
  maxEquity: { active: boolean; limit: EquityCap | null };
  nonNegativeEquity: { active: boolean };
  balancedBudget: { active: boolean };
  esfSeparate: { active: boolean };
  budgetDeadline: { active: boolean; month: number; day: number };
  threeYearPlan: { active: boolean };
}
export type GoalId = keyof GoalSettings;

/** The goals and the decision horizon (months ahead that the decision room looks). */
export type Goals = GoalSettings & { horizonMonths: number };

/** The defaults: the 2010 plan's goals, the law's (23 §, KL 11:5–6); no equity cap until one is set. */
export function defaultGoals(): Goals {
  return {
    liquidity: { active: true, limit: kr(500_000) },
    decisionRoom: { active: true, limit: kr(2_000_000) },
    horizonMonths: 6,
    minContributions: { active: true, limit: kr(15_000_000) },
    maxEquity: { active: false, limit: null },
    nonNegativeEquity: { active: true },
    balancedBudget: { active: true },
    esfSeparate: { active: true },
    budgetDeadline: { active: true, month: 11, day: 30 },
    threeYearPlan: { active: true },
  };
}

export type CheckStatus = 'ok' | 'warning' | 'failed';

/** Where on the output sheets a check's value stands; the workbook layer turns it into A1. */
export type CheckTarget =
  | { kind: 'liquidityCash'; month: MonthIndex }
  | { kind: 'decisionRoom'; month: MonthIndex }
  | { kind: 'budget'; year: number; line: 'annualContributions' | 'result' | 'equityEnd' | 'esfIncome' }
  | { kind: 'balanceEquity'; year: number }
  | { kind: 'settings'; parameter: 'budgetDecision' | 'yearCount' }
  | { kind: 'intervention'; index: number; year: number | null };

/** What each kind of check carries: its value, its limit and the facts its explanation needs. */
export interface CheckShapes {
  liquidity: { value: Kronor; limit: Kronor; detail: { worstMonth: MonthIndex } };
  decisionRoom: {
    value: Kronor | null;
    limit: Kronor;
    detail: { worstMonth: MonthIndex | null; afterPlanned: Kronor | null };
  };
  minContributions: { value: Kronor; limit: Kronor; detail: null };
  maxEquity: { value: Kronor; limit: Kronor; detail: { percent: Ratio | null; fixed: Kronor | null; source: string | null } };
  nonNegativeEquity: { value: Kronor; limit: Kronor; detail: null };
  balancedBudget: { value: Kronor; limit: Kronor; detail: { equityStart: Kronor } };
  esfSeparate: { value: Kronor; limit: Kronor; detail: { esfIncome: Kronor; esfCosts: Kronor } };
  budgetDeadline: { value: YMD; limit: YMD; detail: null };
  threeYearPlan: { value: number; limit: number; detail: null };
  /** Not a goal: money of an intervention that no month can take (a note on the input). */
  unspreadable: { value: Kronor; limit: null; detail: { intervention: string } };
}
export type CheckKind = keyof CheckShapes;

export type CheckOf<K extends CheckKind> = {
  goal: K;
  year: number | null;
  month: MonthIndex | null;
  status: CheckStatus;
  target: CheckTarget | null;
} & CheckShapes[K];

export type Check = { [K in CheckKind]: CheckOf<K> }[CheckKind];

/** One plan year as the year goals see it. */
export interface YearFacts {
  year: number;
  budget: BudgetYear;
  balance: BalanceYear;
  /** The year's months in `Likviditet`. */
  months: LiquidityMonth[];
}

/** The plan as the goals see it. */
export interface PlanFacts {
  settings: Settings;
  years: number[];
  budget: BudgetYear[];
  balance: BalanceYear[];
  liquidity: LiquidityMonth[];
  interventions: InterventionPlan[];
}

type Judge<G extends GoalId> =
  | { scope: 'year'; judge: (f: YearFacts, settings: GoalSettings[G]) => CheckOf<G> | null }
  | { scope: 'plan'; judge: (f: PlanFacts, settings: GoalSettings[G]) => CheckOf<G> | null };

function minBy<T>(items: readonly T[], value: (t: T) => number): T | undefined {
  let best: T | undefined;
  for (const it of items) if (best === undefined || value(it) < value(best)) best = it;
  return best;
}

const yearCheck = <G extends GoalId>(goal: G, f: YearFacts) => ({ goal, year: f.year, month: null, target: null });

/** How each goal is judged (domain.md, "How each goal is judged"), in the order checks are listed. */
export const GOAL_JUDGES: { [G in GoalId]: Judge<G> } = {
  liquidity: {
    scope: 'year',
    judge: (f, s) => {
      const worst = minBy(f.months, (l) => l.cash);
      if (!worst) return null;
      return {
        ...yearCheck('liquidity', f),
        month: worst.month,
        status: worst.cash >= s.limit ? 'ok' : 'failed',
        value: worst.cash,
        limit: s.limit,
        detail: { worstMonth: worst.month },
        target: { kind: 'liquidityCash', month: worst.month },
      };
    },
  },
  decisionRoom: {
    scope: 'year',
    judge: (f, s) => {
      const worst = minBy(
        f.months.filter((l) => l.decisionRoom !== null),
        (l) => l.decisionRoom!,
      );
      return {
        ...yearCheck('decisionRoom', f),
        month: worst ? worst.month : null,
        status: worst ? (worst.decisionRoom! >= s.limit ? 'ok' : 'failed') : 'warning',
        value: worst ? worst.decisionRoom : null,
        limit: s.limit,
        detail: { worstMonth: worst ? worst.month : null, afterPlanned: worst ? worst.decisionRoomAfterPlanned : null },
        target: worst ? { kind: 'decisionRoom', month: worst.month } : null,
      };
    },
  },
  minContributions: {
    scope: 'year',
    judge: (f, s) => ({
      ...yearCheck('minContributions', f),
      status: f.budget.annualContributions >= s.limit ? 'ok' : 'warning',
      value: f.budget.annualContributions,
      limit: s.limit,
      detail: null,
      target: { kind: 'budget', year: f.year, line: 'annualContributions' },
    }),
  },
  maxEquity: {
    scope: 'year',
    judge: (f, s) => {
      if (!s.limit) return null;
      const { limit, percent, fixed, source } = equityCapFor(s.limit, f.budget.annualContributions);
      return {
        ...yearCheck('maxEquity', f),
        status: f.budget.equityEnd <= limit ? 'ok' : 'failed',
        value: f.budget.equityEnd,
        limit,
        detail: { percent, fixed, source },
        target: { kind: 'balanceEquity', year: f.year },
      };
    },
  },
  nonNegativeEquity: {
    scope: 'year',
    judge: (f) => ({
      ...yearCheck('nonNegativeEquity', f),
      status: f.balance.equity < 0 ? 'failed' : 'ok',
      value: f.balance.equity,
      limit: kr(0),
      detail: null,
      target: { kind: 'balanceEquity', year: f.year },
    }),
  },
  balancedBudget: {
    scope: 'year',
    judge: (f) => ({
      ...yearCheck('balancedBudget', f),
      status: f.budget.result >= 0 ? 'ok' : f.budget.equityEnd < 0 ? 'failed' : 'warning',
      value: f.budget.result,
      limit: kr(0),
      detail: { equityStart: f.budget.equityStart },
      target: { kind: 'budget', year: f.year, line: 'result' },
    }),
  },
  esfSeparate: {
    scope: 'year',
    judge: (f) => ({
      ...yearCheck('esfSeparate', f),
      status: f.budget.esfIncome === f.budget.esfCosts ? 'ok' : 'warning',
      value: f.budget.esfIncome,
      limit: f.budget.esfCosts,
      detail: { esfIncome: f.budget.esfIncome, esfCosts: f.budget.esfCosts },
      target: { kind: 'budget', year: f.year, line: 'esfIncome' },
    }),
  },
  budgetDeadline: {
    scope: 'plan',
    judge: (f, s) => {
      const date = f.settings.budgetDecisionDate;
      if (!date) return null;
      const deadline: YMD = { year: f.settings.firstYear - 1, month: s.month, day: s.day };
      return {
        goal: 'budgetDeadline',
        year: null,
        month: null,
        status: compareDates(date, deadline) <= 0 ? 'ok' : 'failed',
        value: date,
        limit: deadline,
        detail: null,
        target: { kind: 'settings', parameter: 'budgetDecision' },
      };
    },
  },
  threeYearPlan: {
    scope: 'plan',
    judge: (f) => ({
      goal: 'threeYearPlan',
      year: null,
      month: null,
      status: f.years.length >= 3 ? 'ok' : 'warning',
      value: f.years.length,
      limit: 3,
      detail: null,
      target: { kind: 'settings', parameter: 'yearCount' },
    }),
  },
};

export const GOAL_IDS = Object.keys(GOAL_JUDGES) as GoalId[];

function judge<G extends GoalId>(goal: G, goals: Goals, facts: { year: YearFacts } | { plan: PlanFacts }): Check | null {
  const settings = goals[goal];
  if (!settings.active) return null;
  const j: Judge<G> = GOAL_JUDGES[goal];
  if (j.scope === 'year' && 'year' in facts) return j.judge(facts.year, settings) as Check | null;
  if (j.scope === 'plan' && 'plan' in facts) return j.judge(facts.plan, settings) as Check | null;
  return null;
}

/** Every check of the plan: the year goals year by year, notes on interventions, then the whole plan's. */
export function evaluateGoals(plan: PlanFacts, goals: Goals): Check[] {
  const checks: Check[] = [];
  const push = (c: Check | null) => {
    if (c) checks.push(c);
  };
  plan.budget.forEach((budget, yi) => {
    const year: YearFacts = {
      year: budget.year,
      budget,
      balance: plan.balance[yi]!,
      months: plan.liquidity.filter((l) => monthOf(l.month).year === budget.year),
    };
    for (const g of GOAL_IDS) push(judge(g, goals, { year }));
  });
  plan.interventions.forEach((p, index) => {
    if (p.unspreadable > 0) {
      checks.push({
        goal: 'unspreadable',
        year: null,
        month: null,
        status: 'warning',
        value: p.unspreadable,
        limit: null,
        detail: { intervention: p.intervention.name },
        target: { kind: 'intervention', index, year: null },
      });
    }
  });
  for (const g of GOAL_IDS) push(judge(g, goals, { plan }));
  return checks;
}
