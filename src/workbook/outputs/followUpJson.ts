/**
 * The JSON's `followUp` (workbook.md): the follow-up year and month, each line's budget for the year,
 * budget to date, actual to date, forecast and deviations (kronor; per cent of the budget as a decimal
 * string with 2 decimals, null when the budget is 0), the sums, the marked lines largest first, the
 * year's forecast `budget` row and its `checks` in the base's shapes (json.ts's row builders).
 */
import { monthLabel } from '../../engine/calendar';
import {
  deviationToDate,
  deviationYear,
  DEVIATION_MARK,
  FollowUpFigures,
  FollowUpLine,
  followUpSums,
  isMarked,
  largestDeviations,
  percentOf,
} from '../../engine/followUp';
import type { Kronor } from '../../engine/kronor';
import type { Plan } from '../../engine/plan';
import { budgetRowJson, checkJson, PlanJson } from '../json';
import { followUpLineName } from './followUpSheet';

type Figures = { budgetYear: number; budgetToDate: number; actualToDate: number; forecastYear: number };

export interface FollowUpLineJson extends Figures {
  kind: 'income' | 'cost' | 'intervention';
  name: string;
  deviationToDate: number;
  deviationToDatePercent: string | null;
  forecastGiven: boolean;
  deviationYear: number;
  deviationYearPercent: string | null;
  marked: boolean;
  granted: number | null;
  usedInAll: number | null;
  remaining: number | null;
}

export interface FollowUpJson {
  year: number;
  through: string;
  prognosisYear: boolean;
  threshold: { percent: number; kronor: number };
  lines: FollowUpLineJson[];
  sums: Record<'income' | 'operatingCosts' | 'interventions' | 'costs' | 'result', Figures>;
  largestDeviations: string[];
  /** The year as budgeted, and its forecast (the plan's row for the year). */
  plannedBudget: PlanJson['budget'][number];
  budget: PlanJson['budget'][number];
  checks: PlanJson['checks'];
}

const pct = (dev: Kronor, budget: Kronor): string | null => percentOf(dev, budget)?.toFixed(2) ?? null;
const figures = (f: FollowUpFigures): Figures => ({
  budgetYear: f.budgetYear,
  budgetToDate: f.budgetToDate,
  actualToDate: f.actualToDate,
  forecastYear: f.forecastYear,
});

/** @param checkCells the plan's check cells (as rendered), for the checks' `cell`. */
export function followUpJson(plan: Plan, checkCells: (string | null)[] = []): FollowUpJson | null {
  const fu = plan.followUp;
  if (!fu) return null;
  const name = (l: FollowUpLine) => followUpLineName(plan, l);
  const yi = plan.years.indexOf(fu.year);
  const sums = followUpSums(fu);
  return {
    year: fu.year,
    through: monthLabel(fu.through),
    prognosisYear: fu.prognosisYear,
    threshold: { ...DEVIATION_MARK },
    lines: fu.lines.map((l) => ({
      kind: l.kind,
      name: name(l),
      ...figures(l),
      deviationToDate: deviationToDate(l),
      deviationToDatePercent: pct(deviationToDate(l), l.budgetToDate),
      forecastGiven: l.forecastGiven,
      deviationYear: deviationYear(l),
      deviationYearPercent: pct(deviationYear(l), l.budgetYear),
      marked: isMarked(l),
      granted: l.granted,
      usedInAll: l.usedInAll,
      remaining: l.remaining,
    })),
    sums: {
      income: figures(sums.income),
      operatingCosts: figures(sums.operatingCosts),
      interventions: figures(sums.interventions),
      costs: figures(sums.costs),
      result: figures(sums.result),
    },
    largestDeviations: largestDeviations(fu).map(name),
    plannedBudget: budgetRowJson(fu.budget),
    budget: budgetRowJson(plan.budget[yi]!),
    checks: plan.checks.flatMap((c, i) => (c.year === fu.year ? [checkJson(c, checkCells[i] ?? null)] : [])),
  };
}
