/**
 * Scenarios (domain.md, "Scenarios"; workbook.md, `Scenarier`): each is the base inputs with its changes
 * applied, parsed and computed exactly as the base, with every problem reported on the `Scenarier` cell
 * that caused it.
 *
 * Applying a scenario makes a new `WorkbookSnapshot` that shares every untouched sheet's grid object
 * with the base; a changed sheet gets a shallow copy of its rows array in which only the changed rows
 * are copied. A change names its cell by the row's key (`Rad`) and the column's header (`Kolumn`); a key
 * the sheet does not have adds a row (after the sheet's last record), whose required columns must then
 * be given by the scenario. A column of the sheet's spec (or a plan year, on `Insatser`/`Kostnader`) that
 * the sheet lacks is added after its last column.
 *
 * Sharing: `computeScenarios` takes the parser and the computation as options, so that the refresh can
 * pass memoised ones (`memoParse` below keys a whole parse by the snapshot's grids; the per-sheet memo the
 * speed target needs is `SheetMemo`, for `parseWorkbook` to call through — see the report).
 */
import { planIntervention, PlanCalendar } from '../engine/interventions';
import { KronorOverflow } from '../engine/kronor';
import { computePlan, Plan, PlanInput, PlanSharing } from '../engine/plan';
import { splitYears, yearTotal } from '../engine/split';
import type { Intervention, InterventionPlan, Member, YearSplit } from '../engine/types';
import { PARTIES } from '../engine/types';
import { INPUT_WORDS, InputSheetId } from '../messages/sheets';
import { causedMessage, ErrorCode, errorMessage, ErrorParams } from '../messages/errors';
import {
  a1,
  CellValue,
  Failure,
  InputError,
  inputError,
  parseA1,
  sameSheetName,
  SheetGrid,
  sheetNameKey,
  WorkbookSnapshot,
} from './grid';
import { parseWorkbook, ParseResult, SheetParsers } from './parse';
import { COSTS_SPEC, parseCosts } from './sheets/costs';
import { GOAL_ROWS, GOALS_SPEC, parseGoals } from './sheets/goals';
import { INTERVENTIONS_SPEC, parseInterventions } from './sheets/interventions';
import { MEMBERS_SPEC, parseMembers } from './sheets/members';
import { OPENING_SPEC, parseOpening } from './sheets/opening';
import { parseScenarios, Scenario, ScenarioChange } from './sheets/scenarios';
import { parseSettings, SETTINGS_SPEC } from './sheets/settings';
import { parseYears, YEARS_SPEC } from './sheets/years';
import { readTable, SheetSpec, Table } from './table';
import { cellText, isEmpty, normalizeHeader, parseYear } from './values';

// ---------------------------------------------------------------------------------------------------
// Issues

/**
 * An error or warning of a scenario, on a `Scenarier` cell: one of the scenario's own (an unknown sheet,
 * row or column, …) or an input error of the changed inputs (`cause`, where it arose), keeping its code
 * and parameters.
 */
export type ScenarioIssue = {
  sheet: string;
  cell: string;
  message: string;
  scenario: string;
  /** The input error of the changed inputs this stands for; null for the scenario's own errors. */
  cause: InputError | null;
  /** With a cause: whether it is on a cell the scenario changed (else the changes caused it indirectly). */
  direct: boolean;
} & Failure;

const SCENARIO_SHEET = INPUT_WORDS.scenarios.name;

function ownIssue<C extends ErrorCode>(scenario: string, cell: string, code: C, params: ErrorParams<C>): ScenarioIssue {
  return {
    sheet: SCENARIO_SHEET,
    cell,
    scenario,
    cause: null,
    direct: true,
    code,
    params,
    message: errorMessage(code, params),
  } as ScenarioIssue;
}

/** An input error (of the `Scenarier` row itself, e.g. a `Rad` that is no year) as a scenario's issue. */
function inputIssue(scenario: string, e: InputError): ScenarioIssue {
  return { ...e, scenario, cause: null, direct: true };
}

