/**
 * The bundled example: Samordningsförbundet RAR i Sörmland, plan 2024–2026.
 * Sources (shared/seeds): the 2024 plan (003) for members, budget lines, ESF and the two interventions;
 * inhabitants 16–64 per kommun from the 2018 plan (002), the latest the seeds give; the goals from the
 * 2010 plan (000) and the 2.7 mkr equity limit from the 2018 plan. Where the seeds are silent (2025–2026,
 * the opening balance sheet, a planned intervention) the figures are illustrative and say so.
 */
import type { CellValue } from './grid';
import { INPUT_SHEETS } from './schema';

export interface TemplateSheet {
  name: string;
  rows: CellValue[][];
  widths: number[];
  /** 0-based row of the header (rows above it are a title). */
  headerRow?: number;
  /** Number format per column (0-based), e.g. amounts and dates. */
  columnFormats?: Record<number, string>;
}

const d = (iso: string) => {
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
};
const KR = '#,##0';
const DATE = 'yyyy-mm-dd';

export function exampleSheets(): TemplateSheet[] {
  return [
    {
      name: INPUT_SHEETS.settings,
      rows: [
        ['Parameter', 'Värde', 'Kommentar'],
        ['Förbund', 'Samordningsförbundet RAR i Sörmland', ''],
        ['Första planår', 2024, ''],
        ['Antal planår', 3, 'Kommunallagen 11:6: plan för tre år'],
        ['Statens andel', '50 %', 'Försäkringskassan (5 § lagen 2003:1210)'],
        ['Regionens andel', '25 %', ''],
        ['Kommunernas andel', '25 %', 'Fördelas efter invånare 16–64 år'],
        ['Avrundning', 'krona', 'krona eller promille'],
        ['Budgetbeslut', d('2023-11-27'), 'Styrelsens beslutsdatum (antaget)'],
      ],
      widths: [22, 36, 44],
      columnFormats: {},
    },
    {
      name: INPUT_SHEETS.years,
      rows: [
        [
          'År',
          'Medlemsavgifter',
          'Verksamhetsmånader',
          'ESF-intäkter',
          'Övriga intäkter',
          'Finansiella intäkter',
          'Investeringar',
        ],
        [2024, 16000000, 12, 2000000, 0, 0, 0],
        [2025, 16000000, 12, 2000000, 0, 0, 0],
        [2026, 16000000, 12, 2000000, 0, 0, 0],
      ],
      widths: [8, 18, 20, 16, 16, 20, 14],
      columnFormats: { 1: KR, 3: KR, 4: KR, 5: KR, 6: KR },
    },
    {
      name: INPUT_SHEETS.members,
      rows: [
        ['Medlem', 'Part', 'Invånare', 'Betalar'],
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
      widths: [22, 10, 12, 10],
      columnFormats: { 2: KR },
    },
    {
      name: INPUT_SHEETS.interventions,
      rows: [
        ['Insatser som förbundet finansierar (belopp i kronor)'],
        [
          'Nr',
          'Insats',
          'Insatsägare',
          'Finansiering',
          'Status',
          'Start',
          'Slut',
          'Budget totalt',
          'Förbrukat före planår',
          '2024',
          '2025',
          '2026',
        ],
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
      widths: [5, 34, 22, 13, 11, 12, 12, 15, 20, 12, 12, 12],
      headerRow: 1,
      columnFormats: { 5: DATE, 6: DATE, 7: KR, 8: KR, 9: KR, 10: KR, 11: KR },
    },
    {
      name: INPUT_SHEETS.costs,
      rows: [
        ['Kostnadspost', 'Slag', 'Finansiering', 'Årlig ökning', '2024', '2025', '2026'],
        ['Styrelse', 'Drift', 'Finsam', '2 %', 479000, null, null],
        ['Kansli', 'Drift', 'Finsam', '3 %', 3271000, null, null],
        ['Samverkansstöd, ESF, utvärdering', 'Drift', 'Finsam', '0 %', 3500000, null, null],
      ],
      widths: [34, 12, 13, 13, 13, 13, 13],
      columnFormats: { 4: KR, 5: KR, 6: KR },
    },
    {
      name: INPUT_SHEETS.opening,
      rows: [
        ['Post', 'Belopp', 'Kommentar'],
        ['Eget kapital', 1861000, 'Över-/underskott från tidigare år (plan 2024)'],
        ['Anläggningstillgångar', 0, ''],
        ['Fordringar', 250000, 'Antaget'],
        ['Kassa och bank', 2500000, 'Antaget'],
        ['Kortfristiga skulder', 889000, 'Antaget'],
        ['Långfristiga skulder', 0, ''],
      ],
      widths: [24, 15, 46],
      columnFormats: { 1: KR },
    },
    {
      name: INPUT_SHEETS.goals,
      rows: [
        ['Mål', 'Gräns', 'Aktiv', 'Källa'],
        ['Lägsta likviditet', 500000, 'Ja', 'Plan 2010: likviditeten ska aldrig underskrida 500 tkr'],
        ['Beslutsutrymme', 2000000, 'Ja', 'Plan 2010: besluta inom sex månader om projekt upp till 2 000 tkr'],
        ['Beslutshorisont', 6, 'Ja', 'Månader'],
        ['Lägsta medlemsavgifter', 15000000, 'Ja', 'Plan 2010: reservation under 15 mkr per år'],
        ['Högsta eget kapital', 2700000, 'Ja', 'Plan 2018: högst 2,7 mkr vid en budget på 16 mkr'],
        ['Eget kapital ej negativt', null, 'Ja', ''],
        ['Budget i balans', null, 'Ja', 'Kommunallagen 11:5'],
        ['ESF hålls isär', null, 'Ja', 'Plan 2024: ESF-medel är öronmärkta'],
        ['Budgetbeslut senast', '30 november', 'Ja', '23 § lagen 2003:1210'],
      ],
      widths: [26, 15, 8, 60],
      columnFormats: { 1: KR },
    },
  ];
}
