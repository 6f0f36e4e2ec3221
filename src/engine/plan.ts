/** computePlan: the whole computation from PlanInput to Plan. Pure. */
import { monthIndex, MonthIndex } from './calendar';
import { computeFollowUp, FollowUp, ForecastYear } from './followUp';
import { Check, evaluateGoals, Goals } from './goals';
import { planIntervention, PlanCalendar, spreadEvenly } from './interventions';
import { add, kr, Kronor, neg, sub, sumKr, ZERO_KR } from './kronor';
import { allocateByWeights, D, roundHalfAway } from './money';
import { firstOperatedMonth, splitYears } from './split';
import {
  type BalanceYear,
  type BudgetYear,
  type CostLine,
  type CostLinePlan,
  type Intervention,
  type InterventionPlan,
  type LiquidityMonth,
  type Member,
  type MonthSpread,
  type OpeningBalance,
  type Outcome,
  PARTIES,
  type Settings,
  type YearInput,
  type YearSplit,
} from './types';

/** Everything the computation needs, as parsed from the input sheets. */
export interface PlanInput {
  settings: Settings;
  years: YearInput[];
  members: Member[];
  interventions: Intervention[];
  costLines: CostLine[];
  opening: OpeningBalance;
  goals: Goals;
  /**
   * The actual outcome of a year through a month (`Utfall`, `Uppföljning till och med`): its year is a
   * plan year or the year before the first (a prognosis year, then the first of `years`).
   */
  outcome?: Outcome | null;
}

/** The computed plan: what the output sheets, the JSON and the pane show. */
export interface Plan {
  input: PlanInput;
  years: number[];
  splits: YearSplit[];
  interventions: InterventionPlan[];
  costLines: CostLinePlan[];
  budget: BudgetYear[];
  balance: BalanceYear[];
  liquidity: LiquidityMonth[];
  checks: Check[];
  /** The follow-up when the input has an outcome; the rows above then hold its year's forecast. */
  followUp: FollowUp | null;
}

export function planCalendar(input: PlanInput): PlanCalendar {
  const years = input.years.map((y) => y.year);
  const months: MonthIndex[] = [];
  const operatedFrom: MonthIndex[] = [];
  const yearEnd: MonthIndex[] = [];
  for (const y of input.years) {
    operatedFrom.push(monthIndex(y.year, firstOperatedMonth(y.months)));
    yearEnd.push(monthIndex(y.year, 12));
    for (let m = firstOperatedMonth(y.months); m <= 12; m++) months.push(monthIndex(y.year, m));
  }
  return { years, months, firstMonth: months[0]!, lastMonth: months[months.length - 1]!, operatedFrom, yearEnd };
}

export function planCostLines(input: PlanInput): CostLinePlan[] {
  return input.costLines.map((line) => {
    let previous: Kronor | null = null;
    const factor = line.growth.plus(1);
    const years = input.years.map(({ year }) => {
      const given = line.amounts.get(year);
      const amount: Kronor = given ?? (previous === null ? ZERO_KR : roundHalfAway(factor.times(previous)));
      previous = amount;
      return { year, amount };
    });
    return { line, years };
  });
}

/**
 * Cash flows per plan month, added up as runs: a run adds `base` to every month from..to and one
 * krona more to its first `extra` months. Difference arrays keep this to four additions per run.
 */
class MonthlyFlows {
  private readonly base: Kronor[];
  private readonly ones: Kronor[];
  constructor(private readonly position: Map<MonthIndex, number>) {
    this.base = new Array<Kronor>(position.size + 1).fill(ZERO_KR);
    this.ones = new Array<Kronor>(position.size + 1).fill(ZERO_KR);
  }
  addSpread(s: MonthSpread): void {
    const from = this.position.get(s.from)!;
    const to = this.position.get(s.to)!;
    if (s.base !== 0) {
      this.base[from] = add(this.base[from]!, s.base);
      this.base[to + 1] = sub(this.base[to + 1]!, s.base);
    }
    if (s.extra > 0) {
      this.ones[from] = add(this.ones[from]!, kr(1));
      this.ones[from + s.extra] = sub(this.ones[from + s.extra]!, kr(1));
    }
  }
  add(month: MonthIndex, value: Kronor): void {
    this.addSpread({ from: month, to: month, base: value, extra: 0 });
  }
  /** The flow of every month, in order. */
  totals(): Kronor[] {
    const result: Kronor[] = [];
    let base = ZERO_KR;
    let ones = ZERO_KR;
    for (let i = 0; i < this.position.size; i++) {
      base = add(base, this.base[i]!);
      ones = add(ones, this.ones[i]!);
      result.push(add(base, ones));
    }
    return result;
  }
}