function causedIssue(scenario: string, cell: string, e: InputError, direct: boolean): ScenarioIssue {
  const message = causedMessage({ scenario, sheet: e.sheet, cell: e.cell, message: e.message, direct });
  return { ...e, sheet: SCENARIO_SHEET, cell, message, scenario, cause: e, direct };
}

// ---------------------------------------------------------------------------------------------------
// What a scenario can change

interface Target {
  spec: SheetSpec<string>;
  /** The columns whose cell `Rad` is compared with, in order (the first with a match wins). */
  keys: readonly string[];
  /** `Rad` is a year (`År`). */
  yearKey?: true;
  /** Label sheets: the rows they can have, and the column an empty `Kolumn` means. */
  labels?: () => readonly string[];
  valueKey?: string;
  /** The column a new row's `Rad` is written to. */
  newKey: (row: CellValue) => string;
}

/** The sheets a scenario can change, in the contract's order. */
const TARGETS: Partial<Record<InputSheetId, Target>> = {
  settings: {
    spec: SETTINGS_SPEC,
    keys: ['parameter'],
    labels: () => Object.values(INPUT_WORDS.settings.rows),
    valueKey: 'value',
    newKey: () => 'parameter',
  },
  years: { spec: YEARS_SPEC, keys: ['year'], yearKey: true, newKey: () => 'year' },
  members: { spec: MEMBERS_SPEC, keys: ['member'], newKey: () => 'member' },
  interventions: {
    spec: INTERVENTIONS_SPEC,
    keys: ['nr', 'name'],
    newKey: (row) => (typeof row === 'number' ? 'nr' : 'name'),
  },
  costs: { spec: COSTS_SPEC, keys: ['name'], newKey: () => 'name' },
  opening: {
    spec: OPENING_SPEC,
    keys: ['item'],
    labels: () => Object.values(INPUT_WORDS.opening.rows),
    valueKey: 'amount',
    newKey: () => 'item',
  },
  goals: { spec: GOALS_SPEC, keys: ['goal'], labels: () => Object.values(GOAL_ROWS), valueKey: 'limit', newKey: () => 'goal' },
};

const TARGET_IDS = (Object.keys(TARGETS) as InputSheetId[]).filter((id) => TARGETS[id]);
/** The names of the sheets a scenario can change (for the message about an unknown one). */
export const CHANGEABLE_SHEETS: readonly string[] = TARGET_IDS.map((id) => INPUT_WORDS[id].name);

const textKey = (v: CellValue) => normalizeHeader(v);

// ---------------------------------------------------------------------------------------------------
// Applying a scenario

/** Where a scenario's changes stand in its snapshot: for mapping the errors of its inputs back. */
interface Provenance {
  /** `sheetNameKey|A1` of each changed cell → the `Scenarier` value cell of its change. */
  cells: Map<string, string>;
  /** Per sheet (sheetNameKey): each added row (1-based sheet row) → the `Scenarier` cell of its `Rad`. */
  newRows: Map<string, Map<number, string>>;
}

export interface AppliedScenario {
  snapshot: WorkbookSnapshot;
  /** The scenario's own errors (unknown sheet, row or column, …). */
  errors: ScenarioIssue[];
  provenance: Provenance;
  /** Whether the scenario changes anything (a scenario without changes shares the base's snapshot). */
  changed: boolean;
}

