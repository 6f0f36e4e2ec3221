/**
 * The scenario comparison sheet: the base and each scenario side by side per year — contributions (in
 * all and per party), result, equity at year end, lowest month-end cash, lowest decision room, room for
 * new grants (when given), the goals' statuses — then each scenario's difference from the base, and
 * the scenarios' errors below. Whole kronor, as `Budget` shows them.
 */
import { monthOf } from '../../engine/calendar';
import type { Check } from '../../engine/goals';
import type { Kronor } from '../../engine/kronor';
import type { Plan } from '../../engine/plan';
import { PARTIES } from '../../engine/types';
import { goalName } from '../../messages/goals';
import { SCENARIO_SHEET_WORDS } from '../../messages/scenarios';
import { sheetTitle } from '../../messages/sheets';
import { PARTY_DEFINITE, statusLabel } from '../../messages/vocabulary';
import type { OutCell, OutputSheet } from '../grid';
import type { ScenarioResult } from '../scenarios';

const KR = '#,##0;-#,##0';
const TEXT = '@';
const TITLE_ROWS = 2; // title, blank; the header is row 3

const money = (m: number, bold = false): OutCell => ({ v: m, f: KR, bold });
/** Text from user input (scenario names, messages quoting it): written as text, never as a formula. */
const text = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const blank: OutCell = { v: null };

/** The room for new grants of a plan's years, as far as the renderer needs it (engine/room.ts `RoomYear`). */
export type RoomOf = (plan: Plan) => readonly { year: number; withinGoals: Kronor | number | null }[];

/** One compared figure of a year: its value in a plan (null: none, e.g. no judged month). */
interface Measure {
  label: string;
  bold?: boolean;
  value: (plan: Plan, yi: number, year: number) => number | null;
}

function yearMonths(plan: Plan, year: number) {
  return plan.liquidity.filter((l) => monthOf(l.month).year === year);
}

function lowest(values: readonly (number | null)[]): number | null {
  let min: number | null = null;
  for (const v of values) if (v !== null && (min === null || v < min)) min = v;
  return min;
}

function measures(roomOf: RoomOf | undefined): Measure[] {
  const R = SCENARIO_SHEET_WORDS.rows;
  const list: Measure[] = [
    { label: R.contributions, bold: true, value: (p, yi) => p.budget[yi]?.contributions ?? null },
    ...PARTIES.map((party): Measure => ({
      label: R.contributionParty(PARTY_DEFINITE[party].sv),
      value: (p, yi) => p.budget[yi]?.contributionsByParty[party] ?? null,
    })),
    { label: R.result, bold: true, value: (p, yi) => p.budget[yi]?.result ?? null },
    { label: R.equityEnd, value: (p, yi) => p.budget[yi]?.equityEnd ?? null },
    { label: R.lowestCash, value: (p, _yi, year) => lowest(yearMonths(p, year).map((l) => l.cash)) },
    { label: R.lowestDecisionRoom, value: (p, _yi, year) => lowest(yearMonths(p, year).map((l) => l.decisionRoom)) },
  ];
  if (roomOf) {
    const memo = new WeakMap<Plan, ReturnType<RoomOf>>();
    const room = (p: Plan) => {
      let r = memo.get(p);
      if (!r) memo.set(p, (r = roomOf(p)));
      return r;
    };
    list.push({ label: R.room, value: (p, _yi, year) => room(p).find((r) => r.year === year)?.withinGoals ?? null });
  }
  return list;
}

const checkKey = (c: Check) => `${c.goal}|${c.year ?? ''}`;

/**
 * The comparison sheet. `scenarios` are the computed scenarios (those with errors get empty columns
 * and their errors below the table); `roomOf` gives the room for new grants of a plan, when available.
 */
export function renderScenarioSheet(base: Plan, scenarios: readonly ScenarioResult[], roomOf?: RoomOf): OutputSheet {
  const W = SCENARIO_SHEET_WORDS;
  const C = W.columns;
  const plans = scenarios.map((s) => s.plan);
  const header = [C.item, C.base, ...scenarios.map((s) => s.name), ...scenarios.map((s) => C.difference(s.name))];
  const widths = [
    34,
    16,
    ...scenarios.map((s) => Math.min(40, Math.max(16, s.name.length + 2))),
    ...scenarios.map((s) => Math.min(44, Math.max(18, s.name.length + 12))),
  ];
  const body: OutCell[][] = [];
  const numberRow = (label: string, values: (number | null)[], bold = false) => {
    const baseValue = values[0] ?? null;
    body.push([
      text(label, bold),
      ...values.map((v) => (v === null ? blank : money(v, bold))),
      ...values.slice(1).map((v) => (v === null || baseValue === null ? blank : money(v - baseValue, bold))),
    ]);
  };
  const statusRow = (label: string, statuses: (string | null)[]) => {
    const baseStatus = statuses[0] ?? null;
    body.push([
      text(label),
      ...statuses.map((s) => (s === null ? blank : text(s))),
      ...statuses
        .slice(1)
        .map((s) => (s === null || baseStatus === null || s === baseStatus ? blank : text(W.statusChange(baseStatus, s)))),
    ]);
  };
  // Checks by goal and year, in the base's order (then any a scenario alone has).
  const checksOf = (p: Plan | null) =>
    new Map((p?.checks ?? []).filter((c) => c.goal !== 'unspreadable').map((c) => [checkKey(c), c]));
  const baseChecks = checksOf(base);
  const scenarioChecks = plans.map(checksOf);
  const keys = [...baseChecks.keys()];
  for (const m of scenarioChecks) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k);
  const allChecks = [baseChecks, ...scenarioChecks];
  const checkOf = (k: string) => allChecks.map((m) => m.get(k)).find((c) => c !== undefined)!;
  const statusRows = (year: number | null) => {
    for (const k of keys) {
      const c = checkOf(k);
      if (c.year !== year) continue;
      statusRow(
        `${W.rows.goals}: ${goalName(c.goal)}`,
        allChecks.map((m, i) => (i > 0 && !plans[i - 1] ? null : m.has(k) ? statusLabel(m.get(k)!.status) : null)),
      );
    }
  };
  const list = measures(roomOf);
  base.years.forEach((year, yi) => {
    if (yi > 0) body.push([]);
    body.push([text(String(year), true), blank, ...plans.map((p) => (p ? blank : text(W.notComputed)))]);
    for (const m of list)
      numberRow(
        m.label,
        [base, ...plans].map((p) => (p && p.years[yi] === year ? m.value(p, yi, year) : null)),
        m.bold,
      );
    statusRows(year);
  });
  if (keys.some((k) => checkOf(k).year === null)) {
    body.push([], [text(W.rows.wholePlan, true)]);
    statusRows(null);
  }
  body.push([], [text(W.note)]);
  const errors = scenarios.flatMap((s) => s.errors.map((e) => ({ scenario: s.name, e })));
  if (errors.length > 0) {
    body.push(
      [],
      [text(W.errors.heading, true)],
      [text(W.errors.columns.scenario, true), text(W.errors.columns.cell, true), text(W.errors.columns.message, true)],
    );
    for (const { scenario, e } of errors) body.push([text(scenario), text(`${e.sheet}!${e.cell}`), text(e.message)]);
  }
  return {
    name: W.name,
    rows: [
      [text(sheetTitle(W.title, base.years, base.input.settings.name), true)],
      [],
      header.map((h) => text(h, true)),
      ...body,
    ],
    widths,
    freezeRows: TITLE_ROWS + 1,
  };
}
