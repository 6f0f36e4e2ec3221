/** One way through: snapshot → parse → compute → render. Hosts only read and write. */
import { monthIndex } from '../engine/calendar';
import { KronorOverflow } from '../engine/kronor';
import type { Intervention } from '../engine/types';
import { computePlan, Plan } from '../engine/plan';
import type { InputError, OutputSheet, WorkbookHost, WorkbookSnapshot } from './grid';
import { inputError, sameSheetName } from './grid';
import { planToJson, PlanJson } from './json';
import { parseWorkbook } from './parse';
import { scenariosJson } from './outputs/scenariosJson';
import { renderPlan } from './render';
import { staleFollowUpSheets } from './outputs/followUpSheet';
import { computeScenarios, ScenarioResult, scenarioSharing, scenarioSheet } from './scenarios';
import { CONDITIONAL_OUTPUT_SHEET_NAMES, INPUT_SHEETS, OUTPUT_SHEET_NAMES, OUTPUT_SHEETS } from './schema';

export interface Computed {
  errors: InputError[];
  /** Notes about the input that did not stop the computation (workbook.md, "Warnings"). */
  warnings: InputError[];
  plan: Plan | null;
  sheets: OutputSheet[];
  /** A1 reference of each check's cell (in the order of plan.checks). */
  checkCells: (string | null)[];
  /** The command line's JSON document, built on demand. */
  json: () => PlanJson;
  /** The scenarios of `Scenarier`, computed (empty when the workbook has none, or with errors). */
  scenarios: ScenarioResult[];
}

/**
 * Output names taken by sheets this tool did not create: an input error, nothing is written. A sheet
 * written only when the inputs call for it (`Uppföljning`) counts only when it will be written (`written`).
 */
export function ownershipErrors(snapshot: WorkbookSnapshot, written: readonly string[] = []): InputError[] {
  const names = OUTPUT_SHEET_NAMES.filter((n) => !CONDITIONAL_OUTPUT_SHEET_NAMES.includes(n) || written.includes(n));
  return names.flatMap((name) => {
    const existing = snapshot.sheetNames.find((s) => sameSheetName(s, name));
    if (!existing || snapshot.ownedSheets.some((o) => sameSheetName(o, existing))) return [];
    return [inputError(existing, 'A1', 'notOwnedSheet', { sheet: existing })];
  });
}

/**
 * Money of an intervention that no month of the plan can take (the engine's `unspreadable` check),
 * as a warning on the intervention's cell, with the cause: it ended before the plan, every year has
 * a given amount and money is left, or its months in the plan are not operated.
 */
export function unspreadableWarnings(plan: Plan, cells: ReadonlyMap<Intervention, string>): InputError[] {
  const firstMonth = plan.liquidity[0]?.month;
  return plan.interventions.flatMap((p) => {
    if (p.unspreadable <= 0) return [];
    const iv = p.intervention;
    const endMonth = monthIndex(iv.end.year, iv.end.month);
    const runYears = plan.years.filter((y) => y >= iv.start.year && y <= iv.end.year);
    const cause =
      firstMonth !== undefined && endMonth < firstMonth
        ? 'endedBeforePlan'
        : runYears.length > 0 && runYears.every((y) => iv.yearAmounts.has(y))
          ? 'allYearsGiven'
          : 'noOperatedMonths';
    const cell = cells.get(iv) ?? '';
    return [
      inputError(cell ? INPUT_SHEETS.interventions : '', cell, 'unspreadable', {
        intervention: iv.name,
        amount: p.unspreadable,
        cause,
      }),
    ];
  });
}

export function computeFromSnapshot(snapshot: WorkbookSnapshot): Computed {
  // Scenarios share the untouched sheets' parses, splits and intervention plans with the base; without
  // a `Scenarier` sheet nothing of that is made.
  const sharing = scenarioSheet(snapshot) ? scenarioSharing() : null;
  const parsed = parseWorkbook(snapshot, sharing?.parsers);
  const errors: InputError[] = [
    ...parsed.errors,
    ...ownershipErrors(snapshot, [
      ...(parsed.followUpSet ? [OUTPUT_SHEETS.followUp] : []),
      ...(sharing ? [OUTPUT_SHEETS.scenarios] : []),
    ]),
  ];
  const warnings = parsed.warnings;
  const failed = (list: InputError[], w: InputError[] = warnings): Computed => ({
    errors: list,
    warnings: w,
    plan: null,
    sheets: [],
    checkCells: [],
    scenarios: [],
    json: () => planToJson(null, list, [], w),
  });
  if (errors.length > 0 || !parsed.input) {
    // The scenarios' own errors (an unknown sheet, row or column) are reported with the base's.
    if (sharing) errors.push(...computeScenarios(snapshot, { parsed, plan: null }).errors);
    return failed(errors);
  }
  let plan: Plan;
  let rendered: ReturnType<typeof renderPlan>;
  let scenarios: ScenarioResult[] = [];
  try {
    plan = computePlan(parsed.input, sharing?.plan);
    if (sharing) {
      const computed = computeScenarios(snapshot, { parsed, plan }, sharing.options);
      if (computed.errors.length > 0) {
        const all = [...errors, ...computed.errors];
        return {
          ...failed(all),
          json: () => ({
            ...planToJson(null, all, [], warnings),
            scenarios: scenariosJson(computed.scenarios.map((s) => ({ ...s, plan: null }))),
          }),
        };
      }
      scenarios = computed.scenarios;
    }
    // The comparison only with scenarios; one written before stays current: without them it says so.
    const compared =
      scenarios.length > 0 ? scenarios : snapshot.ownedSheets.some((s) => sameSheetName(s, OUTPUT_SHEETS.scenarios)) ? [] : null;
    rendered = renderPlan(plan, parsed.settingsCells, compared);
  } catch (e) {
    // Sums beyond exact integer arithmetic: only absurd amounts get here (each is bounded on input).
    if (!(e instanceof KronorOverflow)) throw e;
    return failed([inputError('', '', 'overflow', {})]);
  }
  const allWarnings = [
    ...warnings,
    ...unspreadableWarnings(plan, parsed.interventionCells),
    ...scenarios.flatMap((s) => s.warnings),
  ];
  return {
    errors,
    warnings: allWarnings,
    plan,
    sheets: [...rendered.sheets, ...staleFollowUpSheets(plan, snapshot.ownedSheets)],
    checkCells: rendered.checkCells,
    scenarios,
    json: () => ({ ...planToJson(plan, errors, rendered.checkCells, allWarnings), scenarios: scenariosJson(scenarios) }),
  };
}

export interface RefreshTimings {
  readMs: number;
  computeMs: number;
  writeMs: number;
}

export type RefreshPhase = 'reading' | 'computing' | 'writing' | 'done';

/** Read, compute, and — only when there are no input errors — write. */
export async function refresh(
  host: WorkbookHost,
  onPhase: (phase: RefreshPhase) => void = () => undefined,
  now: () => number = () => 0,
): Promise<Computed & { timings: RefreshTimings; written: boolean }> {
  onPhase('reading');
  const t0 = now();
  const snapshot = await host.read();
  const t1 = now();
  onPhase('computing');
  const computed = computeFromSnapshot(snapshot);
  const t2 = now();
  let written = false;
  if (computed.errors.length === 0) {
    onPhase('writing');
    await host.write(computed.sheets);
    written = true;
  }
  const t3 = now();
  onPhase('done');
  return { ...computed, written, timings: { readMs: t1 - t0, computeMs: t2 - t1, writeMs: t3 - t2 } };
}