/** A sheet being changed: its rows array copied once, each row copied the first time it changes. */
class Draft {
  readonly values: CellValue[][];
  formats: (string | null)[][] | undefined;
  formulasWithoutValue: { row: number; col: number }[] | undefined;
  private readonly copied = new Set<number>();
  private formatsCopied = new Set<number>();
  constructor(readonly base: SheetGrid) {
    this.values = base.values.slice();
    this.formats = base.formats;
    this.formulasWithoutValue = base.formulasWithoutValue;
  }
  set(r: number, c: number, v: CellValue, format: string | null): void {
    if (!this.copied.has(r)) {
      this.values[r] = (this.values[r] ?? []).slice();
      this.copied.add(r);
    }
    const row = this.values[r]!;
    while (row.length < c) row.push(null);
    row[c] = v;
    if (format !== null || this.formats?.[r]?.[c]) {
      if (this.formats === this.base.formats) this.formats = this.base.formats ? this.base.formats.slice() : [];
      const formats = this.formats!;
      if (!this.formatsCopied.has(r)) {
        formats[r] = (formats[r] ?? []).slice();
        this.formatsCopied.add(r);
      }
      const fr = formats[r]!;
      while (fr.length < c) fr.push(null);
      fr[c] = format;
    }
    // A value now stands where a formula without a cached value stood.
    const sheetRow = r + this.base.rowOffset;
    const sheetCol = c + this.base.colOffset;
    if (this.formulasWithoutValue?.some((f) => f.row === sheetRow && f.col === sheetCol))
      this.formulasWithoutValue = this.formulasWithoutValue.filter((f) => f.row !== sheetRow || f.col !== sheetCol);
  }
  /** Insert rows before grid row `at` (metadata below it moves down with them). */
  insert(at: number, rows: CellValue[][], formats: (string | null)[][]): void {
    this.values.splice(at, 0, ...rows);
    if (formats.some((f) => f.some((x) => x !== null)) || this.formats) {
      const copy = (this.formats ?? []).slice();
      while (copy.length < at) copy.push([]);
      copy.splice(at, 0, ...formats);
      this.formats = copy;
    }
    const n = rows.length;
    const sheetAt = at + this.base.rowOffset;
    if (this.formulasWithoutValue)
      this.formulasWithoutValue = this.formulasWithoutValue.map((f) => (f.row >= sheetAt ? { row: f.row + n, col: f.col } : f));
    this.totalsRows = this.base.totalsRows?.map((t) => (t >= sheetAt ? t + n : t));
  }
  totalsRows: number[] | undefined;
  grid(): SheetGrid {
    const g: SheetGrid = { ...this.base, values: this.values };
    if (this.formats) g.formats = this.formats;
    if (this.formulasWithoutValue) g.formulasWithoutValue = this.formulasWithoutValue;
    if (this.totalsRows) g.totalsRows = this.totalsRows;
    return g;
  }
}

interface NewRow {
  /** The `Scenarier` cell of the `Rad` of the change that added the row. */
  rowCell: string;
  rowText: string;
  /** Grid column → value, format and the change's value cell. */
  cells: Map<number, { value: CellValue; format: string | null; valueCell: string }>;
}

/** A found record (grid row) or a new row, for a change's `Rad`; or an error already reported. */
type RowLookup = { kind: 'record'; row: number } | { kind: 'new'; key: string } | { kind: 'error' };

function findRow(
  scenario: Scenario,
  change: ScenarioChange,
  target: Target,
  table: Table<string> | null,
  errors: ScenarioIssue[],
): RowLookup {
  const sheetName = target.spec.name;
  if (target.yearKey) {
    const y = parseYear(change.row, { sv: 'ett årtal', en: 'a year' });
    if (!y.ok) {
      const failure: InputError = { ...y, sheet: SCENARIO_SHEET, cell: change.cells.row };
      delete (failure as { ok?: boolean }).ok;
      errors.push(inputIssue(scenario.name, failure));
      return { kind: 'error' };
    }
    const col = table?.columns.get(target.keys[0]!);
    const found =
      col === undefined
        ? []
        : table!.records.filter((r) => {
            const v = parseYear(r.values[col] ?? null, { sv: '', en: '' });
            return v.ok && v.value === y.value;
          });
    if (found.length > 1) {
      errors.push(
        ownIssue(scenario.name, change.cells.row, 'scenarioAmbiguousRow', {
          sheet: sheetName,
          text: String(y.value),
          cells: found.map((r) => a1(r.row + table!.sheet.rowOffset, col! + table!.sheet.colOffset)),
        }),
      );
      return { kind: 'error' };
    }
    return found[0] ? { kind: 'record', row: found[0].row } : { kind: 'new', key: String(y.value) };
  }
  const wanted = textKey(change.row);
  if (target.labels) {
    const known = target.labels();
    if (!known.some((l) => textKey(l) === wanted)) {
      errors.push(
        ownIssue(scenario.name, change.cells.row, 'scenarioUnknownRow', { sheet: sheetName, text: cellText(change.row), known }),
      );
      return { kind: 'error' };
    }
  }
  for (const key of target.keys) {
    const col = table?.columns.get(key);
    if (col === undefined) continue;
    const found = table!.records.filter((r) => textKey(r.values[col] ?? null) === wanted);
    if (found.length > 1) {
      errors.push(
        ownIssue(scenario.name, change.cells.row, 'scenarioAmbiguousRow', {
          sheet: sheetName,
          text: cellText(change.row),
          cells: found.map((r) => a1(r.row + table!.sheet.rowOffset, col + table!.sheet.colOffset)),
        }),
      );
      return { kind: 'error' };
    }
    if (found[0]) return { kind: 'record', row: found[0].row };
  }
  return { kind: 'new', key: wanted };
}

