/** The engine's result as the pane shows it (see paneTypes.ts): run in the compute worker. */
import type { Check, CheckKind, CheckStatus } from '../engine/goals';
import { errorMessage } from '../messages/errors';
import { formatMonth, Lang } from '../messages/format';
import { checkMessage, goalName } from '../messages/goals';
import { limitNote } from '../messages/ui';
import type { Computed } from '../workbook/refresh';
import { summarize } from '../workbook/summary';
import { FOLLOW_UP_UI } from '../messages/followUp';
import { paneFollowUp } from './followUpResult';
import type { PaneCheck, PaneError, PaneFigure, PaneResult, PaneYear } from './paneTypes';

const RANK: Record<CheckStatus, number> = { ok: 0, warning: 1, failed: 2 };

/** The worst check of these goals for the year (the first of equals), or null. */
function worstOf(checks: readonly Check[], year: number, goals: CheckKind[]): Check | null {
  let worst: Check | null = null;
  for (const c of checks)
    if (c.year === year && goals.includes(c.goal) && (worst === null || RANK[c.status] > RANK[worst.status])) worst = c;
  return worst;
}

function figure(value: number | null, check: Check | null, lang: Lang): PaneFigure {
  if (!check) return { value, status: null, note: null };
  let note: string | null = null;
  if (value !== null && typeof check.limit === 'number') {
    if (check.goal === 'maxEquity') note = limitNote('cap', value, check.limit, lang);
    else if (check.goal === 'liquidity' || check.goal === 'decisionRoom') note = limitNote('floor', value, check.limit, lang);
    else if (check.goal === 'nonNegativeEquity' && value < check.limit) note = limitNote('floor', value, check.limit, lang);
  }
  return { value, status: check.status, note };
}

export function toPaneResult(computed: Computed, lang: Lang): PaneResult {
  const errors: PaneError[] = computed.errors.map((e) => ({
    sheet: e.sheet,
    cell: e.cell,
    code: e.code,
    message: lang === 'sv' ? e.message : errorMessage(e.code, e.params as never, lang),
  }));
  const plan = computed.plan;
  if (!plan || errors.length > 0) return { errors, sheets: [], checks: [], years: [], name: null };
  const checks: PaneCheck[] = plan.checks.map((c, i) => ({
    goal: c.goal,
    goalName: goalName(c.goal, lang),
    year: c.year,
    status: c.status,
    message: checkMessage(c, lang),
    cell: computed.checkCells[i] ?? null,
  }));
  const years: PaneYear[] = summarize(plan).map((y) => ({
    year: y.year,
    result: figure(y.result, worstOf(plan.checks, y.year, ['balancedBudget']), lang),
    equityEnd: figure(
      y.equityEnd,
      worstOf(plan.checks, y.year, ['maxEquity']) ?? worstOf(plan.checks, y.year, ['nonNegativeEquity']),
      lang,
    ),
    lowestCash: figure(y.lowestCash, worstOf(plan.checks, y.year, ['liquidity']), lang),
    lowestCashMonth: y.lowestCashMonth === null ? null : formatMonth(y.lowestCashMonth, lang),
    decisionRoom: figure(y.decisionRoom, worstOf(plan.checks, y.year, ['decisionRoom']), lang),
  }));
  // Where maxEquity is met but equity goes negative, the failing goal is the one to show.
  for (const [i, y] of years.entries()) {
    const neg = worstOf(plan.checks, y.year, ['nonNegativeEquity']);
    if (neg && neg.status === 'failed' && y.equityEnd.status !== 'failed')
      years[i] = { ...y, equityEnd: figure(y.equityEnd.value, neg, lang) };
  }
  const followUp = paneFollowUp(computed, checks, lang);
  const forecastYear = plan.followUp?.year;
  for (const y of years) if (y.year === forecastYear) y.label = FOLLOW_UP_UI[lang].yearLabel(y.year);
  return { errors, sheets: computed.sheets, checks, years, name: plan.input.settings.name || null, followUp };
}
