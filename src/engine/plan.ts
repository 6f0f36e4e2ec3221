/** computePlan: the whole computation from PlanInput to Plan. Pure. */
import { monthIndex, MonthIndex } from './calendar';
import { evaluateGoals } from './goals';
import { MonthSpread, planIntervention, PlanCalendar, spreadEvenly } from './interventions';
import { Money, roundKrona, sum, ZERO } from './money';
import { firstOperatedMonth, splitYears } from './split';
import type {
  BalanceYear,
  BudgetYear,
  CostLinePlan,
  InterventionPlan,
  LiquidityMonth,
  Plan,
  PlanInput,
  YearSplit,
} from './types';

export function planCalendar(input: PlanInput): PlanCalendar {
  const years = input.years.map((y) => y.year);
  const months: MonthIndex[] = [];
  const firstOperated = new Map<number, MonthIndex>();
  for (const y of input.years) {
    firstOperated.set(y.year, monthIndex(y.year, firstOperatedMonth(y.months)));
    for (let m = firstOperatedMonth(y.months); m <= 12; m++) months.push(monthIndex(y.year, m));
  }
  return { years, months, firstMonth: months[0]!, lastMonth: months[months.length - 1]!, firstOperated };
}

export function planCostLines(input: PlanInput): CostLinePlan[] {
  return input.costLines.map((line) => {
    let previous: Money | null = null;
    const years = input.years.map(({ year }) => {
      const given = line.amounts.get(year);
      const amount: Money = given ?? (previous === null ? ZERO : roundKrona(previous.times(line.growth.plus(1))));
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
  private readonly base: Money[];
  private readonly ones: Money[];
  constructor(private readonly position: Map<MonthIndex, number>) {
    this.base = new Array<Money>(position.size + 1).fill(ZERO);
    this.ones = new Array<Money>(position.size + 1).fill(ZERO);
  }
  addSpread(s: MonthSpread): void {
    const from = this.position.get(s.from)!;
    const to = this.position.get(s.to)!;
    if (!s.base.isZero()) {
      this.base[from] = this.base[from]!.plus(s.base);
      this.base[to + 1] = this.base[to + 1]!.minus(s.base);
    }
    if (s.extra > 0) {
      this.ones[from] = this.ones[from]!.plus(1);
      this.ones[from + s.extra] = this.ones[from + s.extra]!.minus(1);
    }
  }
  add(month: MonthIndex, value: Money): void {
    this.addSpread({ from: month, to: month, base: value, extra: 0 });
  }
  /** The flow of every month, in order. */
  totals(): Money[] {
    const result: Money[] = [];
    let base = ZERO;
    let ones = ZERO;
    for (let i = 0; i < this.position.size; i++) {
      base = base.plus(this.base[i]!);
      ones = ones.plus(this.ones[i]!);
      result.push(base.plus(ones));
    }
    return result;
  }
}

export function computePlan(input: PlanInput): Plan {
  const cal = planCalendar(input);
  const splits: YearSplit[] = splitYears(input.settings, input.years, input.members);
  const interventions: InterventionPlan[] = input.interventions.map((iv) => planIntervention(iv, cal));
  const costLines = planCostLines(input);

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
  for (const p of interventions) {
    const target = p.intervention.status === 'decided' ? committedFlows : plannedFlows;
    for (const s of p.spreads) target.addSpread(s);
  }

  input.years.forEach((y, yi) => {
    const split = splits[yi]!;
    const december = monthIndex(y.year, 12);
    const lineAmounts = costLines.map((c) => ({ line: c.line, amount: c.years[yi]!.amount }));
    const operatingCosts = sum(lineAmounts.map((l) => l.amount));
    const depreciation = sum(lineAmounts.filter((l) => l.line.kind === 'depreciation').map((l) => l.amount));
    // One pass over the interventions: their cost this year, the ESF-funded part, and what decided
    // ones still commit after the year.
    let interventionCosts = ZERO;
    let esfInterventionCosts = ZERO;
    let commitments = ZERO;
    for (const p of interventions) {
      const { amount, remainingAfter } = p.years[yi]!;
      if (!amount.isZero()) {
        interventionCosts = interventionCosts.plus(amount);
        if (p.intervention.funding === 'esf') esfInterventionCosts = esfInterventionCosts.plus(amount);
      }
      if (p.intervention.status === 'decided' && !remainingAfter.isZero()) commitments = commitments.plus(remainingAfter);
    }
    const esfCosts = sum(lineAmounts.filter((l) => l.line.funding === 'esf').map((l) => l.amount)).plus(esfInterventionCosts);
    const income = split.total.plus(y.esfIncome).plus(y.otherIncome);
    const operatingResult = income.minus(operatingCosts).minus(interventionCosts);
    const result = operatingResult.plus(y.financialIncome);
    const equityStart = equity;
    equity = equity.plus(result);
    budget.push({
      year: y.year,
      annualContributions: y.contributions,
      contributions: split.total,
      contributionsByParty: split.parties,
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
    const deltaReceivables = newReceivables.minus(receivables);
    const deltaLiabilities = newShort.minus(shortTerm).plus(newLong.minus(longTerm));
    fixedAssets = fixedAssets.plus(y.investments).minus(depreciation);
    receivables = newReceivables;
    shortTerm = newShort;
    longTerm = newLong;
    const cash = equity.plus(shortTerm).plus(longTerm).minus(fixedAssets).minus(receivables);
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
    const firstOperated = cal.firstOperated.get(y.year)!;
    split.quarterMonths.forEach((month, q) => {
      if (month !== null) inflowFlows.add(monthIndex(y.year, month), split.quarterTotals[q]!);
    });
    const evenIncome = y.esfIncome.plus(y.otherIncome).plus(y.financialIncome);
    if (evenIncome.isNegative()) committedFlows.addSpread(spreadEvenly(evenIncome.negated(), firstOperated, december));
    else inflowFlows.addSpread(spreadEvenly(evenIncome, firstOperated, december));
    committedFlows.addSpread(spreadEvenly(operatingCosts.minus(depreciation), firstOperated, december));
    committedFlows.add(december, y.investments);
    // Working capital: more receivables or fewer liabilities cost cash, and the reverse brings it.
    const workingCapital = deltaLiabilities.minus(deltaReceivables);
    if (workingCapital.isNegative()) committedFlows.add(december, workingCapital.negated());
    else inflowFlows.add(december, workingCapital);
  });

  // ---- liquidity and decision room
  const floor = input.goals.liquidity.active ? input.goals.liquidity.limit : ZERO;
  const horizon = input.goals.horizonMonths;
  const inflow = inflowFlows.totals();
  const committedOut = committedFlows.totals();
  const plannedOut = plannedFlows.totals();
  const liquidity: LiquidityMonth[] = [];
  let cash = input.opening.cash;
  cal.months.forEach((m, i) => {
    const outM = committedOut[i]!.plus(plannedOut[i]!);
    cash = cash.plus(inflow[i]!).minus(outM);
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
    let room = row.cash.minus(floor);
    let planned = ZERO;
    for (let k = 1; k <= horizon; k++) {
      room = room.plus(inflow[i + k]!).minus(committedOut[i + k]!);
      planned = planned.plus(plannedOut[i + k]!);
    }
    row.decisionRoom = room;
    row.decisionRoomAfterPlanned = room.minus(planned);
  });

  const plan: Plan = {
    input,
    years: cal.years,
    splits,
    interventions,
    costLines,
    budget,
    balance,
    liquidity,
    checks: [],
  };
  plan.checks = evaluateGoals(plan);
  return plan;
}