/**
 * Apply a scenario's changes to the base snapshot. Untouched sheets keep their grid objects; a sheet the
 * scenario adds rows to that the workbook lacks (an optional one) is created with its required headers.
 */
export function applyScenario(base: WorkbookSnapshot, scenario: Scenario): AppliedScenario {
  const errors: ScenarioIssue[] = [];
  const provenance: Provenance = { cells: new Map(), newRows: new Map() };
  // Changes by target sheet, in the order they come.
  const bySheet = new Map<InputSheetId, ScenarioChange[]>();
  for (const change of scenario.changes) {
    const id = TARGET_IDS.find((t) => sameSheetName(INPUT_WORDS[t].name, change.sheet));
    if (!id) {
      errors.push(
        ownIssue(scenario.name, change.cells.sheet, 'scenarioUnknownSheet', { text: change.sheet, sheets: CHANGEABLE_SHEETS }),
      );
      continue;
    }
    bySheet.set(id, [...(bySheet.get(id) ?? []), change]);
  }
  const replaced = new Map<SheetGrid, SheetGrid>();
  const created: SheetGrid[] = [];
  for (const [id, changes] of bySheet) {
    const target = TARGETS[id]!;
    const spec = target.spec;
    const found = base.inputs.filter((g) => sameSheetName(g.name, spec.name));
    if (found.length > 1) continue; // two sheets of one name: the base reports it (ambiguousSheet)
    const existing = found[0];
    const grid: SheetGrid = existing ?? {
      name: spec.name,
      values: [spec.columns.filter((c) => c.required).map((c) => c.header)],
      rowOffset: 0,
      colOffset: 0,
    };
    const table = readTable(grid, spec, []);
    if (!table) continue; // no header row: the base reports it
    const draft = new Draft(grid);
    const headerRow = table.headerRow;
    // The header's columns by normalised text (spec columns, year columns and any other header).
    const headers = new Map<string, number>();
    (grid.values[headerRow] ?? []).forEach((v, c) => {
      const h = normalizeHeader(v);
      if (h !== '' && !headers.has(h)) headers.set(h, c);
    });
    let nextColumn = (grid.values[headerRow] ?? []).reduce<number>((last, v, c) => (isEmpty(v) ? last : c + 1), 0);
    const known = spec.columns.map((c) => c.header);
    const columnOf = (change: ScenarioChange): number | undefined => {
      const text =
        change.column === '' && target.valueKey ? spec.columns.find((c) => c.key === target.valueKey)!.header : change.column;
      if (text === '') {
        errors.push(
          inputIssue(
            scenario.name,
            inputError(SCENARIO_SHEET, change.cells.column, 'required', { what: INPUT_WORDS.scenarios.columns.column }),
          ),
        );
        return undefined;
      }
      const h = normalizeHeader(text);
      const at = headers.get(h);
      if (at !== undefined) return at;
      const specColumn = spec.columns.find((c) => normalizeHeader(c.header) === h);
      const year = spec.yearColumns && /^\d{4}$/.test(h) ? h : null;
      if (!specColumn && !year) {
        errors.push(ownIssue(scenario.name, change.cells.column, 'scenarioUnknownColumn', { sheet: spec.name, text, known }));
        return undefined;
      }
      const c = nextColumn++;
      draft.set(headerRow, c, specColumn ? specColumn.header : year, null);
      headers.set(h, c);
      return c;
    };
    const seen = new Map<string, string>();
    const newRows = new Map<string, NewRow>();
    for (const change of changes) {
      const row = findRow(scenario, change, target, table, errors);
      const col = columnOf(change);
      if (row.kind === 'error' || col === undefined) continue;
      const where = row.kind === 'record' ? `r${row.row}` : `n${row.key}`;
      const first = seen.get(`${where}|${col}`);
      if (first) {
        errors.push(
          ownIssue(scenario.name, change.cells.value, 'scenarioDuplicateChange', { scenario: scenario.name, firstCell: first }),
        );
        continue;
      }
      seen.set(`${where}|${col}`, change.cells.value);
      if (row.kind === 'record') {
        draft.set(row.row, col, change.value, change.valueFormat);
        provenance.cells.set(
          `${sheetNameKey(spec.name)}|${a1(row.row + grid.rowOffset, col + grid.colOffset)}`,
          change.cells.value,
        );
        continue;
      }
      let added = newRows.get(row.key);
      if (!added) {
        added = { rowCell: change.cells.row, rowText: cellText(change.row), cells: new Map() };
        const keyColumn = table.columns.get(target.newKey(change.row));
        if (keyColumn !== undefined)
          added.cells.set(keyColumn, {
            value: typeof change.row === 'string' ? change.row : change.row,
            format: null,
            valueCell: change.cells.row,
          });
        newRows.set(row.key, added);
      }
      added.cells.set(col, { value: change.value, format: change.valueFormat, valueCell: change.cells.value });
    }
    // New rows: every required column given, else an error and the row is not added (no knock-ons).
    const rows: CellValue[][] = [];
    const formats: (string | null)[][] = [];
    const rowCells: { rowCell: string; cells: Map<number, string> }[] = [];
    for (const added of newRows.values()) {
      const missing = spec.columns.filter((c) => {
        if (!c.required) return false;
        const at = table.columns.get(c.key);
        const v = at === undefined ? undefined : added.cells.get(at);
        return v === undefined || isEmpty(v.value);
      });
      if (missing.length > 0) {
        errors.push(
          ownIssue(scenario.name, added.rowCell, 'scenarioNewRowMissing', {
            sheet: spec.name,
            row: added.rowText,
            columns: missing.map((c) => c.header),
          }),
        );
        continue;
      }
      const width = Math.max(...added.cells.keys()) + 1;
      const values: CellValue[] = new Array<CellValue>(width).fill(null);
      const fmts: (string | null)[] = new Array<string | null>(width).fill(null);
      const cells = new Map<number, string>();
      for (const [c, v] of added.cells) {
        values[c] = v.value;
        fmts[c] = v.format;
        cells.set(c, v.valueCell);
      }
      rows.push(values);
      formats.push(fmts);
      rowCells.push({ rowCell: added.rowCell, cells });
    }
    if (rows.length > 0) {
      // After the last record or sum row (a sum row adds up the records above it, since the previous one).
      const at = Math.max(headerRow, ...table.records.map((r) => r.row), ...table.sumRows) + 1;
      draft.insert(at, rows, formats);
      const sheetKey = sheetNameKey(spec.name);
      const byRow = new Map<number, string>();
      rowCells.forEach((r, i) => {
        const gridRow = at + i;
        byRow.set(gridRow + grid.rowOffset + 1, r.rowCell);
        for (const [c, valueCell] of r.cells)
          provenance.cells.set(`${sheetKey}|${a1(gridRow + grid.rowOffset, c + grid.colOffset)}`, valueCell);
      });
      provenance.newRows.set(sheetKey, byRow);
    }
    if (draft.values.some((r, i) => r !== grid.values[i]) || draft.values.length !== grid.values.length) {
      if (existing) replaced.set(existing, draft.grid());
      else created.push(draft.grid());
    }
  }
  const changed = replaced.size > 0 || created.length > 0;
  const snapshot: WorkbookSnapshot = changed
    ? {
        ...base,
        inputs: [...base.inputs.map((g) => replaced.get(g) ?? g), ...created],
        sheetNames: [...base.sheetNames, ...created.map((g) => g.name)],
      }
    : base;
  return { snapshot, errors, provenance, changed };
}

