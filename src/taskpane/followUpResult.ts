/** The follow-up as the pane shows it (see paneTypes.ts): run in the compute worker with the rest. */
import { monthOf } from '../engine/calendar';
import { DEVIATION_MARK, FollowUpFigures, followUpSums, largestDeviations, percentOf } from '../engine/followUp';
import type { Kronor } from '../engine/kronor';
import type { Lang } from '../messages/format';
import { FOLLOW_UP_UI } from '../messages/followUp';
import { followUpLineName, followUpSheetAndCells } from '../workbook/outputs/followUpSheet';
import type { Computed } from '../workbook/refresh';
import type { PaneCheck, PaneFollowUp, PaneFollowUpRow } from './paneTypes';

function percent(f: FollowUpFigures, lang: Lang): string | null {
  const p = percentOf((f.actualToDate - f.budgetToDate) as Kronor, f.budgetToDate);
  if (p === null) return null;
  const text = p.toFixed(1);
  return `${lang === 'sv' ? text.replace('.', ',').replace('-', '−') : text} %`;
}

/** @param checks the plan's checks as the pane has them (in plan order). */
export function paneFollowUp(computed: Computed, checks: readonly PaneCheck[], lang: Lang): PaneFollowUp | null {
  const plan = computed.plan;
  const fu = plan?.followUp;
  if (!plan || !fu) return null;
  const t = FOLLOW_UP_UI[lang];
  // The cells of the sheet as written (its layout does not depend on the unit).
  const laid = followUpSheetAndCells(plan, 'kr', computed.checkCells)!;
  const row = (label: string, f: FollowUpFigures, cell: string): PaneFollowUpRow => ({
    label,
    budgetToDate: f.budgetToDate,
    actualToDate: f.actualToDate,
    budgetYear: f.budgetYear,
    forecastYear: f.forecastYear,
    percentToDate: percent(f, lang),
    cell,
  });
  const sums = followUpSums(fu);
  const largest = largestDeviations(fu).map((l) => row(followUpLineName(plan, l), l, laid.cells.lines[fu.lines.indexOf(l)]!));
  const yi = plan.years.indexOf(fu.year);
  return {
    title: t.title(fu.year, monthOf(fu.through).month, fu.prognosisYear),
    totals: [
      row(t.income, sums.income, laid.cells.income),
      row(t.costs, sums.costs, laid.cells.costs),
      row(t.result, sums.result, laid.cells.result),
    ],
    equity: { budget: fu.budget.equityEnd, forecast: plan.budget[yi]!.equityEnd },
    largest,
    goals: checks.filter((c) => c.year === fu.year),
    noneMarked: largest.length === 0 ? t.noneMarked(DEVIATION_MARK.percent, DEVIATION_MARK.kronor) : null,
  };
}
