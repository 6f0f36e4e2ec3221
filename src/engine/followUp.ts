/**
 * Follow-up and forecast (domain.md, "Follow-up and forecast"): with the actual outcome of year Y
 * through month M, each line's budget to date, actual to date and forecast for the year, and the
 * forecast year that then replaces Y's planned figures in the plan (computePlan does the replacing).
 * Pure; whole kronor throughout, per cent only as exact decimals.
 *
 * - Budget per month of a line: cost lines and income lines evenly over the months operated (the
 *   domain's spread), interventions as spread in `Likviditet`. Budget to date = the months through M.
 * - Forecast = actual through M + the budget of the months after M, unless `Prognos helår` is given.
 * - Cash of the forecast year: each group of flows that `Likviditet` adds up (contributions, the other
 *   income, operating costs, decided and planned interventions) takes its actual amounts in the months
 *   through M and its planned cash after M; what the group's forecast for the year still lacks (a
 *   `Prognos helår`, or contributions paid per quarter but booked per month) is spread evenly over the
 *   months after M. So the year's cash flows add up to the forecast exactly, and December's cash equals
 *   the forecast balance's cash.
 */
import { monthIndex, monthOf, MonthIndex } from './calendar';
import { amountInMonth, spreadEvenly } from './interventions';
import { add, Kronor, neg, sub, sumKr, ZERO_KR } from './kronor';
import { D, Ratio } from './money';
import { firstOperatedMonth } from './split';
import type {
  BalanceYear,
  BudgetYear,
  CostLinePlan,
  IncomeLine,
  InterventionPlan,
  LiquidityMonth,
  MonthSpread,
  Outcome,
  OutcomeLine,
  YearInput,
  YearSplit,
} from './types';
import { INCOME_LINES } from './types';

/** What the follow-up needs of the plan as budgeted (a Plan has all of it). */
export interface BudgetFacts {
  years: readonly YearInput[];
  splits: readonly YearSplit[];
  costLines: readonly CostLinePlan[];
  interventions: readonly InterventionPlan[];
  budget: readonly BudgetYear[];
  balance: readonly BalanceYear[];
  liquidity: readonly LiquidityMonth[];
}

export type FollowUpKind = 'income' | 'cost' | 'intervention';

/** One line of the follow-up, amounts positive (income as income, costs as cost). */
export interface FollowUpLine {
  kind: FollowUpKind;
  /** The income line (kind `income`), else null. */
  income: IncomeLine | null;
  /** Index into the plan's cost lines or interventions (-1 for income). */
  index: number;
  budgetYear: Kronor;
  budgetToDate: Kronor;
  actualToDate: Kronor;
  forecastYear: Kronor;
  /** Whether the forecast is the line's own `Prognos helår`. */
  forecastGiven: boolean;
  /** Budget and actual per month of the year, January to December (actual 0 after M). */
  budgetMonths: Kronor[];
  actualMonths: Kronor[];
  /** Interventions: granted in all (`Budget totalt`), used in all (before + this year's actual), remaining. */
  granted: Kronor | null;
  usedInAll: Kronor | null;
  remaining: Kronor | null;
}

export interface FollowUp {
  year: number;
  /** `Uppföljning till och med`. */
  through: MonthIndex;
  /** The year before the first plan year (shown first, as `Prognos Y`). */
  prognosisYear: boolean;
  lines: FollowUpLine[];
  /** The year as budgeted (the plan's rows for the year hold the forecast). */
  budget: BudgetYear;
  balance: BalanceYear;
}

/** The forecast year that replaces the planned one in computePlan. */
export interface ForecastYear {
  year: number;
  /** The year's amount per cost line (in the plan's order). */
  costLines: Kronor[];
  /** Each intervention's given year amounts, the year's forecast among them. */
  interventionYearAmounts: ReadonlyMap<number, Kronor>[];
  /**
   * Each intervention's money that no month can take, as budgeted: what a forecast leaves unused of an
   * intervention whose months are over is unused (it stays in `remainingAfter`), no note on the input.
   */
  unspreadable: Kronor[];
  contributions: Kronor;
  esfIncome: Kronor;
  otherIncome: Kronor;
  financialIncome: Kronor;
  /** Cash flows of the year's operated months, replacing the computed ones. */
  flows: Map<MonthIndex, { inflow: Kronor; committed: Kronor; planned: Kronor }>;
}

/** Deviation = actual − budget (for costs, positive is an overrun). */
export const deviationToDate = (l: Pick<FollowUpLine, 'actualToDate' | 'budgetToDate'>): Kronor =>
  sub(l.actualToDate, l.budgetToDate);
