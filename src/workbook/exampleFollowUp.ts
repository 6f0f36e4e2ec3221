/**
 * The second bundled example (`examples/rar-sormland-2024-uppfoljning.xlsx`): the RAR plan 2024–2026 of
 * `example.ts` with six months of actual outcome for 2024 on `Utfall` and `Uppföljning till och med`
 * 2024-06. The outcome is illustrative — made up for the example, not RAR's real accounts — and the
 * workbook says so on both sheets. `Samverkansstöd` has its own `Prognos helår`.
 */
import { INPUT_WORDS } from '../messages/sheets';
import type { CellValue } from './grid';
import { exampleSheets, TemplateSheet, templateSheet } from './example';
import { OUTCOME_MONTH_COLUMN, OUTCOME_SPEC } from './sheets/outcome';

export const FOLLOW_UP_EXAMPLE_FILE = 'rar-sormland-2024-uppfoljning.xlsx';
const ILLUSTRATIVE = 'Illustrativt utfall (påhittade belopp för exemplet, inte förbundets bokföring)';

/** The outcome: post, January–June, and `Prognos helår` (null: computed). */
const OUTCOME: [string, number[], number | null][] = [
  ['Medlemsavgifter', [1333334, 1333334, 1333334, 1333334, 1333333, 1333333], null],
  ['ESF-intäkter', [0, 0, 450000, 0, 0, 480000], null],
  ['Övriga intäkter', [0, 0, 0, 0, 0, 0], null],
  ['Finansiella intäkter', [0, 0, 1200, 0, 0, 1350], null],
];
const COSTS: [string, number[], number | null][] = [
  ['Styrelse', [35000, 41200, 38900, 36500, 44100, 39800], null],
  ['Kansli', [268000, 271500, 275200, 280100, 269800, 301400], null],
  ['Samverkansstöd, ESF, utvärdering', [210000, 245000, 260000, 255000, 270000, 230000], 3100000],
  ['1', [610000, 640000, 655000, 700000, 690000, 705000], null],
  ['Unga på väg', [15000, 18000, 17500, 19000, 18200, 17300], null],
];

const MONTHS = Array.from({ length: 12 }, (_, k) => `2024-${String(k + 1).padStart(2, '0')}`);

function outcomeSheet(): TemplateSheet {
  const row = ([post, months, forecast]: [string, number[], number | null]): CellValue[] => [
    post,
    forecast,
    ...MONTHS.map((_, k) => months[k] ?? null),
  ];
  const sumRow = (label: string, rows: [string, number[], number | null][]): CellValue[] => [
    label,
    null,
    ...MONTHS.map((_, k) => (k < 6 ? rows.reduce((s, r) => s + r[1][k]!, 0) : null)),
  ];
  const sheet = templateSheet(
    OUTCOME_SPEC,
    ['post', 'forecast'],
    [...OUTCOME.map(row), sumRow('Summa intäkter', OUTCOME), ...COSTS.map(row), sumRow('Summa kostnader', COSTS)],
  );
  sheet.rows[0] = [`${OUTCOME_SPEC.title}. ${ILLUSTRATIVE}.`];
  sheet.rows[sheet.headerRow!]!.push(...MONTHS);
  sheet.widths.push(...MONTHS.map(() => OUTCOME_MONTH_COLUMN.width));
  MONTHS.forEach((_, k) => (sheet.columnFormats![2 + k] = OUTCOME_MONTH_COLUMN.format));
  return sheet;
}

/** The bundled example with the follow-up of 2024 through June. */
export function followUpExampleSheets(): TemplateSheet[] {
  const sheets = exampleSheets();
  const settings = sheets.find((s) => s.name === INPUT_WORDS.settings.name)!;
  settings.rows.push([INPUT_WORDS.settings.rows.followUpThrough, '2024-06', ILLUSTRATIVE]);
  return [...sheets, outcomeSheet()];
}
