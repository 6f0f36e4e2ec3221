/**
 * Sammanfattning's "Utrymme för nya beslut" (domain.md, "Room for new grants"): per plan year the room
 * within the goals, the goal that binds it and in which month, what the year's result leaves (the
 * result as the statement above shows it, so the two agree in tkr as well) and, with an equity cap,
 * what the year must spend more to come down to it.
 */
import { formatMonth } from '../../messages/format';
import { goalName } from '../../messages/goals';
import { OUTPUT_WORDS } from '../../messages/sheets';
import type { Plan } from '../../engine/plan';
import { roomForNewGrants } from '../../engine/room';
import { ShownPlan, tkrOf, Unit } from '../../engine/tkr';
import type { OutCell } from '../grid';

const KR = '#,##0;-#,##0';
const DASH = '–';

export function summaryRoomRows(plan: Plan, shown: ShownPlan, unit: Unit): OutCell[][] {
  const W = OUTPUT_WORDS.summary;
  const R = W.roomRows;
  const room = roomForNewGrants(plan);
  const scale = (x: number) => (unit === 'tkr' ? tkrOf(x) : x);
  const amount = (x: number | null): OutCell => (x === null ? { v: DASH, align: 'right' } : { v: scale(x), f: KR });
  const label = (s: string, bold = false): OutCell => ({ v: s, f: '@', bold });
  const rows: OutCell[][] = [[label(W.room, true)]];
  rows.push([label(R.withinGoals, true), ...room.map((r) => ({ ...amount(r.withinGoals), bold: true }))]);
  rows.push([
    label(R.limitedBy),
    ...room.map((r): OutCell =>
      r.limitedBy === null
        ? { v: DASH, align: 'right' }
        : {
            v: r.limitingMonth === null ? goalName(r.limitedBy) : R.inMonth(goalName(r.limitedBy), formatMonth(r.limitingMonth)),
            f: '@',
            wrap: true,
          },
    ),
  ]);
  // The year's result as the statement shows it (the same figure, also in tkr).
  rows.push([label(R.toResultTarget), ...room.map((_, yi) => ({ v: shown.budget[yi]!.result, f: KR }))]);
  if (room.some((r) => r.spendToCap !== null)) rows.push([label(R.spendToCap), ...room.map((r) => amount(r.spendToCap))]);
  return rows;
}
