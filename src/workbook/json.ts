/** The command line's JSON document (workbook.md): whole kronor as numbers, costs positive. */
import { monthLabel } from '../engine/calendar';
import { Money, toKronor } from '../engine/money';
import type { Plan } from '../engine/types';
import { checkMessage, goalName, PARTY_SV, statusLabel } from '../messages';
import type { InputError } from './grid';

export interface PlanJson {
  version: 1;
  years: number[];
  errors: InputError[];
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
}

const k = (m: Money) => toKronor(m);
const value = (v: Money | string | number | null) => (v === null || typeof v === 'string' || typeof v === 'number' ? v : k(v));

export function planToJson(plan: Plan | null, errors: InputError[], checkCells: (string | null)[] = []): PlanJson {
  if (!plan) {
    return {
      version: 1,
      years: [],
      errors,
      contributions: [],
      interventions: [],
      budget: [],
      balance: [],
      liquidity: [],
      checks: [],
    };
  }
  return {
    version: 1,
    years: plan.years,
    errors,
    contributions: plan.splits.flatMap((s) =>
      s.members.map((c) => ({
        year: c.year,
        member: c.member,
        party: PARTY_SV[c.party],
        share: c.share.toFixed(6),
        amount: k(c.amount),
        quarters: c.quarters.map(k),
      })),
    ),
    interventions: plan.years.flatMap((year, yi) =>
      plan.interventions.map((p) => ({
        year,
        name: p.intervention.name,
        status: p.intervention.status === 'decided' ? 'Beslutad' : 'Planerad',
        funding: p.intervention.funding === 'esf' ? 'ESF' : 'Finsam',
        amount: k(p.years[yi]!.amount),
        remainingAfter: k(p.years[yi]!.remainingAfter),
      })),
    ),
    budget: plan.budget.map((b) => ({
      year: b.year,
      contributions: k(b.contributions),
      esfIncome: k(b.esfIncome),
      otherIncome: k(b.otherIncome),
      operatingCosts: k(b.operatingCosts),
      interventionCosts: k(b.interventionCosts),
      financialIncome: k(b.financialIncome),
      result: k(b.result),
      equityStart: k(b.equityStart),
      equityEnd: k(b.equityEnd),
    })),
    balance: plan.balance.map((b) => ({
      year: b.year,
      fixedAssets: k(b.fixedAssets),
      receivables: k(b.receivables),
      cash: k(b.cash),
      equity: k(b.equity),
      shortTermLiabilities: k(b.shortTermLiabilities),
      longTermLiabilities: k(b.longTermLiabilities),
      commitments: k(b.commitments),
    })),
    liquidity: plan.liquidity.map((l) => ({
      month: monthLabel(l.month),
      inflow: k(l.inflow),
      outflow: k(l.outflow),
      cash: k(l.cash),
      decisionRoom: l.decisionRoom === null ? null : k(l.decisionRoom),
      decisionRoomAfterPlanned: l.decisionRoomAfterPlanned === null ? null : k(l.decisionRoomAfterPlanned),
    })),
    checks: plan.checks.map((c, i) => ({
      goal: goalName(c.goal),
      year: c.year,
      month: c.month === null ? null : monthLabel(c.month),
      status: statusLabel(c.status),
      value: value(c.value),
      limit: value(c.limit),
      message: checkMessage(c),
      cell: checkCells[i] ?? null,
    })),
  };
}
