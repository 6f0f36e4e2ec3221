/**
 * Refactoring guard: the JSON document and every written output sheet (values, number formats, bold,
 * widths, frozen rows) for the bundled example and a corpus of variants, as jest snapshots. Committed
 * before the foundations refactor; after it the only change allowed was the added `code` fields.
 * When a later issue changes a layout on purpose, update with `npx jest test/snapshot.test.ts -u` and
 * review the diff.
 */
import ExcelJS from 'exceljs';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets, TemplateSheet } from '../src/workbook/example';
import { followUpExampleSheets } from '../src/workbook/exampleFollowUp';
import { computeFromSnapshot } from '../src/workbook/refresh';
import { EXAMPLE_SCENARIOS, scenariosTemplateSheet } from '../src/workbook/sheets/scenarios';

type Mutate = (sheets: TemplateSheet[]) => void;
const sheet = (s: TemplateSheet[], name: string) => s.find((x) => x.name === name)!;
const param = (s: TemplateSheet[], name: string, value: ExcelJS.CellValue) => {
  const row = sheet(s, 'Inställningar').rows.find((r) => r[0] === name);
  if (row) row[1] = value as never;
  else sheet(s, 'Inställningar').rows.push([name, value as never]);
};

const CORPUS: [string, Mutate][] = [
  ['bundled example', () => undefined],
  ['promille rounding', (s) => param(s, 'Avrundning', 'promille')],
  ['the template: the example with its scenario Full statlig tilldelning', (s) => s.push(scenariosTemplateSheet())],
  [
    'scenarios in tkr: the full allocation and a new intervention',
    (s) => {
      param(s, 'Enhet', 'tkr');
      s.push(
        scenariosTemplateSheet([
          ...EXAMPLE_SCENARIOS,
          ['Ny insats', 'Insatser', 'Arbetsträning', 'Status', 'Beslutad'],
          [null, 'Insatser', 'Arbetsträning', 'Start', '2025-01'],
          [null, 'Insatser', 'Arbetsträning', 'Slut', '2026-12'],
          [null, 'Insatser', 'Arbetsträning', 'Budget totalt', 1234567],
          [null, 'Insatser', 'Arbetsträning', 'Finansiering', 'Finsam'],
        ]),
      );
    },
  ],
  [
    'part first year, a member joining late, ESF mismatch, depreciation and investments',
    (s) => {
      const years = sheet(s, 'År');
      years.rows[0]!.push('Fordringar', 'Kortfristiga skulder');
      years.rows[1] = [2024, 15000000, 8, 1500000, 100000, 20000, 300000, 400000, 700000];
      years.rows[2]![3] = 1000000;
      sheet(s, 'Medlemmar').rows[0]!.push('Från år');
      sheet(s, 'Medlemmar').rows.push(['Ny kommun', 'Kommun', 4000, 'Ja', 2025]);
      sheet(s, 'Kostnader').rows.push(['Avskrivning inventarier', 'Avskrivning', 'Finsam', '0 %', 60000, null, null]);
      sheet(s, 'Kostnader').rows.push(['ESF-projektledning', 'Drift', 'ESF', '0 %', 900000, 1000000, null]);
    },
  ],
  [
    'deficits: negative equity, a percent equity cap, late budget decision',
    (s) => {
      sheet(s, 'Kostnader').rows[3]![4] = 9500000;
      sheet(s, 'Mål').rows[5]![1] = '12 %';
      param(s, 'Budgetbeslut', new Date(Date.UTC(2023, 11, 14)));
    },
  ],
  [
    'a two-year plan with inactive goals and a horizon of 3 months',
    (s) => {
      param(s, 'Antal planår', 2);
      sheet(s, 'År').rows.pop();
      const goals = sheet(s, 'Mål').rows;
      goals[3]![1] = 3;
      goals[7]![2] = 'Nej';
      goals[1]![2] = 'Nej';
    },
  ],
  [
    'input errors on several sheets',
    (s) => {
      sheet(s, 'År').rows[1]![1] = 'sexton miljoner';
      sheet(s, 'Medlemmar').rows[5]![2] = -9228;
      sheet(s, 'Insatser').rows[3]![6] = new Date(Date.UTC(2023, 11, 31));
      sheet(s, 'Mål').rows.push(['Högsta likviditet', 100, 'Ja']);
    },
  ],
  [
    'follow-up through June 2024 (the second bundled example), in tkr',
    (s) => {
      s.splice(0, s.length, ...followUpExampleSheets());
      param(s, 'Enhet', 'tkr');
    },
  ],
];

/** The JSON without error and warning codes (added by the refactor; the rest must not change). */
function stableJson(json: unknown): unknown {
  return JSON.parse(JSON.stringify(json, (key, value: unknown) => (key === 'code' ? undefined : value))) as unknown;
}

describe('snapshots of the JSON and of every written sheet', () => {
  test.each(CORPUS)('%s', async (_name, mutate) => {
    const sheets = exampleSheets();
    mutate(sheets);
    const wb = new ExcelJS.Workbook();
    addTemplateSheets(wb, sheets);
    const computed = computeFromSnapshot(await new XlsxHost(wb).read());
    expect(stableJson(computed.json())).toMatchSnapshot('json');
    for (const out of computed.sheets) expect(out).toMatchSnapshot(out.name);
  });
});
