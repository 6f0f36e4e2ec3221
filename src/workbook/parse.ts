/**
 * Parsing the input sheets (plain grids) into a PlanInput, with every problem as data. Each sheet's
 * spec and parser is in `sheets/`; this file finds the sheets and puts the parts together. Every sheet
 * is read even when another has errors (an error on `Inställningar` only skips the checks that need
 * the plan years or the shares), so one run reports every input error of the workbook.
 */
import { defaultGoals } from '../engine/goals';
import type { PlanInput } from '../engine/plan';
import type { Intervention } from '../engine/types';
import { INPUT_WORDS } from '../messages/sheets';
import { InputError, inputError, sameSheetName, SheetGrid, WorkbookSnapshot } from './grid';
import { parseCosts } from './sheets/costs';
import { parseCapTable } from './sheets/capTable';
import { GoalContext, parseGoals } from './sheets/goals';
import { parseInterventions } from './sheets/interventions';
import { parseMembers } from './sheets/members';
import { parseOpening, zeroOpening } from './sheets/opening';
import { parseOutcome } from './sheets/outcome';
import { parseSettings, ParsedSettings, SettingsParameter } from './sheets/settings';
import { parseYears } from './sheets/years';

export interface ParseResult {
  input: PlanInput | null;
  errors: InputError[];
  /** Notes that do not stop the computation (workbook.md, "Warnings"). */
  warnings: InputError[];
  /** Where each `Inställningar` parameter's value stands (A1). */
  settingsCells: Map<SettingsParameter, string>;
  /** The `Insatser` cell of each intervention's name. */
  interventionCells: Map<Intervention, string>;
  /** Whether `Uppföljning till och med` is set (the `Uppföljning` sheet is then written). */
  followUpSet: boolean;
}

/** Sheets without which nothing can be computed. */
export const REQUIRED_SHEETS: readonly string[] = [INPUT_WORDS.settings.name, INPUT_WORDS.years.name, INPUT_WORDS.members.name];

/**
 * The sheet for an input name (NFC, case and surrounding spaces ignored). Two sheets matching the
 * same name are an error naming both, and neither is read (so nothing else is reported as missing).
 */
function findSheet(snapshot: WorkbookSnapshot, name: string, errors: InputError[]): SheetGrid | 'ambiguous' | undefined {
  const found = snapshot.inputs.filter((s) => sameSheetName(s.name, name));
  if (found.length <= 1) return found[0];
  errors.push(inputError(found[1]!.name, 'A1', 'ambiguousSheet', { sheet: name, sheets: found.map((s) => s.name) }));
  return 'ambiguous';
}

/**
 * The sheet parsers `parseWorkbook` calls; a refresh with scenarios passes memoised ones
 * (`memoisedSheetParsers` in scenarios.ts), so that sheets a scenario does not touch are parsed once.
 */
export interface SheetParsers {
  parseSettings: typeof parseSettings;
  parseYears: typeof parseYears;
  parseMembers: typeof parseMembers;
  parseInterventions: typeof parseInterventions;
  parseCosts: typeof parseCosts;
  parseOpening: typeof parseOpening;
  parseGoals: typeof parseGoals;
}

const SHEET_PARSERS: SheetParsers = {
  parseSettings,
  parseYears,
  parseMembers,
  parseInterventions,
  parseCosts,
  parseOpening,
  parseGoals,
};

export function parseWorkbook(snapshot: WorkbookSnapshot, parsers: SheetParsers = SHEET_PARSERS): ParseResult {
  const { parseSettings, parseYears, parseMembers, parseInterventions, parseCosts, parseOpening, parseGoals } = parsers;
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const sheets = new Map<keyof typeof INPUT_WORDS, SheetGrid | 'ambiguous' | undefined>();
  for (const id of Object.keys(INPUT_WORDS) as (keyof typeof INPUT_WORDS)[]) {
    const name = INPUT_WORDS[id].name;
    const s = findSheet(snapshot, name, errors);
    if (s === undefined && REQUIRED_SHEETS.includes(name)) errors.push(inputError(name, 'A1', 'missingSheet', { sheet: name }));
    sheets.set(id, s);
  }
  /** Parse a sheet that exists once; `missing` when it does not (or is ambiguous). */
  const read = <T>(id: keyof typeof INPUT_WORDS, parse: (s: SheetGrid) => T, missing: () => T): T => {
    const s = sheets.get(id);
    return s && s !== 'ambiguous' ? parse(s) : missing();
  };
  const {
    settings,
    context,
    cells: settingsCells,
  } = read<ParsedSettings>(
    'settings',
    (s) => parseSettings(s, errors),
    () => ({
      settings: null,
      context: { years: null, shares: null },
      cells: new Map<SettingsParameter, string>(),
    }),
  );
  const years = read(
    'years',
    (s) => parseYears(s, context.years, errors),
    () => [],
  );
  const members = read(
    'members',
    (s) => parseMembers(s, context, errors),
    () => [],
  );
  const errorsBeforeNames = errors.length;
  const { interventions, cells: interventionCells } = read(
    'interventions',
    (s) => parseInterventions(s, context.years, errors, warnings),
    () => ({ interventions: [], cells: new Map<Intervention, string>() }),
  );
  const costLines = read(
    'costs',
    (s) => parseCosts(s, context.years, errors, warnings),
    () => [],
  );
  const followUp = context.followUp ?? null;
  const outcomeContext = { followUp, costLines, interventions, namesKnown: errors.length === errorsBeforeNames };
  const outcome = read(
    'outcome',
    (s) => parseOutcome(s, outcomeContext, errors, warnings),
    () => null,
  );
  if (followUp && sheets.get('outcome') === undefined)
    errors.push(inputError(INPUT_WORDS.settings.name, followUp.cell, 'outcomeSheetMissing', { sheet: INPUT_WORDS.outcome.name }));
  const opening = read('opening', (s) => parseOpening(s, errors), zeroOpening);
  // The equity cap's band table, for `Högsta eget kapital` with the Gräns `Kapitaltak`.
  const capSheet = sheets.get('capTable');
  const capBands = read<GoalContext['capBands']>(
    'capTable',
    (s) => {
      const bands = parseCapTable(s, errors);
      return bands === null ? 'unusable' : bands.length === 0 ? 'missing' : bands;
    },
    () => (capSheet === 'ambiguous' ? 'unusable' : 'missing'),
  );
  const goals = read('goals', (s) => parseGoals(s, errors, { capBands }), defaultGoals);
  const result = { errors, warnings, settingsCells, interventionCells, followUpSet: followUp !== null };
  if (errors.length > 0 || !settings) return { input: null, ...result };
  return { input: { settings, years, members, interventions, costLines, opening, goals, outcome }, ...result };
}
