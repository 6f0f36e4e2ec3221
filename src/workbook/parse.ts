/**
 * Parsing the input sheets (plain grids) into a PlanInput, with every problem as data. Each sheet's
 * spec and parser is in `sheets/`; this file finds the sheets and puts the parts together.
 */
import { defaultGoals } from '../engine/goals';
import type { PlanInput } from '../engine/plan';
import { INPUT_WORDS } from '../messages/sheets';
import { InputError, inputError, sameSheetName, SheetGrid, WorkbookSnapshot } from './grid';
import { parseCosts } from './sheets/costs';
import { parseGoals } from './sheets/goals';
import { parseInterventions } from './sheets/interventions';
import { parseMembers } from './sheets/members';
import { parseOpening, zeroOpening } from './sheets/opening';
import { parseSettings, SettingsParameter } from './sheets/settings';
import { parseYears } from './sheets/years';

export interface ParseResult {
  input: PlanInput | null;
  errors: InputError[];
  /** Where each `Inställningar` parameter's value stands (A1). */
  settingsCells: Map<SettingsParameter, string>;
}

/** Sheets without which nothing can be computed. */
export const REQUIRED_SHEETS = [INPUT_WORDS.settings.name, INPUT_WORDS.years.name, INPUT_WORDS.members.name];

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetGrid | undefined {
  return snapshot.inputs.find((s) => sameSheetName(s.name, name));
}

export function parseWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  const errors: InputError[] = [];
  for (const name of REQUIRED_SHEETS) {
    if (!findSheet(snapshot, name)) errors.push(inputError(name, 'A1', 'missingSheet', { sheet: name }));
  }
  const sheet = (id: keyof typeof INPUT_WORDS) => findSheet(snapshot, INPUT_WORDS[id].name);
  const settingsSheet = sheet('settings');
  const { settings, cells: settingsCells } = settingsSheet
    ? parseSettings(settingsSheet, errors)
    : { settings: null, cells: new Map<SettingsParameter, string>() };
  if (!settings) return { input: null, errors, settingsCells };

  const read = <T>(id: keyof typeof INPUT_WORDS, parse: (s: SheetGrid) => T, missing: () => T): T => {
    const s = sheet(id);
    return s ? parse(s) : missing();
  };
  const years = read(
    'years',
    (s) => parseYears(s, settings, errors),
    () => [],
  );
  const members = read(
    'members',
    (s) => parseMembers(s, settings, errors),
    () => [],
  );
  const interventions = read(
    'interventions',
    (s) => parseInterventions(s, settings, errors),
    () => [],
  );
  const costLines = read(
    'costs',
    (s) => parseCosts(s, settings, errors),
    () => [],
  );
  const opening = read('opening', (s) => parseOpening(s, errors), zeroOpening);
  const goals = read('goals', (s) => parseGoals(s, errors), defaultGoals);
  if (errors.length > 0) return { input: null, errors, settingsCells };
  return { input: { settings, years, members, interventions, costLines, opening, goals }, errors, settingsCells };
}