export const deviationYear = (l: Pick<FollowUpLine, 'forecastYear' | 'budgetYear'>): Kronor => sub(l.forecastYear, l.budgetYear);
/** A deviation in per cent of the budget, exactly (null when the budget is 0). */
export function percentOf(deviation: Kronor, budget: Kronor): Ratio | null {
  return budget === 0 ? null : new D(deviation).times(100).dividedBy(budget);
}

/** The sums of the follow-up: income, operating costs, interventions, all costs, and the result. */
export interface FollowUpSums {
  income: FollowUpFigures;
  operatingCosts: FollowUpFigures;
  interventions: FollowUpFigures;
  costs: FollowUpFigures;
  /** Income − costs. */
  result: FollowUpFigures;
}
export type FollowUpFigures = Pick<FollowUpLine, 'budgetYear' | 'budgetToDate' | 'actualToDate' | 'forecastYear'>;
const FIGURES = ['budgetYear', 'budgetToDate', 'actualToDate', 'forecastYear'] as const;

function sumFigures(lines: readonly FollowUpFigures[]): FollowUpFigures {
  const out = {} as Record<(typeof FIGURES)[number], Kronor>;
  for (const f of FIGURES) out[f] = sumKr(lines.map((l) => l[f]));
  return out;
}

export function followUpSums(fu: FollowUp): FollowUpSums {
  const of = (kind: FollowUpKind) => fu.lines.filter((l) => l.kind === kind);
  const income = sumFigures(of('income'));
  const operatingCosts = sumFigures(of('cost'));
  const interventions = sumFigures(of('intervention'));
  const costs = sumFigures([operatingCosts, interventions]);
  const result = {} as Record<(typeof FIGURES)[number], Kronor>;
  for (const f of FIGURES) result[f] = sub(income[f], costs[f]);
  return { income, operatingCosts, interventions, costs, result };
}

/** Deviations beyond this are marked: at least 10 % of the budget to date and at least 25 000 kr. */
export const DEVIATION_MARK = { percent: 10, kronor: 25_000 } as const;

/** Whether a line's deviation to date is beyond the threshold (a line without budget: its amount alone). */
export function isMarked(l: FollowUpFigures): boolean {
  const dev = deviationToDate(l);
  if (Math.abs(dev) < DEVIATION_MARK.kronor) return false;
  const pct = percentOf(dev, l.budgetToDate);
  return pct === null || pct.abs().greaterThanOrEqualTo(DEVIATION_MARK.percent);
}

/** The marked lines, the largest deviation to date first (ties: the larger forecast deviation, then order). */
export function largestDeviations(fu: FollowUp, max = 5): FollowUpLine[] {
  return fu.lines
    .map((l, i) => ({ l, i }))
    .filter((x) => isMarked(x.l))
    .sort(
      (a, b) =>
        Math.abs(deviationToDate(b.l)) - Math.abs(deviationToDate(a.l)) ||
        Math.abs(deviationYear(b.l)) - Math.abs(deviationYear(a.l)) ||
        a.i - b.i,
    )
    .slice(0, max)
    .map((x) => x.l);
}

/** The twelve months of a year, as indices. */
const yearMonths = (year: number): MonthIndex[] => Array.from({ length: 12 }, (_, k) => monthIndex(year, k + 1));

function spreadMonths(s: MonthSpread | null, months: readonly MonthIndex[]): Kronor[] {
  return months.map((m) => (s ? amountInMonth(s, m) : ZERO_KR));
}

const postKey = (l: OutcomeLine): string =>
  l.post.kind === 'income' ? `income:${l.post.line}` : `${l.post.kind}:${l.post.index}`;

/** Spread `amount` evenly over `months` (consecutive or not): ⌊amount/n⌋ each, one krona more to the first. */
function evenOver(amount: Kronor, months: readonly MonthIndex[], into: Map<MonthIndex, Kronor>): void {
  if (amount === 0 || months.length === 0) return;
  const s = spreadEvenly(amount, 0, months.length - 1);
  months.forEach((m, k) => into.set(m, add(into.get(m) ?? ZERO_KR, amountInMonth(s, k))));
}

/**
 * The follow-up of `outcome.year` against the budgeted plan, and the forecast year that replaces it.
 * @param prognosisYear whether the year is the one before the first plan year.
 */