/** An input error of a scenario's inputs, on the `Scenarier` cell that made the change it concerns. */
function mapBack(scenario: Scenario, provenance: Provenance, e: InputError): ScenarioIssue {
  const sheetKey = sheetNameKey(e.sheet);
  const direct = e.cell ? provenance.cells.get(`${sheetKey}|${e.cell}`) : undefined;
  if (direct) return causedIssue(scenario.name, direct, e, true);
  const rows = provenance.newRows.get(sheetKey);
  if (rows && e.cell) {
    let row: number | null = null;
    try {
      row = parseA1(e.cell).row + 1;
    } catch {
      row = null;
    }
    const rowCell = row === null ? undefined : rows.get(row);
    if (rowCell) return causedIssue(scenario.name, rowCell, e, true);
  }
  return causedIssue(scenario.name, scenario.cell, e, false);
}

// ---------------------------------------------------------------------------------------------------
// Computing the scenarios

export interface ScenarioResult {
  name: string;
  /** The `Scenarier` cell of its first name. */
  cell: string;
  /** Its own errors and the input errors of its changed inputs, on `Scenarier` cells. */
  errors: ScenarioIssue[];
  /** Warnings of its inputs that the base does not have, on `Scenarier` cells. */
  warnings: ScenarioIssue[];
  /** The computed scenario; null with errors (or when the base itself could not be computed). */
  plan: Plan | null;
  /** Its inputs as parsed (for the settings' cells and the interventions' cells), null when not parsed. */
  parsed: ParseResult | null;
}

