/**
 * The scenario comparison sheet (`Scenariojämförelse`): the base and each scenario side by side per
 * year — contributions (in all and per party), result, equity at year end, lowest month-end cash, lowest
 * decision room, room for new grants, the goals' statuses — then each scenario's difference from the base.
 *
 * With `Enhet` `tkr` the amounts are whole tkr that add up: each plan's contributions, parties, result
 * and equity are the figures its board sheets show (`shownPlan`: the parties add up to the sum, the
 * result is the difference of the shown equity), and a difference is the difference of two shown
 * figures, so the differences add up as well. Single figures (lowest cash, decision room, room) are
 * rounded half away. A scenario is only rendered when every scenario computed (errors stop the refresh).
 */
import { monthOf } from '../../engine/calendar';
import type { Check } from '../../engine/goals';
import type { Plan } from '../../engine/plan';
import { roomForNewGrants } from '../../engine/room';
import { shownPlan, ShownPlan, tkrOf, Unit } from '../../engine/tkr';
import { PARTIES } from '../../engine/types';
import { goalName } from '../../messages/goals';
import { OUTPUT_WORDS, PRINT_WORDS, sheetTitle } from '../../messages/sheets';
import { PARTY_DEFINITE, statusLabel } from '../../messages/vocabulary';
import { headerLiteral, type OutCell, type OutputSheet } from '../grid';

const KR = '#,##0;-#,##0';
const TEXT = '@';
const TITLE_ROWS = 2; // title, blank; the header is row 3

const money = (m: number, bold = false): OutCell => ({ v: m, f: KR, bold });
/** Text from user input (scenario names): written as text, never as a formula. */
const text = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const blank: OutCell = { v: null };

/** What the sheet needs of a scenario: its name and its computed plan (null: not computed). */
export interface ComparedScenario {
  name: string;
  plan: Plan | null;
}

/** A plan with what the sheet shows of it, each computed once. */
interface Facts {
  plan: Plan;
  shown: ShownPlan;
  room: ReturnType<typeof roomForNewGrants>;
}

/** One compared figure of a year: its value in a plan (null: none, e.g. no judged month). */
interface Measure {
  label: string;
  bold?: boolean;
  value: (f: Facts, yi: number, year: number) => number | null;
}

function lowest(values: readonly (number | null)[]): number | null {
  let min: number | null = null;
  for (const v of values) if (v !== null && (min === null || v < min)) min = v;
  return min;
}

function measures(unit: Unit): Measure[] {
  const R = OUTPUT_WORDS.scenarios.rows;
  const one = (x: number | null) => (x === null || unit === 'kr' ? x : tkrOf(x));
  const months = (f: Facts, year: number) => f.plan.liquidity.filter((l) => monthOf(l.month).year === year);
  return [
    { label: R.contributions, bold: true, value: (f, yi) => f.shown.budget[yi]?.contributions ?? null },
    ...PARTIES.map((party): Measure => ({
      label: R.contributionParty(PARTY_DEFINITE[party].sv),
      value: (f, yi) => f.shown.budget[yi]?.contributionsByParty[party] ?? null,
    })),
    { label: R.result, bold: true, value: (f, yi) => f.shown.budget[yi]?.result ?? null },
    { label: R.equityEnd, value: (f, yi) => f.shown.budget[yi]?.equityEnd ?? null },
    { label: R.lowestCash, value: (f, _yi, year) => one(lowest(months(f, year).map((l) => l.cash))) },
    { label: R.lowestDecisionRoom, value: (f, _yi, year) => one(lowest(months(f, year).map((l) => l.decisionRoom))) },
    { label: R.room, value: (f, _yi, year) => one(f.room.find((r) => r.year === year)?.withinGoals ?? null) },
  ];
}

const checkKey = (c: Check) => `${c.goal}|${c.year ?? ''}`;

/**
 * The comparison sheet of `base` and `scenarios` (in their order on `Scenarier`). With no scenarios
 * (the workbook had some when the sheet was first written) it says so, so that no stale figures stay.
 */
export function renderScenarioSheet(base: Plan, scenarios: readonly ComparedScenario[]): OutputSheet {
  const W = OUTPUT_WORDS.scenarios;
  const C = W.columns;
  const unit: Unit = base.input.settings.unit ?? 'kr';
  const factsOf = (plan: Plan): Facts => ({
    plan,
    shown: shownPlan({ ...plan, opening: plan.input.opening }, unit),
    room: roomForNewGrants(plan),
  });
  const baseFacts = factsOf(base);
  // A scenario without changes shares the base's plan: its facts too.
  const facts = scenarios.map((s) => (s.plan === null ? null : s.plan === base ? baseFacts : factsOf(s.plan)));
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
  const allChecks = [checksOf(base), ...scenarios.map((s) => checksOf(s.plan))];
  const keys = [...allChecks[0]!.keys()];
  for (const m of allChecks.slice(1)) for (const k of m.keys()) if (!keys.includes(k)) keys.push(k);
  const checkOf = (k: string) => allChecks.map((m) => m.get(k)).find((c) => c !== undefined)!;
  const statusRows = (year: number | null) => {
    for (const k of keys) {
      const c = checkOf(k);
      if (c.year !== year) continue;
      statusRow(
        `${W.rows.goals}: ${goalName(c.goal)}`,
        allChecks.map((m) => (m.has(k) ? statusLabel(m.get(k)!.status) : null)),
      );
    }
  };
  const list = measures(unit);
  base.years.forEach((year, yi) => {
    if (yi > 0) body.push([]);
    body.push([text(String(year), true), blank, ...facts.map((f) => (f ? blank : text(W.notComputed)))]);
    for (const m of list)
      numberRow(
        m.label,
        [baseFacts, ...facts].map((f) => (f && f.plan.years[yi] === year ? m.value(f, yi, year) : null)),
        m.bold,
      );
    statusRows(year);
  });
  if (keys.some((k) => checkOf(k).year === null)) {
    body.push([], [text(W.rows.wholePlan, true)]);
    statusRows(null);
  }
  body.push([], [text(scenarios.length > 0 ? W.note : W.none)]);
  if (unit === 'tkr') body.push([], [text(OUTPUT_WORDS.summary.tkrNote)]);
  const forbund = base.input.settings.name;
  const rows = [
    [text(sheetTitle(`${W.title} (${unit})`, base.years, forbund), true)],
    [],
    header.map((h) => text(h, true)),
    ...body,
  ];
  return {
    name: W.name,
    rows,
    widths,
    freezeRows: TITLE_ROWS + 1,
    print: {
      // One or two scenarios fit a portrait page (as Budget); more need the width of landscape. A plan of
      // up to 80 rows (three years) goes on one page, so the board reads the comparison at a glance.
      orientation: scenarios.length <= 2 ? 'portrait' : 'landscape',
      fitToWidth: true,
      onePage: rows.length <= 80,
      repeatRows: TITLE_ROWS + 1,
      // &D: the printing date (Excel header code), as every output sheet; literal text with its & doubled.
      header: { left: headerLiteral(forbund), center: headerLiteral(W.name), right: '&D' },
      footer: { left: '', center: PRINT_WORDS.page, right: '' },
    },
  };
}
