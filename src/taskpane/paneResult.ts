/** The engine's result as the pane shows it (see paneTypes.ts): run in the compute worker. */
import type { Check, CheckKind, CheckStatus } from '../engine/goals';
import { monthOf } from '../engine/calendar';
import type { Plan } from '../engine/plan';
import { roomForNewGrants } from '../engine/room';
import { causedMessage, errorMessage } from '../messages/errors';
import { formatMonth, Lang } from '../messages/format';
import { checkMessage, goalName } from '../messages/goals';
import { limitNote, roomSentence } from '../messages/ui';
import type { Computed } from '../workbook/refresh';
import type { ScenarioIssue } from '../workbook/scenarios';
import { summarize } from '../workbook/summary';
import { FOLLOW_UP_UI } from '../messages/followUp';
import { paneFollowUp } from './followUpResult';
import type { PaneCharts, PaneCheck, PaneError, PaneFigure, PaneResult, PaneScenario, PaneYear } from './paneTypes';

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

/** A plan's summary per year and checks, as the pane shows them (`cells`: the checks' cells, or none). */
function planView(plan: Plan, cells: readonly (string | null)[], lang: Lang): { years: PaneYear[]; checks: PaneCheck[] } {
  const checks: PaneCheck[] = plan.checks.map((c, i) => ({
    goal: c.goal,
    goalName: goalName(c.goal, lang),
    year: c.year,
    status: c.status,
    message: checkMessage(c, lang),
    cell: cells[i] ?? null,
  }));
  const room = new Map(roomForNewGrants(plan).map((r) => [r.year, r]));
  const years: PaneYear[] = summarize(plan).map((y) => {
    const r = room.get(y.year);
    return {
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
      room: r
        ? {
            value: r.withinGoals,
            text: roomSentence(
              {
                year: y.year,
                amount: r.withinGoals,
                goal: r.limitedBy === null ? null : goalName(r.limitedBy, lang),
                month: r.limitingMonth === null ? null : monthOf(r.limitingMonth),
              },
              lang,
            ),
          }
        : null,
    };
  });
  // Where maxEquity is met but equity goes negative, the failing goal is the one to show.
  for (const [i, y] of years.entries()) {
    const neg = worstOf(plan.checks, y.year, ['nonNegativeEquity']);
    if (neg && neg.status === 'failed' && y.equityEnd.status !== 'failed')
      years[i] = { ...y, equityEnd: figure(y.equityEnd.value, neg, lang) };
  }
  return { years, checks };
}

/** An error in the pane's language (a scenario's error keeps saying which scenario and where it arose). */
function paneError(e: Computed['errors'][number], lang: Lang): PaneError {
  let message = e.message;
  if (lang !== 'sv') {
    const caused = e as Partial<ScenarioIssue>;
    message =
      caused.cause && caused.scenario !== undefined
        ? causedMessage(
            {
              scenario: caused.scenario,
              sheet: caused.cause.sheet,
              cell: caused.cause.cell,
              message: errorMessage(caused.cause.code, caused.cause.params as never, lang),
              direct: caused.direct ?? true,
            },
            lang,
          )
        : errorMessage(e.code, e.params as never, lang);
  }
  return { sheet: e.sheet, cell: e.cell, code: e.code, message };
}

export function toPaneResult(computed: Computed, lang: Lang): PaneResult {
  const errors: PaneError[] = computed.errors.map((e) => paneError(e, lang));
  const plan = computed.plan;
  if (!plan || errors.length > 0) return { errors, sheets: [], checks: [], years: [], name: null, scenarios: [] };
  const { years, checks } = planView(plan, computed.checkCells, lang);
  const scenarios: PaneScenario[] = computed.scenarios.flatMap((s) =>
    s.plan ? [{ name: s.name, ...planView(s.plan, [], lang) }] : [],
  );
  const liquidity = plan.input.goals.liquidity;
  const charts: PaneCharts = {
    cash: plan.liquidity.map((l) => ({ ...monthOf(l.month), label: formatMonth(l.month, lang), cash: l.cash })),
    floor: liquidity.active ? liquidity.limit : null,
    equity: summarize(plan).map((y) => {
      const cap = plan.checks.find((c) => c.goal === 'maxEquity' && c.year === y.year);
      return { year: y.year, equity: y.equityEnd, cap: cap && typeof cap.limit === 'number' ? cap.limit : null };
    }),
  };
  const followUp = paneFollowUp(computed, checks, lang);
  // The follow-up year is a forecast: its summary card says so (in the base and in each scenario).
  const forecastYear = plan.followUp?.year;
  for (const y of [...years, ...scenarios.flatMap((s) => s.years)])
    if (y.year === forecastYear) y.label = FOLLOW_UP_UI[lang].yearLabel(y.year);
  return {
    errors,
    sheets: computed.sheets,
    checks,
    years,
    name: plan.input.settings.name || null,
    scenarios,
    charts,
    followUp,
  };
}