/**
 * An instance kept for the module's life (never used).
 * V8 keeps a class's hidden classes only while an instance is alive: a full garbage collection that finds
 * none (between two refreshes) drops them, and with them the optimized code of every method that was
 * compiled against them, to be compiled again on the next refresh. At national scale that was a third
 * of a warm refresh (scripts/bench.js, which collects garbage before each run). This one instance,
 * alive as long as the module, keeps them.
 */
export const KEPT_FLOWS: unknown = new MonthlyFlows(new Map());

/**
 * What plans computed together (the base and its scenarios) may share: the split of each distinct year
 * and each intervention's plan, memoised by the caller. The functions must return what the plain ones would.
 */
export interface PlanSharing {
  splitYears?: typeof splitYears;
  planIntervention?: typeof planIntervention;
}

/**
 * The plan. With an outcome, the plan as budgeted is computed first, then the follow-up against it, and
 * the plan again with the follow-up year's forecast in place of its budget (domain.md, "Follow-up and
 * forecast"): the forecast drives the years after it, the goals and the room for new grants.
 */
export function computePlan(input: PlanInput, share: PlanSharing = {}): Plan {
  const outcome = input.outcome ?? null;
  const budgeted = computeYears(input, share, null);
  if (!outcome) return budgeted;
  const prognosisYear = outcome.year < input.settings.firstYear;
  const { followUp, forecast } = computeFollowUp({ ...budgeted, years: input.years }, outcome, prognosisYear);
  return { ...computeYears(input, share, forecast), followUp };
}

/** The parties' shares of a forecast of contributions, in proportion to the budget's (largest remainder). */
function forecastParties(total: Kronor, split: YearSplit): Record<(typeof PARTIES)[number], Kronor> {
  if (total === split.total) return split.parties;
  const weights = PARTIES.map((p) => ({ weight: split.parties[p], key: split.parties[p] }));
  const usable = weights.every((w) => Number.isSafeInteger(w.weight) && w.weight >= 0) && split.total > 0;
  const parts = usable ? allocateByWeights(total, weights) : PARTIES.map((p) => (p === 'state' ? total : ZERO_KR));
  return { state: parts[0]!, region: parts[1]!, municipalities: parts[2]! };
}

/** Per plan year: the interventions' cost, its ESF-funded part, and what decided ones still commit after it. */
interface InterventionYearSums {
  costs: Kronor;
  esfCosts: Kronor;
  commitments: Kronor;
}

/**
 * One pass over the interventions (each one's years lie together): their monthly cash flows into
 * `committed` (decided) or `planned`, and the sums of each plan year. A function of its own: the loop
 * over every intervention is what V8 optimizes, without the rest of computeYears (ARCHITECTURE.md).
 */
function addInterventions(
  interventions: readonly InterventionPlan[],
  yearCount: number,
  committed: MonthlyFlows,
  planned: MonthlyFlows,
): InterventionYearSums[] {
  const sums: InterventionYearSums[] = [];
  for (let yi = 0; yi < yearCount; yi++) sums.push({ costs: ZERO_KR, esfCosts: ZERO_KR, commitments: ZERO_KR });
  // Indexed loops: a for…of allocates an iterator result per step until V8 optimizes it.
  for (let i = 0; i < interventions.length; i++) {
    const p = interventions[i]!;
    const decided = p.intervention.status === 'decided';
    const esf = p.intervention.funding === 'esf';
    const target = decided ? committed : planned;
    for (let k = 0; k < p.spreads.length; k++) target.addSpread(p.spreads[k]!);
    for (let yi = 0; yi < p.years.length; yi++) {
      const { amount, remainingAfter } = p.years[yi]!;
      const year = sums[yi]!;
      if (amount !== 0) {
        year.costs = add(year.costs, amount);
        if (esf) year.esfCosts = add(year.esfCosts, amount);
      }
      if (decided && remainingAfter !== 0) year.commitments = add(year.commitments, remainingAfter);
    }
  }
  return sums;
}

