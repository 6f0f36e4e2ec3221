/** The per-year summary the task pane and the command line show: figures and their goal status. */
import { monthOf, MonthIndex } from '../engine/calendar';
import type { Check, CheckKind, CheckStatus } from '../engine/goals';
import type { Kronor } from '../engine/kronor';
import type { Plan } from '../engine/plan';
import { WARNING_LABEL, warningsHeading } from '../messages/errors';
import type { Lang } from '../messages/format';
import { InputError, sheetRef } from './grid';

export interface YearSummary {
  year: number;
  result: Kronor;
  resultStatus: CheckStatus | null;
  equityEnd: Kronor;
  equityStatus: CheckStatus | null;
  lowestCash: Kronor | null;
  lowestCashMonth: MonthIndex | null;
  cashStatus: CheckStatus | null;
  decisionRoom: Kronor | null;
  decisionRoomStatus: CheckStatus | null;
}

const RANK: Record<CheckStatus, number> = { ok: 0, warning: 1, failed: 2 };

/** The worst status among the checks of these goals for the year, or null when none is active. */
function worst(checks: readonly Check[], year: number, goals: CheckKind[]): CheckStatus | null {
  const found = checks.filter((c) => c.year === year && goals.includes(c.goal));
  if (found.length === 0) return null;
  return found.reduce<CheckStatus>((w, c) => (RANK[c.status] > RANK[w] ? c.status : w), 'ok');
}

export function summarize(plan: Plan): YearSummary[] {
  return plan.budget.map((b) => {
    const months = plan.liquidity.filter((l) => monthOf(l.month).year === b.year);
    const low = months.reduce<(typeof months)[number] | null>((m, l) => (m === null || l.cash < m.cash ? l : m), null);
    const rooms = months.filter((l) => l.decisionRoom !== null);
    const room = rooms.reduce<Kronor | null>((m, l) => (m === null || l.decisionRoom! < m ? l.decisionRoom : m), null);
    return {
      year: b.year,
      result: b.result,
      resultStatus: worst(plan.checks, b.year, ['balancedBudget']),
      equityEnd: b.equityEnd,
      equityStatus: worst(plan.checks, b.year, ['maxEquity', 'nonNegativeEquity']),
      lowestCash: low ? low.cash : null,
      lowestCashMonth: low ? low.month : null,
      cashStatus: worst(plan.checks, b.year, ['liquidity']),
      decisionRoom: room,
      decisionRoomStatus: worst(plan.checks, b.year, ['decisionRoom']),
    };
  });
}

export function countStatuses(checks: readonly Check[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { ok: 0, warning: 0, failed: 0 };
  for (const c of checks) counts[c.status]++;
  return counts;
}

/**
 * The command's summary lines for warnings (none when there are none): a heading, then one line per
 * warning with its cell, e.g. `  [Varning] Kostnader!H1: Kolumnen 2023 används inte: …`.
 */
export function formatWarnings(warnings: readonly InputError[], lang: Lang = 'sv'): string[] {
  if (warnings.length === 0) return [];
  return [
    warningsHeading(warnings.length, lang),
    ...warnings.map((w) => `  [${WARNING_LABEL[lang]}] ${w.sheet ? `${sheetRef(w.sheet, w.cell)}: ` : ''}${w.message}`),
  ];
}
