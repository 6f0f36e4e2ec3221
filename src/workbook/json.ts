/** The command line's JSON document (workbook.md): whole kronor as numbers, costs positive. */
import { monthLabel } from '../engine/calendar';
import type { Plan } from '../engine/plan';
import { roomForNewGrants } from '../engine/room';
import { checkMessage, GOAL_TEXT, goalName, shownValue } from '../messages/goals';
import { FUNDING, PARTY, STATUS, statusLabel } from '../messages/vocabulary';
import type { InputError } from './grid';
import type { ScenarioJson } from './outputs/scenariosJson';
import { followUpJson, FollowUpJson } from './outputs/followUpJson';

/** An error or warning as the JSON carries it (its parameters stay inside). */
export interface IssueJson {
  sheet: string;
  cell: string;
  code: string;
  message: string;
}

export interface PlanJson {
  version: 1;
  years: number[];
  errors: IssueJson[];
  warnings: IssueJson[];
  contributions: {
    year: number;
    member: string;
    party: string;
    share: string;
    amount: number;
    quarters: number[];
  }[];
  interventions: { year: number; name: string; status: string; funding: string; amount: number; remainingAfter: number }[];
  budget: {
    year: number;
    contributions: number;
    esfIncome: number;
    otherIncome: number;
    operatingCosts: number;
    interventionCosts: number;
    financialIncome: number;
    result: number;
    equityStart: number;
    equityEnd: number;
  }[];
  balance: {
    year: number;
    fixedAssets: number;
    receivables: number;
    cash: number;
    equity: number;
    shortTermLiabilities: number;
    longTermLiabilities: number;
    commitments: number;
  }[];
  liquidity: {
    month: string;
    inflow: number;
    outflow: number;
    cash: number;
    decisionRoom: number | null;
    decisionRoomAfterPlanned: number | null;
  }[];
  checks: {
    goal: string;
    year: number | null;
    month: string | null;
    status: string;
    value: number | string | null;
    limit: number | string | null;
    message: string;
    cell: string | null;
  }[];
  /** Room for new grants per plan year (domain.md): `limitedBy` is the goal's name, months as `YYYY-MM`. */
  room: {
    year: number;
    toResultTarget: number;
    withinGoals: number | null;
    limitedBy: string | null;
    limitingMonth: string | null;
    spendToCap: number | null;
  }[];
  /** The scenarios of `Scenarier` (`[]` when none), each in the base's shapes (outputs/scenariosJson.ts). */
  scenarios: ScenarioJson[];
  /** The follow-up and forecast (domain.md); null without `Uppföljning till och med`. */
  followUp: FollowUpJson | null;
}

const issues = (list: readonly (InputError | IssueJson)[]): IssueJson[] =>
  list.map((e) => ({ sheet: e.sheet, cell: e.cell, code: e.code, message: e.message }));

/** A budget row of the JSON (also the follow-up's planned and forecast year). */
export function budgetRowJson(b: Plan['budget'][number]): PlanJson['budget'][number] {
  return {
    year: b.year,
    contributions: b.contributions,
    esfIncome: b.esfIncome,
    otherIncome: b.otherIncome,
    operatingCosts: b.operatingCosts,
    interventionCosts: b.interventionCosts,
    financialIncome: b.financialIncome,
    result: b.result,
    equityStart: b.equityStart,
    equityEnd: b.equityEnd,
  };
}

/** A check of the JSON, with the A1 reference of its cell. */
export function checkJson(c: Plan['checks'][number], cell: string | null): PlanJson['checks'][number] {
  return {
    goal: goalName(c.goal),
    year: c.year,
    month: c.month === null ? null : monthLabel(c.month),
    status: statusLabel(c.status),
    value: shownValue(c.value, GOAL_TEXT[c.goal].value),
    limit: shownValue(c.limit, GOAL_TEXT[c.goal].limit),
    message: checkMessage(c),
    cell,
  };
}

export function planToJson(
  plan: Plan | null,
  inputErrors: readonly (InputError | IssueJson)[],
  checkCells: (string | null)[] = [],
  inputWarnings: readonly (InputError | IssueJson)[] = [],
): PlanJson {
  const errors = issues(inputErrors);
  const warnings = issues(inputWarnings);
  if (!plan) {
    return {
      version: 1,
      years: [],
      errors,
      warnings,
      contributions: [],
      interventions: [],
      budget: [],
      balance: [],
      liquidity: [],
      checks: [],
      room: [],
      scenarios: [],
      followUp: null,
    };
  }
  return {
    version: 1,
    years: plan.years,
    errors,
    warnings,
    contributions: plan.splits.flatMap((s) =>
      s.members.map((c) => ({
        year: c.year,
        member: c.member,
        party: PARTY[c.party].sv,
        share: c.share.toFixed(6),
        amount: c.amount,
        quarters: [...c.quarters],
      })),
    ),
    interventions: plan.years.flatMap((year, yi) =>
      plan.interventions.map((p) => ({
        year,
        name: p.intervention.name,
        status: STATUS[p.intervention.status].sv,
        funding: FUNDING[p.intervention.funding].sv,
        amount: p.years[yi]!.amount,
        remainingAfter: p.years[yi]!.remainingAfter,
      })),
    ),
    budget: plan.budget.map(budgetRowJson),
    balance: plan.balance.map((b) => ({
      year: b.year,
      fixedAssets: b.fixedAssets,
      receivables: b.receivables,
      cash: b.cash,
      equity: b.equity,
      shortTermLiabilities: b.shortTermLiabilities,
      longTermLiabilities: b.longTermLiabilities,
      commitments: b.commitments,
    })),
    liquidity: plan.liquidity.map((l) => ({
      month: monthLabel(l.month),
      inflow: l.inflow,
      outflow: l.outflow,
      cash: l.cash,
      decisionRoom: l.decisionRoom,
      decisionRoomAfterPlanned: l.decisionRoomAfterPlanned,
    })),
    checks: plan.checks.map((c, i) => checkJson(c, checkCells[i] ?? null)),
    room: roomForNewGrants(plan).map((r) => ({
      year: r.year,
      toResultTarget: r.toResultTarget,
      withinGoals: r.withinGoals,
      limitedBy: r.limitedBy === null ? null : goalName(r.limitedBy),
      limitingMonth: r.limitingMonth === null ? null : monthLabel(r.limitingMonth),
      spendToCap: r.spendToCap,
    })),
    scenarios: [],
    followUp: plan.followUp ? followUpJson(plan, checkCells) : null,
  };
}