export interface ScenariosComputed {
  /** Errors of the `Scenarier` sheet's own rows (a missing name, `Blad` or `Rad`). */
  sheetErrors: InputError[];
  scenarios: ScenarioResult[];
  /** Every error of the scenarios, the sheet's and each scenario's: input errors of the workbook. */
  errors: (InputError | ScenarioIssue)[];
}

export interface ScenarioOptions {
  /** The parser (default `parseWorkbook`); a memoised one shares the untouched sheets' parses. */
  parse?: (snapshot: WorkbookSnapshot) => ParseResult;
  /** The computation (default `computePlan`). */
  compute?: (input: PlanInput) => Plan;
}

/** The `Scenarier` sheet of a snapshot, if there is exactly one. */
export function scenarioSheet(snapshot: WorkbookSnapshot): SheetGrid | undefined {
  const found = snapshot.inputs.filter((g) => sameSheetName(g.name, SCENARIO_SHEET));
  return found.length === 1 ? found[0] : undefined;
}

const issueKey = (e: { sheet: string; cell: string; code: string }) => `${sheetNameKey(e.sheet)}|${e.cell}|${e.code}`;

/**
 * Every scenario of the workbook, computed after the base. `base` is the base's parse and plan: with
 * base errors (plan null) the scenarios' own errors are still reported, but nothing is parsed or
 * computed (their inputs' errors would repeat the base's).
 */
