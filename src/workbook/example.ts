/**
 * The bundled example: Samordningsförbundet RAR i Sörmland, plan 2024–2026.
 * Sources (shared/seeds): the 2024 plan (003) for members, budget lines, ESF and the two interventions;
 * inhabitants 16–64 per kommun from the 2018 plan (002), the latest the seeds give; the goals from the
 * 2010 plan (000) and the 2.7 mkr equity limit from the 2018 plan. Where the seeds are silent (2025–2026,
 * the opening balance sheet, a planned intervention) the figures are illustrative and say so.
 * Each sheet is laid out by its spec (headers, widths, formats): the data below is only the values.
 */
import { INPUT_WORDS } from '../messages/sheets';
import type { CellValue } from './grid';
import { COSTS_SPEC } from './sheets/costs';
import { GOAL_ROWS, GOALS_SPEC } from './sheets/goals';
import { INTERVENTIONS_SPEC } from './sheets/interventions';
import { MEMBERS_SPEC } from './sheets/members';
import { OPENING_SPEC } from './sheets/opening';
import { EXAMPLE_SCENARIOS, SCENARIOS_SPEC } from './sheets/scenarios';
import { SETTINGS_SPEC } from './sheets/settings';
import { YEARS_SPEC } from './sheets/years';
import type { SheetSpec } from './table';

/** An input sheet as values: what the template writes and tests change. */
export interface TemplateSheet {
  name: string;
  rows: CellValue[][];
  widths: number[];
  /** 0-based row of the header (rows above it are a title). */
  headerRow?: number;
  /** Number format per column (0-based), e.g. amounts and dates. */
  columnFormats?: Record<number, string>;
}

/**
 * A template sheet from a spec: the header of the given columns (in that order) and then the year
 * columns, the title above it when the spec has one, widths and formats from the spec.
 */
export function templateSheet<K extends string>(
  spec: SheetSpec<K>,
  keys: readonly K[],
  data: readonly (readonly CellValue[])[],
  years: readonly number[] = [],
): TemplateSheet {
  const columns = keys.map((k) => spec.columns.find((c) => c.key === k)!);
  const widths = [...columns.map((c) => c.width), ...years.map(() => spec.yearColumns?.width ?? 12)];
  const columnFormats: Record<number, string> = {};
  columns.forEach((c, i) => {
    if (c.format) columnFormats[i] = c.format;
  });
  years.forEach((_, i) => {
    if (spec.yearColumns) columnFormats[columns.length + i] = spec.yearColumns.format;
  });
  const header: CellValue[] = [...columns.map((c) => c.header), ...years.map(String)];
  const title = spec.title ? [[spec.title] as CellValue[]] : [];
  return {
    name: spec.name,
    rows: [...title, header, ...data.map((r) => [...r])],
    widths,
    headerRow: title.length,
    columnFormats,
  };
}

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
};
const P = INPUT_WORDS.settings.rows;
const B = INPUT_WORDS.opening.rows;
const G = GOAL_ROWS;

