/**
 * `Scenarier` (optional): named what-ifs, each a set of changes to the input sheets — `Scenario` (the
 * name), `Blad` (an input sheet), `Rad` (the row's key), `Kolumn` (a column header; on the label sheets
 * the value column when empty), `Värde` (the new value; empty empties the cell). Rows of one scenario
 * need not stand together; a row with an empty `Scenario` continues the scenario of the row above. A row
 * with only a name is a scenario without changes (the base). What the changes mean is checked when they
 * are applied (`src/workbook/scenarios.ts`), against the sheets they change.
 */
import { INPUT_WORDS } from '../../messages/sheets';
import type { CellValue, InputError, SheetGrid } from '../grid';
import { readTable, records, SheetSpec } from '../table';
import { isEmpty } from '../values';

const W = INPUT_WORDS.scenarios.columns;

export const SCENARIOS_SPEC = {
  name: INPUT_WORDS.scenarios.name,
  columns: [
    { key: 'scenario', header: W.scenario, required: true, width: 28 },
    { key: 'sheet', header: W.sheet, required: true, width: 16 },
    { key: 'row', header: W.row, required: true, width: 28 },
    { key: 'column', header: W.column, required: true, width: 22 },
    { key: 'value', header: W.value, required: true, width: 16, format: '#,##0' },
    { key: 'comment', header: W.comment, width: 40 },
  ],
} as const satisfies SheetSpec<keyof typeof W>;

/** The `Scenarier` cells (A1) of one change's row. */
export interface ChangeCells {
  scenario: string;
  sheet: string;
  row: string;
  column: string;
  value: string;
}

/** One change: a cell of an input sheet (found by its row key and column header) and its new value. */
export interface ScenarioChange {
  /** `Blad` as written. */
  sheet: string;
  /** `Rad` as read (a number stays a number: a year, an intervention's Nr). */
  row: CellValue;
  /** `Kolumn` as written ('' on a label sheet: its value column). */
  column: string;
  value: CellValue;
  /** The number format of the `Värde` cell, where the host knows it (a percent written as 0,03). */
  valueFormat: string | null;
  cells: ChangeCells;
}

export interface Scenario {
  name: string;
  /** The `Scenarier` cell of the scenario's first name (where errors about it as a whole stand). */
  cell: string;
  changes: ScenarioChange[];
}

const nameKey = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv');

/** The scenarios in the order their names first appear; rows with the same name form one scenario. */
export function parseScenarios(sheet: SheetGrid, errors: InputError[]): Scenario[] {
  const table = readTable(sheet, SCENARIOS_SPEC, errors);
  if (!table) return [];
  const byName = new Map<string, Scenario>();
  let previous: Scenario | null = null;
  for (const c of records(table, errors)) {
    const written = c.text('scenario');
    if (written === '' && !previous) {
      c.error('scenario', 'required', { what: W.scenario });
      continue;
    }
    let scenario: Scenario | undefined = written === '' ? previous! : byName.get(nameKey(written));
    if (!scenario) {
      scenario = { name: written, cell: c.address('scenario'), changes: [] };
      byName.set(nameKey(written), scenario);
    }
    previous = scenario;
    const sheetName = c.text('sheet');
    const row = c.raw('row');
    const column = c.text('column');
    const value = c.raw('value');
    // A row naming only the scenario: a scenario without (further) changes.
    if (sheetName === '' && isEmpty(row) && column === '' && isEmpty(value)) continue;
    if (sheetName === '') c.error('sheet', 'required', { what: W.sheet });
    if (isEmpty(row)) c.error('row', 'required', { what: W.row });
    if (sheetName === '' || isEmpty(row) || c.failed('value')) continue;
    scenario.changes.push({
      sheet: sheetName,
      row: typeof row === 'string' ? row.trim() : row,
      column,
      value,
      valueFormat: c.format('value'),
      cells: {
        scenario: c.address('scenario'),
        sheet: c.address('sheet'),
        row: c.address('row'),
        column: c.address('column'),
        value: c.address('value'),
      },
    });
  }
  return [...byName.values()];
}

/** The bundled example's scenario: the state's full offer, 21 mkr a year (domain.md, "Scenarios"). */
export const FULL_ALLOCATION = 'Full statlig tilldelning';
const YEARS = INPUT_WORDS.years;
export const EXAMPLE_SCENARIOS: readonly (readonly CellValue[])[] = [2024, 2025, 2026].map((year) => [
  FULL_ALLOCATION,
  YEARS.name,
  year,
  YEARS.columns.contributions,
  21000000,
  year === 2024 ? 'Staten erbjuder 21 mkr i allt; förbundet tar 16 (plan 2024)' : '',
]);

/**
 * The example's `Scenarier` sheet, shaped as example.ts's `TemplateSheet` (name, rows with the header
 * first, widths, header row, column formats); written here without example.ts's `templateSheet`, which
 * would import this file back once example.ts lists the sheet.
 */
export function scenariosTemplateSheet(data: readonly (readonly CellValue[])[] = EXAMPLE_SCENARIOS): {
  name: string;
  rows: CellValue[][];
  widths: number[];
  headerRow: number;
  columnFormats: Record<number, string>;
} {
  const columns = SCENARIOS_SPEC.columns;
  const columnFormats: Record<number, string> = {};
  columns.forEach((c, i) => {
    if ('format' in c) columnFormats[i] = c.format;
  });
  return {
    name: SCENARIOS_SPEC.name,
    rows: [columns.map((c) => c.header), ...data.map((r) => [...r])],
    widths: columns.map((c) => c.width),
    headerRow: 0,
    columnFormats,
  };
}
