/** The board's financial goals, judged per plan year (or month) and for the plan as a whole. */
import { compareDates, isoDate as isoOf, monthOf, YMD } from './calendar';
import { Money, roundKrona } from './money';
import type { Check, Plan } from './types';

function minBy<T>(items: readonly T[], value: (t: T) => Money): T | undefined {
  let best: T | undefined;
  for (const it of items) if (best === undefined || value(it).lessThan(value(best))) best = it;
  return best;
}

export function evaluateGoals(plan: Plan): Check[] {
  const { goals, settings } = plan.input;
  const checks: Check[] = [];

  plan.budget.forEach((b, yi) => {
    const year = b.year;
    const months = plan.liquidity.filter((l) => monthOf(l.month).year === year);
    const bal = plan.balance[yi]!;

    if (goals.liquidity.active && months.length > 0) {
      const worst = minBy(months, (l) => l.cash)!;
      checks.push({
        goal: 'liquidity',
        year,
        month: worst.month,
        status: worst.cash.greaterThanOrEqualTo(goals.liquidity.limit) ? 'ok' : 'failed',
        value: worst.cash,
        limit: goals.liquidity.limit,
        detail: { code: 'liquidity', worstMonth: worst.month },
        target: { kind: 'liquidityCash', month: worst.month },
      });
    }

    if (goals.decisionRoom.active) {
      const judged = months.filter((l) => l.decisionRoom !== null);
      const worst = minBy(judged, (l) => l.decisionRoom!);
      checks.push({
        goal: 'decisionRoom',
        year,
        month: worst ? worst.month : null,
        status: worst ? (worst.decisionRoom!.greaterThanOrEqualTo(goals.decisionRoom.limit) ? 'ok' : 'failed') : 'warning',
        value: worst ? worst.decisionRoom : null,
        limit: goals.decisionRoom.limit,
        detail: {
          code: 'decisionRoom',
          worstMonth: worst ? worst.month : null,
          afterPlanned: worst ? worst.decisionRoomAfterPlanned : null,
        },
        target: worst ? { kind: 'decisionRoom', month: worst.month } : null,
      });
    }

    if (goals.minContributions.active) {
      checks.push({
        goal: 'minContributions',
        year,
        month: null,
        status: b.annualContributions.greaterThanOrEqualTo(goals.minContributions.limit) ? 'ok' : 'warning',
        value: b.annualContributions,
        limit: goals.minContributions.limit,
        detail: { code: 'minContributions' },
        target: { kind: 'budget', year, line: 'annualContributions' },
      });
    }

    if (goals.maxEquity.active && goals.maxEquity.limit) {
      const lim = goals.maxEquity.limit;
      const limit = lim.kind === 'amount' ? lim.value : roundKrona(b.annualContributions.times(lim.value));
      checks.push({
        goal: 'maxEquity',
        year,
        month: null,
        status: b.equityEnd.lessThanOrEqualTo(limit) ? 'ok' : 'failed',
        value: b.equityEnd,
        limit,
        detail: { code: 'maxEquity', percent: lim.kind === 'percent' ? lim.value : null },
        target: { kind: 'balanceEquity', year },
      });
    }

    if (goals.nonNegativeEquity.active) {
      checks.push({
        goal: 'nonNegativeEquity',
        year,
        month: null,
        status: bal.equity.isNegative() ? 'failed' : 'ok',
        value: bal.equity,
        limit: 0,
        detail: { code: 'nonNegativeEquity' },
        target: { kind: 'balanceEquity', year },
      });
    }

    if (goals.balancedBudget.active) {
      checks.push({
        goal: 'balancedBudget',
        year,
        month: null,
        status: !b.result.isNegative() ? 'ok' : b.equityEnd.isNegative() ? 'failed' : 'warning',
        value: b.result,
        limit: 0,
        detail: { code: 'balancedBudget', equityStart: b.equityStart },
        target: { kind: 'budget', year, line: 'result' },
      });
    }

    if (goals.esfSeparate.active) {
      checks.push({
        goal: 'esfSeparate',
        year,
        month: null,
        status: b.esfIncome.equals(b.esfCosts) ? 'ok' : 'warning',
        value: b.esfIncome,
        limit: b.esfCosts,
        detail: { code: 'esfSeparate', esfIncome: b.esfIncome, esfCosts: b.esfCosts },
        target: { kind: 'budget', year, line: 'esfIncome' },
      });
    }
  });

  plan.interventions.forEach((p, index) => {
    if (p.unspreadable.greaterThan(0)) {
      checks.push({
        goal: 'unspreadable',
        year: null,
        month: null,
        status: 'warning',
        value: p.unspreadable,
        limit: null,
        detail: { code: 'unspreadable', intervention: p.intervention.name, amount: p.unspreadable },
        target: { kind: 'intervention', index, year: null },
      });
    }
  });

  if (goals.budgetDeadline.active && settings.budgetDecisionDate) {
    const deadline: YMD = { year: settings.firstYear - 1, month: goals.budgetDeadline.month, day: goals.budgetDeadline.day };
    const date = settings.budgetDecisionDate;
    checks.push({
      goal: 'budgetDeadline',
      year: null,
      month: null,
      status: compareDates(date, deadline) <= 0 ? 'ok' : 'failed',
      value: isoOf(date),
      limit: isoOf(deadline),
      detail: { code: 'budgetDeadline', deadline, date },
      target: { kind: 'settings', parameter: 'Budgetbeslut' },
    });
  }

  if (goals.threeYearPlan.active) {
    checks.push({
      goal: 'threeYearPlan',
      year: null,
      month: null,
      status: plan.years.length >= 3 ? 'ok' : 'warning',
      value: plan.years.length,
      limit: 3,
      detail: { code: 'threeYearPlan', years: plan.years.length },
      target: { kind: 'settings', parameter: 'Antal planår' },
    });
  }
  return checks;
}