export function exampleSheets(): TemplateSheet[] {
  return [
    templateSheet(
      SETTINGS_SPEC,
      ['parameter', 'value', 'comment'],
      [
        [P.name, 'Samordningsförbundet RAR i Sörmland', ''],
        [P.firstYear, 2024, ''],
        [P.yearCount, 3, 'Kommunallagen 11:6: plan för tre år'],
        [P.stateShare, '50 %', 'Försäkringskassan (5 § lagen 2003:1210)'],
        [P.regionShare, '25 %', ''],
        [P.municipalShare, '25 %', 'Fördelas efter invånare 16–64 år'],
        [P.rounding, 'krona', 'krona eller promille'],
        [P.budgetDecision, d('2023-11-27'), 'Styrelsens beslutsdatum (antaget)'],
        [P.unit, 'kr', 'kr eller tkr (styrelsens blad)'],
      ],
    ),
    templateSheet(
      YEARS_SPEC,
      ['year', 'contributions', 'months', 'esfIncome', 'otherIncome', 'financialIncome', 'investments'],
      [
        [2024, 16000000, 12, 2000000, 0, 0, 0],
        [2025, 16000000, 12, 2000000, 0, 0, 0],
        [2026, 16000000, 12, 2000000, 0, 0, 0],
      ],
    ),
    templateSheet(
      MEMBERS_SPEC,
      ['member', 'party', 'population', 'pays'],
      [
        ['Försäkringskassan', 'Stat', null, 'Ja'],
        ['Arbetsförmedlingen', 'Stat', null, 'Nej'],
        ['Region Sörmland', 'Region', null, 'Ja'],
        ['Eskilstuna', 'Kommun', 62820, 'Ja'],
        ['Flen', 'Kommun', 9228, 'Ja'],
        ['Gnesta', 'Kommun', 6248, 'Ja'],
        ['Katrineholm', 'Kommun', 19667, 'Ja'],
        ['Nyköping', 'Kommun', 31643, 'Ja'],
        ['Oxelösund', 'Kommun', 6616, 'Ja'],
        ['Strängnäs', 'Kommun', 20078, 'Ja'],
        ['Trosa', 'Kommun', 7043, 'Ja'],
        ['Vingåker', 'Kommun', 5113, 'Ja'],
      ],
    ),
    templateSheet(
      INTERVENTIONS_SPEC,
      ['nr', 'name', 'owner', 'funding', 'status', 'start', 'end', 'total', 'spentBefore'],
      [
        [
          1,
          'Sikta mot arbetslivet',
          'Samordningsförbundet',
          'Finsam',
          'Beslutad',
          d('2023-09-01'),
          d('2028-08-31'),
          45000000,
          1000000,
          9000000,
          null,
          null,
        ],
        [
          2,
          'Unga på väg',
          'Eskilstuna kommun',
          'Finsam',
          'Beslutad',
          d('2024-01-01'),
          d('2024-12-31'),
          212000,
          0,
          212000,
          null,
          null,
        ],
        [
          3,
          'Ny länsgemensam insats (planerad)',
          'Region Sörmland',
          'Finsam',
          'Planerad',
          d('2025-04-01'),
          d('2026-12-31'),
          2100000,
          0,
          null,
          null,
          null,
        ],
      ],
      [2024, 2025, 2026],
    ),
    templateSheet(
      COSTS_SPEC,
      ['name', 'kind', 'funding', 'growth'],
      [
        ['Styrelse', 'Drift', 'Finsam', '2 %', 479000, null, null],
        ['Kansli', 'Drift', 'Finsam', '3 %', 3271000, null, null],
        ['Samverkansstöd, ESF, utvärdering', 'Drift', 'Finsam', '0 %', 3500000, null, null],
      ],
      [2024, 2025, 2026],
    ),
    templateSheet(
      OPENING_SPEC,
      ['item', 'amount', 'comment'],
      [
        [B.equity, 1861000, 'Över-/underskott från tidigare år (plan 2024)'],
        [B.fixedAssets, 0, ''],
        [B.receivables, 250000, 'Antaget'],
        [B.cash, 2500000, 'Antaget'],
        [B.shortTermLiabilities, 889000, 'Antaget'],
        [B.longTermLiabilities, 0, ''],
      ],
    ),
    templateSheet(
      GOALS_SPEC,
      ['goal', 'limit', 'active', 'source'],
      [
        [G.liquidity, 500000, 'Ja', 'Plan 2010: likviditeten ska aldrig underskrida 500 tkr'],
        [G.decisionRoom, 2000000, 'Ja', 'Plan 2010: besluta inom sex månader om projekt upp till 2 000 tkr'],
        [G.horizon, 6, 'Ja', 'Månader'],
        [G.minContributions, 15000000, 'Ja', 'Plan 2010: reservation under 15 mkr per år'],
        [G.maxEquity, 2700000, 'Ja', 'Plan 2018: högst 2,7 mkr vid en budget på 16 mkr'],
        [G.nonNegativeEquity, null, 'Ja', ''],
        [G.balancedBudget, null, 'Ja', 'Kommunallagen 11:5'],
        [G.esfSeparate, null, 'Ja', 'Plan 2024: ESF-medel är öronmärkta'],
        [G.budgetDeadline, '30 november', 'Ja', '23 § lagen 2003:1210'],
      ],
    ),
  ];
}

/**
 * The bundled example as the template writes it (the command's `template`, the pane's "Skapa mall",
 * `examples/rar-sormland-2024.xlsx`): the input sheets above and the scenario "Full statlig tilldelning"
 * (the state's full offer, 21 000 000 kr a year; domain.md, "Scenarios"). Tests start from
 * `exampleSheets()`, without the scenario, and add scenarios of their own.
 */
export function templateSheets(): TemplateSheet[] {
  return [
    ...exampleSheets(),
    templateSheet(SCENARIOS_SPEC, ['scenario', 'sheet', 'row', 'column', 'value', 'comment'], EXAMPLE_SCENARIOS),
  ];
}