export function computeFollowUp(
  base: BudgetFacts,
  outcome: Outcome,
  prognosisYear: boolean,
): { followUp: FollowUp; forecast: ForecastYear } {
  const Y = outcome.year;
  const yi = base.years.findIndex((y) => y.year === Y);
  if (yi < 0) throw new Error('computeFollowUp: the year is not in the plan');
  const y = base.years[yi]!;
  const budget = base.budget[yi]!;
  const split = base.splits[yi]!;
  const months = yearMonths(Y);
  const first = monthIndex(Y, firstOperatedMonth(y.months));
  const december = monthIndex(Y, 12);
  const M = outcome.through;
  const throughK = monthOf(M).month; // months 1..throughK are to date
  const byPost = new Map(outcome.lines.map((l) => [postKey(l), l]));

  const line = (
    kind: FollowUpKind,
    income: IncomeLine | null,
    index: number,
    key: string,
    budgetMonths: Kronor[],
    extra: Pick<FollowUpLine, 'granted' | 'usedInAll' | 'remaining'> = { granted: null, usedInAll: null, remaining: null },
  ): FollowUpLine => {
    const o = byPost.get(key);
    const actualMonths = months.map((m, k) => (k < throughK ? (o?.months.get(m) ?? ZERO_KR) : ZERO_KR));
    const budgetYear = sumKr(budgetMonths);
    const budgetToDate = sumKr(budgetMonths.slice(0, throughK));
    const actualToDate = sumKr(actualMonths);
    const given = o?.forecast ?? null;
    const forecastYear = given ?? add(actualToDate, sub(budgetYear, budgetToDate));
    return {
      kind,
      income,
      index,
      budgetYear,
      budgetToDate,
      actualToDate,
      forecastYear,
      forecastGiven: given !== null,
      budgetMonths,
      actualMonths,
      ...extra,
    };
  };
  const even = (amount: Kronor) => spreadMonths(spreadEvenly(amount, first, december), months);

  const incomeAmount: Record<IncomeLine, Kronor> = {
    contributions: budget.contributions,
    esfIncome: budget.esfIncome,
    otherIncome: budget.otherIncome,
    financialIncome: budget.financialIncome,
  };
  const lines: FollowUpLine[] = [];
  for (const inc of INCOME_LINES) lines.push(line('income', inc, -1, `income:${inc}`, even(incomeAmount[inc])));
  base.costLines.forEach((c, i) => lines.push(line('cost', null, i, `cost:${i}`, even(c.years[yi]!.amount))));
  base.interventions.forEach((p, j) => {
    const budgetMonths = months.map((m) => sumKr(p.spreads.map((s) => amountInMonth(s, m))));
    const o = byPost.get(`intervention:${j}`);
    const actual = o ? sumKr([...o.months].filter(([m]) => m <= M && monthOf(m).year === Y).map(([, a]) => a)) : ZERO_KR;
    const remainingAtStartOfYear = yi === 0 ? p.remainingAtStart : p.years[yi - 1]!.remainingAfter;
    const total = p.intervention.total;
    const usedInAll = add(sub(total, remainingAtStartOfYear), actual);
    lines.push(
      line('intervention', null, j, `intervention:${j}`, budgetMonths, {
        granted: total,
        usedInAll,
        remaining: sub(total, usedInAll),
      }),
    );
  });
  const followUp: FollowUp = { year: Y, through: M, prognosisYear, lines, budget, balance: base.balance[yi]! };

  // ---- the forecast year's cash, group by group (see the module comment)
  const operated = base.liquidity.filter((l) => monthOf(l.month).year === Y).map((l) => l.month);
  const after = operated.filter((m) => m > M);
  const upTo = (m: MonthIndex) => (m < first ? first : m); // actuals before the first operated month
  type Group = 'contributions' | 'evenIncome' | 'operating' | 'decided' | 'planned';
  const planCash = new Map<Group, Map<MonthIndex, Kronor>>();
  const put = (g: Group, m: MonthIndex, v: Kronor) => {
    const map = planCash.get(g) ?? new Map<MonthIndex, Kronor>();
    map.set(m, add(map.get(m) ?? ZERO_KR, v));
    planCash.set(g, map);
  };
  split.quarterMonths.forEach((qm, q) => {
    if (qm !== null) put('contributions', monthIndex(Y, qm), split.quarterTotals[q]!);
  });
  const evenIncome = add(add(y.esfIncome, y.otherIncome), y.financialIncome);
  const evenSpread = spreadEvenly(evenIncome < 0 ? neg(evenIncome) : evenIncome, first, december);
  const opSpread = spreadEvenly(sub(budget.operatingCosts, budget.depreciation), first, december);
  for (const m of operated) {
    const e = amountInMonth(evenSpread, m);
    put('evenIncome', m, evenIncome < 0 ? neg(e) : e);
    put('operating', m, amountInMonth(opSpread, m));
  }
  for (const p of base.interventions) {
    const g: Group = p.intervention.status === 'decided' ? 'decided' : 'planned';
    for (const s of p.spreads) for (const m of operated) put(g, m, amountInMonth(s, m));
  }
  const groupOf = (l: FollowUpLine): Group | null => {
    if (l.kind === 'income') return l.income === 'contributions' ? 'contributions' : 'evenIncome';
    if (l.kind === 'cost') return base.costLines[l.index]!.line.kind === 'depreciation' ? null : 'operating';
    return base.interventions[l.index]!.intervention.status === 'decided' ? 'decided' : 'planned';
  };
  const forecastCash = new Map<Group, Map<MonthIndex, Kronor>>();
  for (const g of ['contributions', 'evenIncome', 'operating', 'decided', 'planned'] as const) {
    const members = lines.filter((l) => groupOf(l) === g);
    const cash = new Map<MonthIndex, Kronor>();
    for (const l of members)
      l.actualMonths.forEach((a, k) => {
        if (a !== 0) cash.set(upTo(months[k]!), add(cash.get(upTo(months[k]!)) ?? ZERO_KR, a));
      });
    const plan = planCash.get(g) ?? new Map<MonthIndex, Kronor>();
    for (const m of after) cash.set(m, add(cash.get(m) ?? ZERO_KR, plan.get(m) ?? ZERO_KR));
    const total = sumKr(members.map((l) => l.forecastYear));
    const missing = sub(total, sumKr([...cash.values()]));
    evenOver(missing, after.length > 0 ? after : [operated[operated.length - 1] ?? december], cash);
    forecastCash.set(g, cash);
  }
  const flows: ForecastYear['flows'] = new Map();
  for (const l of base.liquidity) {
    if (monthOf(l.month).year !== Y) continue;
    const delta = (g: Group) => sub(forecastCash.get(g)!.get(l.month) ?? ZERO_KR, planCash.get(g)?.get(l.month) ?? ZERO_KR);
    let inflow = add(add(l.inflow, delta('contributions')), delta('evenIncome'));
    let committed = add(add(sub(l.outflow, l.plannedOutflow), delta('operating')), delta('decided'));
    let planned = add(l.plannedOutflow, delta('planned'));
    // A negative flow is one in the other direction (refunds, income below what was paid out).
    if (planned < 0) {
      inflow = sub(inflow, planned);
      planned = ZERO_KR;
    }
    if (committed < 0) {
      inflow = sub(inflow, committed);
      committed = ZERO_KR;
    }
    if (inflow < 0) {
      committed = sub(committed, inflow);
      inflow = ZERO_KR;
    }
    flows.set(l.month, { inflow, committed, planned });
  }

  const forecastOf = (kind: FollowUpKind, index: number) => lines.find((l) => l.kind === kind && l.index === index)!.forecastYear;
  const incomeForecast = (inc: IncomeLine) => lines.find((l) => l.income === inc)!.forecastYear;
  const interventionYearAmounts = base.interventions.map((p, j) => {
    const f = forecastOf('intervention', j);
    const amounts = new Map(p.intervention.yearAmounts);
    // The years before are as planned; the year itself is its forecast.
    base.years.forEach((earlier, k) => {
      if (earlier.year < Y) amounts.set(earlier.year, p.years[k]!.amount);
    });
    amounts.set(Y, f);
    // What remains after the year follows from the forecast, spread over the later years as planned;
    // a forecast beyond what remains keeps the later years as planned (the remainder goes negative).
    const given = sumKr([...amounts.values()]);
    if (given > p.remainingAtStart) {
      base.years.forEach((later, k) => {
        if (later.year > Y) amounts.set(later.year, p.years[k]!.amount);
      });
    }
    return amounts;
  });
  const forecast: ForecastYear = {
    year: Y,
    costLines: base.costLines.map((_, i) => forecastOf('cost', i)),
    interventionYearAmounts,
    unspreadable: base.interventions.map((p) => p.unspreadable),
    contributions: incomeForecast('contributions'),
    esfIncome: incomeForecast('esfIncome'),
    otherIncome: incomeForecast('otherIncome'),
    financialIncome: incomeForecast('financialIncome'),
    flows,
  };
  return { followUp, forecast };
}