export function computeScenarios(
  snapshot: WorkbookSnapshot,
  base: { parsed: ParseResult; plan: Plan | null },
  options: ScenarioOptions = {},
): ScenariosComputed {
  const sheet = scenarioSheet(snapshot);
  if (!sheet) return { sheetErrors: [], scenarios: [], errors: [] };
  const parse = options.parse ?? parseWorkbook;
  const compute = options.compute ?? computePlan;
  const sheetErrors: InputError[] = [];
  const scenarios = parseScenarios(sheet, sheetErrors);
  const baseWarnings = new Set(base.parsed.warnings.map(issueKey));
  const results = scenarios.map((scenario): ScenarioResult => {
    const applied = applyScenario(snapshot, scenario);
    const result: ScenarioResult = {
      name: scenario.name,
      cell: scenario.cell,
      errors: applied.errors,
      warnings: [],
      plan: null,
      parsed: null,
    };
    if (applied.errors.length > 0 || !base.plan) return result;
    if (!applied.changed) return { ...result, plan: base.plan, parsed: base.parsed };
    const parsed = parse(applied.snapshot);
    result.parsed = parsed;
    result.errors = parsed.errors.map((e) => mapBack(scenario, applied.provenance, e));
    result.warnings = parsed.warnings
      .filter((w) => !baseWarnings.has(issueKey(w)))
      .map((w) => mapBack(scenario, applied.provenance, w));
    if (result.errors.length > 0 || !parsed.input) return result;
    try {
      result.plan = compute(parsed.input);
    } catch (e) {
      if (!(e instanceof KronorOverflow)) throw e;
      result.errors = [ownIssue(scenario.name, scenario.cell, 'scenarioOverflow', { scenario: scenario.name })];
    }
    return result;
  });
  return { sheetErrors, scenarios: results, errors: [...sheetErrors, ...results.flatMap((r) => r.errors)] };
}

// ---------------------------------------------------------------------------------------------------
// Sharing between the base and the scenarios

/**
 * A memo of per-sheet parses, keyed by the grid object and a key of what else the parse depends on
 * (e.g. the plan years for `År`, `Insatser` and `Kostnader`). A hit replays the errors and warnings the
 * parse pushed, so a memoised parser behaves exactly as the parser. For `parseWorkbook` to call its
 * sheet parsers through (the lines it needs are in the report); untouched grids are the same objects in
 * every scenario's snapshot, so their parses are done once.
 */
export class SheetMemo {
  private readonly memo = new WeakMap<SheetGrid, Map<string, { value: unknown; errors: InputError[]; warnings: InputError[] }>>();
  hits = 0;
  misses = 0;
  /**
   * `parse` is the sheet parser called with the error (and warning) lists; `key` is what else it
   * depends on, as text.
   */
  run<T>(
    grid: SheetGrid,
    key: string,
    errors: InputError[],
    warnings: InputError[] | null,
    parse: (errors: InputError[], warnings: InputError[]) => T,
  ): T {
    let byKey = this.memo.get(grid);
    if (!byKey) {
      byKey = new Map();
      this.memo.set(grid, byKey);
    }
    const found = byKey.get(key);
    if (found) {
      this.hits++;
      errors.push(...found.errors);
      warnings?.push(...found.warnings);
      return found.value as T;
    }
    this.misses++;
    const e: InputError[] = [];
    const w: InputError[] = [];
    const value = parse(e, w);
    byKey.set(key, { value, errors: e, warnings: w });
    errors.push(...e);
    warnings?.push(...w);
    return value;
  }
}

/**
 * A whole-parse memo by the snapshot's grids: a scenario whose snapshot holds the same grids as one
 * parsed before (a scenario without changes, or two scenarios with the same changes) reuses that parse.
 */
export function memoParse(
  parse: (snapshot: WorkbookSnapshot) => ParseResult = parseWorkbook,
): (snapshot: WorkbookSnapshot) => ParseResult {
  const ids = new WeakMap<SheetGrid, number>();
  let next = 0;
  const done = new Map<string, ParseResult>();
  return (snapshot) => {
    const key = snapshot.inputs
      .map((g) => {
        let id = ids.get(g);
        if (id === undefined) ids.set(g, (id = next++));
        return `${id}:${sheetNameKey(g.name)}`;
      })
      .join('|');
    const hit = done.get(key);
    if (hit) return hit;
    const parsed = parse(snapshot);
    done.set(key, parsed);
    return parsed;
  };
}

const yearsKey = (years: readonly number[] | null) => (years ? years.join(',') : '-');

/**
 * The sheet parsers through a `SheetMemo`: each keyed by the grid object and what else it reads (the
 * plan years; for `Medlemmar` also the shares). Untouched grids are the same objects in the base's and
 * every scenario's snapshot, so each is parsed once per refresh.
 */