function computeYears(input: PlanInput, share: PlanSharing, forecast: ForecastYear | null): Plan {
  const cal = planCalendar(input);
  const splits: YearSplit[] = (share.splitYears ?? splitYears)(input.settings, input.years, input.members);
  const plan = share.planIntervention ?? planIntervention;
  const interventions: InterventionPlan[] = input.interventions.map((iv, j) => {
    if (!forecast) return plan(iv, cal);
    // Planned with the forecast year's amount given; the plan still names the intervention as entered.
    const planned = plan({ ...iv, yearAmounts: forecast.interventionYearAmounts[j]! }, cal);
    return { ...planned, intervention: iv, unspreadable: forecast.unspreadable[j]! };
  });
  const costLines = planCostLines(input);
  if (forecast) {
    const fi = input.years.findIndex((y) => y.year === forecast.year);
    costLines.forEach((c, i) => (c.years[fi] = { year: forecast.year, amount: forecast.costLines[i]! }));
  }

  // ---- budget and balance, year by year
  const budget: BudgetYear[] = [];
  const balance: BalanceYear[] = [];
  let equity = input.opening.equity;
  let fixedAssets = input.opening.fixedAssets;
  let receivables = input.opening.receivables;
  let shortTerm = input.opening.shortTermLiabilities;
  let longTerm = input.opening.longTermLiabilities;
  // Month-by-month flows, filled while walking the years.
  const position = new Map(cal.months.map((m, i) => [m, i]));
  const inflowFlows = new MonthlyFlows(position);
  const committedFlows = new MonthlyFlows(position);
  const plannedFlows = new MonthlyFlows(position);
  const ivYears = addInterventions(interventions, input.years.length, committedFlows, plannedFlows);

  input.years.forEach((planned, yi) => {
    const split = splits[yi]!;
    // The follow-up year takes its forecast income (the split stays what members are invoiced).
    const forecastYear = forecast && forecast.year === planned.year ? forecast : null;
    const y: YearInput = forecastYear
      ? {
          ...planned,
          esfIncome: forecastYear.esfIncome,
          otherIncome: forecastYear.otherIncome,
          financialIncome: forecastYear.financialIncome,
        }
      : planned;
    const contributions = forecastYear ? forecastYear.contributions : split.total;
    const december = monthIndex(y.year, 12);
    const lineAmounts = costLines.map((c) => ({ line: c.line, amount: c.years[yi]!.amount }));
    const operatingCosts = sumKr(lineAmounts.map((l) => l.amount));
    const depreciation = sumKr(lineAmounts.filter((l) => l.line.kind === 'depreciation').map((l) => l.amount));
    const { costs: interventionCosts, esfCosts: esfInterventionCosts, commitments } = ivYears[yi]!;
    const esfCosts = add(sumKr(lineAmounts.filter((l) => l.line.funding === 'esf').map((l) => l.amount)), esfInterventionCosts);
    const income = add(add(contributions, y.esfIncome), y.otherIncome);
    const operatingResult = sub(sub(income, operatingCosts), interventionCosts);
    const result = add(operatingResult, y.financialIncome);
    const equityStart = equity;
    equity = add(equity, result);
    budget.push({
      year: y.year,
      annualContributions:
        contributions === split.total
          ? y.contributions
          : y.months === 12
            ? contributions
            : roundHalfAway(new D(contributions).times(12).dividedBy(y.months)),
      contributions,
      contributionsByParty: forecastParties(contributions, split),
      esfIncome: y.esfIncome,
      otherIncome: y.otherIncome,
      operatingCosts,
      depreciation,
      interventionCosts,
      esfCosts,
      operatingResult,
      financialIncome: y.financialIncome,
      result,
      equityStart,
      equityEnd: equity,
    });

    const newReceivables = y.receivables ?? receivables;
    const newShort = y.shortTermLiabilities ?? shortTerm;
    const newLong = y.longTermLiabilities ?? longTerm;
    const deltaReceivables = sub(newReceivables, receivables);
    const deltaLiabilities = add(sub(newShort, shortTerm), sub(newLong, longTerm));
    fixedAssets = sub(add(fixedAssets, y.investments), depreciation);
    receivables = newReceivables;
    shortTerm = newShort;
    longTerm = newLong;
    const cash = sub(sub(add(add(equity, shortTerm), longTerm), fixedAssets), receivables);
    balance.push({
      year: y.year,
      fixedAssets,
      receivables,
      cash,
      equity,
      shortTermLiabilities: shortTerm,
      longTermLiabilities: longTerm,
      commitments,
    });

    // ---- cash flows of the year (interventions were added above)
    const firstOperated = cal.operatedFrom[yi]!;
    split.quarterMonths.forEach((month, q) => {
      if (month !== null) inflowFlows.add(monthIndex(y.year, month), split.quarterTotals[q]!);
    });
    const evenIncome = add(add(y.esfIncome, y.otherIncome), y.financialIncome);
    if (evenIncome < 0) committedFlows.addSpread(spreadEvenly(neg(evenIncome), firstOperated, december));
    else inflowFlows.addSpread(spreadEvenly(evenIncome, firstOperated, december));
    committedFlows.addSpread(spreadEvenly(sub(operatingCosts, depreciation), firstOperated, december));
    committedFlows.add(december, y.investments);
    // Working capital: more receivables or fewer liabilities cost cash, and the reverse brings it.
    const workingCapital = sub(deltaLiabilities, deltaReceivables);
    if (workingCapital < 0) committedFlows.add(december, neg(workingCapital));
    else inflowFlows.add(december, workingCapital);
  });

  // ---- liquidity and decision room
  const floor = input.goals.liquidity.active ? input.goals.liquidity.limit : ZERO_KR;
  const horizon = input.goals.horizonMonths;
  const inflow = inflowFlows.totals();
  const committedOut = committedFlows.totals();
  const plannedOut = plannedFlows.totals();
  if (forecast) {
    // The forecast year's months: actual cash through the follow-up month, the plan after it.
    for (const [month, f] of forecast.flows) {
      const i = position.get(month)!;
      inflow[i] = f.inflow;
      committedOut[i] = f.committed;
      plannedOut[i] = f.planned;
    }
  }
  const liquidity: LiquidityMonth[] = [];
  let cash = input.opening.cash;
  cal.months.forEach((m, i) => {
    const outM = add(committedOut[i]!, plannedOut[i]!);
    cash = sub(add(cash, inflow[i]!), outM);
    liquidity.push({
      month: m,
      inflow: inflow[i]!,
      outflow: outM,
      cash,
      decisionRoom: null,
      decisionRoomAfterPlanned: null,
      plannedOutflow: plannedOut[i]!,
    });
  });
  liquidity.forEach((row, i) => {
    if (i + horizon >= liquidity.length) return;
    let room = sub(row.cash, floor);
    let planned = ZERO_KR;
    for (let k = 1; k <= horizon; k++) {
      room = sub(add(room, inflow[i + k]!), committedOut[i + k]!);
      planned = add(planned, plannedOut[i + k]!);
    }
    row.decisionRoom = room;
    row.decisionRoomAfterPlanned = sub(room, planned);
  });

  const facts = { settings: input.settings, years: cal.years, budget, balance, liquidity, interventions };
  // A prognosis year is no plan year for the goals about the plan as a whole (three-year plan).
  const planYears = cal.years.filter((year) => year >= input.settings.firstYear);
  const checks = evaluateGoals({ ...facts, years: planYears }, input.goals);
  return { input, splits, costLines, ...facts, checks, followUp: null };
}
