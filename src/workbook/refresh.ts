/** One way through: snapshot → parse → compute → render. Hosts only read and write. */
import { KronorOverflow } from '../engine/kronor';
import { computePlan, Plan } from '../engine/plan';
import type { InputError, OutputSheet, WorkbookHost, WorkbookSnapshot } from './grid';
import { inputError, sameSheetName } from './grid';
import { planToJson, PlanJson } from './json';
import { parseWorkbook } from './parse';
import { renderPlan } from './render';
import { OUTPUT_SHEET_NAMES } from './schema';

export interface Computed {
  errors: InputError[];
  plan: Plan | null;
  sheets: OutputSheet[];
  /** A1 reference of each check's cell (in the order of plan.checks). */
  checkCells: (string | null)[];
  /** The command line's JSON document, built on demand. */
  json: () => PlanJson;
}

/** Output names taken by sheets this tool did not create: an input error, nothing is written. */
export function ownershipErrors(snapshot: WorkbookSnapshot): InputError[] {
  return OUTPUT_SHEET_NAMES.flatMap((name) => {
    const existing = snapshot.sheetNames.find((s) => sameSheetName(s, name));
    if (!existing || snapshot.ownedSheets.some((o) => sameSheetName(o, existing))) return [];
    return [inputError(existing, 'A1', 'notOwnedSheet', { sheet: existing })];
  });
}

export function computeFromSnapshot(snapshot: WorkbookSnapshot): Computed {
  const parsed = parseWorkbook(snapshot);
  const errors = [...parsed.errors, ...ownershipErrors(snapshot)];
  if (errors.length > 0 || !parsed.input) {
    return { errors, plan: null, sheets: [], checkCells: [], json: () => planToJson(null, errors) };
  }
  let plan: Plan;
  let rendered: ReturnType<typeof renderPlan>;
  try {
    plan = computePlan(parsed.input);
    rendered = renderPlan(plan, parsed.settingsCells);
  } catch (e) {
    // Sums beyond exact integer arithmetic: only absurd amounts get here (each is bounded on input).
    if (!(e instanceof KronorOverflow)) throw e;
    const overflow = [inputError('', '', 'overflow', {})];
    return { errors: overflow, plan: null, sheets: [], checkCells: [], json: () => planToJson(null, overflow) };
  }
  return {
    errors,
    plan,
    sheets: rendered.sheets,
    checkCells: rendered.checkCells,
    json: () => planToJson(plan, errors, rendered.checkCells),
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