export function memoisedSheetParsers(memo: SheetMemo = new SheetMemo()): SheetParsers {
  return {
    parseSettings: (sheet, errors) => memo.run(sheet, 'settings', errors, null, (e) => parseSettings(sheet, e)),
    parseYears: (sheet, years, errors) =>
      memo.run(sheet, `years|${yearsKey(years)}`, errors, null, (e) => parseYears(sheet, years, e)),
    parseMembers: (sheet, context, errors) =>
      memo.run(
        sheet,
        `members|${yearsKey(context.years)}|${context.shares ? PARTIES.map((p) => context.shares![p].toString()).join(',') : '-'}`,
        errors,
        null,
        (e) => parseMembers(sheet, context, e),
      ),
    parseInterventions: (sheet, years, errors, warnings) =>
      memo.run(sheet, `interventions|${yearsKey(years)}`, errors, warnings, (e, w) => parseInterventions(sheet, years, e, w)),
    parseCosts: (sheet, years, errors, warnings) =>
      memo.run(sheet, `costs|${yearsKey(years)}`, errors, warnings, (e, w) => parseCosts(sheet, years, e, w)),
    parseOpening: (sheet, errors) => memo.run(sheet, 'opening', errors, null, (e) => parseOpening(sheet, e)),
    // Scenarios cannot change `Kapitaltak`: its bands are the same for every parse of the `Mål` sheet.
    parseGoals: (sheet, errors, ctx) => memo.run(sheet, 'goals', errors, null, (e) => parseGoals(sheet, e, ctx)),
  };
}

/**
 * Splits and intervention plans shared across the plans of one refresh: a year's split is the same for
 * the same members array (an untouched `Medlemmar`'s parse), shares, rounding and year cases; an
 * intervention's plan is the same for the same intervention object (an untouched `Insatser`'s parse)
 * and calendar. Both computations are pure, so a hit is exactly what the computation would give.
 */
export function planSharing(): Required<PlanSharing> {
  const splits = new WeakMap<readonly Member[], Map<string, YearSplit[]>>();
  const calendarKeys = new WeakMap<PlanCalendar, string>();
  const plans = new WeakMap<Intervention, Map<string, InterventionPlan>>();
  return {
    splitYears: (settings, years, members) => {
      const key = `${PARTIES.map((p) => settings.shares[p].toString()).join(',')}|${settings.rounding}|${years
        .map((y) => `${y.year}:${yearTotal(y)}:${y.months}`)
        .join(';')}`;
      let byKey = splits.get(members);
      if (!byKey) splits.set(members, (byKey = new Map<string, YearSplit[]>()));
      const hit = byKey.get(key);
      if (hit) return hit;
      const result = splitYears(settings, years, members);
      byKey.set(key, result);
      return result;
    },
    planIntervention: (iv, cal) => {
      let key = calendarKeys.get(cal);
      if (key === undefined)
        calendarKeys.set(cal, (key = `${cal.months.join(',')}|${cal.years.join(',')}|${cal.operatedFrom.join(',')}`));
      let byKey = plans.get(iv);
      if (!byKey) plans.set(iv, (byKey = new Map<string, InterventionPlan>()));
      const hit = byKey.get(key);
      if (hit) return hit;
      const result = planIntervention(iv, cal);
      byKey.set(key, result);
      return result;
    },
  };
}

/**
 * What the base and the scenarios of one refresh share: the sheet parses (by grid object) and the
 * splits and intervention plans (by members array and intervention object). Made only when the
 * workbook has a `Scenarier` sheet; without one the refresh runs the plain parsers.
 */
export interface ScenarioSharing {
  parsers: SheetParsers;
  plan: Required<PlanSharing>;
  options: Required<ScenarioOptions>;
}

export function scenarioSharing(): ScenarioSharing {
  const parsers = memoisedSheetParsers();
  const plan = planSharing();
  return {
    parsers,
    plan,
    options: { parse: (snapshot) => parseWorkbook(snapshot, parsers), compute: (input) => computePlan(input, plan) },
  };
}
