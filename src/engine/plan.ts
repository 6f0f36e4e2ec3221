/** computePlan: the whole computation from PlanInput to Plan. Pure. */
import { monthIndex, MonthIndex, monthOf } from './calendar';
import { evaluateGoals } from './goals';
import { planIntervention, PlanCalendar, spreadOverMonths } from './interventions';
import { Money, roundKrona, sum, ZERO } from './money';
import { firstOperatedMonth, splitYear } from './split';
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
  for (const y of input.years) {
    for (let m = firstOperatedMonth(y.months); m <= 12; m++) months.push(monthIndex(y.year, m));
  }
  return { years, months, firstMonth: months[0]!, lastMonth: months[months.length - 1]! };
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

function addTo(map: Map<MonthIndex, Money>, month: MonthIndex, value: Money): void {
  if (value.isZero()) return;
  map.set(month, (map.get(month) ?? ZERO).plus(value));
}

export function computePlan(input: PlanInput): Plan {
  const cal = planCalendar(input);
  const splits: YearSplit[] = input.years.map((y) => splitYear(input.settings, y, input.members));
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
  const inflow = new Map<MonthIndex, Money>();
  const committedOut = new Map<MonthIndex, Money>();
  const plannedOut = new Map<MonthIndex, Money>();

  input.years.forEach((y, yi) => {
    const split = splits[yi]!;
    const yearMonths = cal.months.filter((m) => monthOf(m).year === y.year);
    const december = monthIndex(y.year, 12);
    const lineAmounts = costLines.map((c) => ({ line: c.line, amount: c.years[yi]!.amount }));
    const operatingCosts = sum(lineAmounts.map((l) => l.amount));
    const depreciation = sum(lineAmounts.filter((l) => l.line.kind === 'depreciation').map((l) => l.amount));
    const ivAmounts = interventions.map((p) => ({ iv: p.intervention, amount: p.years[yi]!.amount }));
    const interventionCosts = sum(ivAmounts.map((x) => x.amount));
    const esfCosts = sum(lineAmounts.filter((l) => l.line.funding === 'esf').map((l) => l.amount)).plus(
      sum(ivAmounts.filter((x) => x.iv.funding === 'esf').map((x) => x.amount)),
    );
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
    const commitments = sum(
      interventions.filter((p) => p.intervention.status === 'decided').map((p) => p.years[yi]!.remainingAfter),
    );
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

    // ---- cash flows of the year
    split.quarterMonths.forEach((month, q) => {
      if (month !== null) addTo(inflow, monthIndex(y.year, month), split.quarterTotals[q]!);
    });
    const evenIncome = y.esfIncome.plus(y.otherIncome).plus(y.financialIncome);
    for (const [m, v] of spreadOverMonths(evenIncome, yearMonths)) {
      if (v.isNegative()) addTo(committedOut, m, v.negated());
      else addTo(inflow, m, v);
    }
    for (const [m, v] of spreadOverMonths(operatingCosts.minus(depreciation), yearMonths)) addTo(committedOut, m, v);
    for (const p of interventions) {
      const target = p.intervention.status === 'decided' ? committedOut : plannedOut;
      for (const m of yearMonths) addTo(target, m, p.monthly.get(m) ?? ZERO);
    }
    addTo(committedOut, december, y.investments);
    // Working capital: more receivables or fewer liabilities cost cash, and the reverse brings it.
    const workingCapital = deltaLiabilities.minus(deltaReceivables);
    if (workingCapital.isNegative()) addTo(committedOut, december, workingCapital.negated());
    else addTo(inflow, december, workingCapital);
  });

  // ---- liquidity and decision room
  const floor = input.goals.liquidity.active ? input.goals.liquidity.limit : ZERO;
  const horizon = input.goals.horizonMonths;
  const liquidity: LiquidityMonth[] = [];
  let cash = input.opening.cash;
  for (const m of cal.months) {
    const inM = inflow.get(m) ?? ZERO;
    const outM = (committedOut.get(m) ?? ZERO).plus(plannedOut.get(m) ?? ZERO);
    cash = cash.plus(inM).minus(outM);
    liquidity.push({
      month: m,
      inflow: inM,
      outflow: outM,
      cash,
      decisionRoom: null,
      decisionRoomAfterPlanned: null,
      plannedOutflow: plannedOut.get(m) ?? ZERO,
    });
  }
  liquidity.forEach((row, i) => {
    if (i + horizon >= liquidity.length) return;
    let room = row.cash.minus(floor);
    let planned = ZERO;
    for (let k = 1; k <= horizon; k++) {
      const next = liquidity[i + k]!;
      room = room.plus(inflow.get(next.month) ?? ZERO).minus(committedOut.get(next.month) ?? ZERO);
      planned = planned.plus(next.plannedOutflow);
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
