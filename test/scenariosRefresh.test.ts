/**
 * Scenarios through the one way (`computeFromSnapshot`, the real command): the comparison sheet
 * `Scenariojämförelse` after Sammanfattning, the JSON's `scenarios`, the scenarios' errors as input
 * errors of the refresh (exit 1, the `Scenarier` cell named, the file unchanged), and the room for new
 * grants on Sammanfattning.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { runCli } from './helpers/cli';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import type { ErrorCode } from '../src/messages/errors';
import { exampleSheets, TemplateSheet, templateSheets } from '../src/workbook/example';
import type { CellValue, OutputSheet } from '../src/workbook/grid';
import type { PlanJson } from '../src/workbook/json';
import { computeFromSnapshot } from '../src/workbook/refresh';
import { EXAMPLE_SCENARIOS, FULL_ALLOCATION, scenariosTemplateSheet } from '../src/workbook/sheets/scenarios';
import { computePlan, Plan } from '../src/engine/plan';
import { parseWorkbook } from '../src/workbook/parse';
import { parseGoals } from '../src/workbook/sheets/goals';
import { defaultGoals } from '../src/engine/goals';
import { applyScenario } from '../src/workbook/scenarios';
import { parseScenarios } from '../src/workbook/sheets/scenarios';
import fc from 'fast-check';
import { exampleFile, gridsOf, readBook, sheetOf, tempDir } from './helpers/files';

type Row = readonly CellValue[];

async function computed(sheets: TemplateSheet[]) {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, sheets);
  return computeFromSnapshot(await new XlsxHost(wb).read());
}

const values = (s: OutputSheet) => s.rows.map((r) => r.map((c) => c.v));
const rowOf = (s: OutputSheet, label: string, nth = 0) => values(s).filter((r) => r[0] === label)[nth]!;

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the template with Full statlig tilldelning, refreshed', () => {
  test('Scenariojämförelse stands after Sammanfattning: 16 mkr against 21 mkr, the parties and the difference', async () => {
    const c = await computed(templateSheets());
    expect(c.errors).toEqual([]);
    expect(c.sheets.map((s) => s.name).slice(0, 3)).toEqual(['Sammanfattning', 'Scenariojämförelse', 'Fördelning']);
    const sheet = c.sheets[1]!;
    expect(values(sheet)[2]).toEqual(['Post', 'Grundbudget', FULL_ALLOCATION, `Skillnad: ${FULL_ALLOCATION}`]);
    // 50 / 25 / 25 of 21 000 000 (5 § lagen 2003:1210), against 8 / 4 / 4 mkr of the base.
    expect(rowOf(sheet, 'Medlemsavgift staten')).toEqual(['Medlemsavgift staten', 8_000_000, 10_500_000, 2_500_000]);
    expect(rowOf(sheet, 'Medlemsavgift regionen')).toEqual(['Medlemsavgift regionen', 4_000_000, 5_250_000, 1_250_000]);
    expect(rowOf(sheet, 'Medlemsavgift kommunerna')).toEqual(['Medlemsavgift kommunerna', 4_000_000, 5_250_000, 1_250_000]);
    // The same costs: 5 000 000 more income is 5 000 000 more result (18 000 000 − 16 462 000 = 1 538 000 in the base).
    expect(rowOf(sheet, 'Årets resultat')).toEqual(['Årets resultat', 1_538_000, 6_538_000, 5_000_000]);
    // Equity at the end of 2024: 1 861 000 + 1 538 000 = 3 399 000; with the scenario 5 000 000 more.
    expect(rowOf(sheet, 'Eget kapital vid årets slut')).toEqual(['Eget kapital vid årets slut', 3_399_000, 8_399_000, 5_000_000]);
    // The print setup every output sheet has.
    expect(sheet.print).toMatchObject({ fitToWidth: true, repeatRows: 3 });
  });

  test("each kommun's part of 5 250 000 in the scenario is its share of the kommuner's inhabitants", async () => {
    const c = await computed(templateSheets());
    const base = c.plan!.splits[0]!.members.filter((m) => m.party === 'municipalities');
    const full = c.scenarios[0]!.plan!.splits[0]!.members.filter((m) => m.party === 'municipalities');
    expect(full.reduce((s, m) => s + m.amount, 0)).toBe(5_250_000);
    const population = full.reduce((s, m) => s + m.population, 0);
    expect(population).toBe(168_456);
    for (const m of full) {
      // Largest remainder: each part is its exact share rounded down or up, the same shares as the base.
      const exact = (5_250_000 * m.population) / population;
      expect(Math.abs(m.amount - exact)).toBeLessThan(1);
      expect(m.share.equals(base.find((b) => b.member === m.member)!.share)).toBe(true);
    }
    // Eskilstuna, 62 820 of 168 456: 5 250 000 × 62 820 / 168 456 = 1 957 810.99 → 1 957 811 kr (base: 1 491 665).
    expect(full.find((m) => m.member === 'Eskilstuna')!.amount).toBe(1_957_811);
  });

  test('the JSON: scenarios in the base shapes; [] without a Scenarier sheet', async () => {
    const c = await computed(templateSheets());
    const json = c.json();
    expect(json.scenarios.map((s) => s.name)).toEqual([FULL_ALLOCATION]);
    const s = json.scenarios[0]!;
    expect(s.errors).toEqual([]);
    expect(s.budget.map((b) => b.contributions)).toEqual([21_000_000, 21_000_000, 21_000_000]);
    expect(s.budget.map((b) => b.result)).toEqual(json.budget.map((b) => b.result + 5_000_000));
    expect(Object.keys(s.budget[0]!)).toEqual(Object.keys(json.budget[0]!));
    expect(Object.keys(s.balance[0]!)).toEqual(Object.keys(json.balance[0]!));
    expect(s.room.map((r) => r.year)).toEqual([2024, 2025, 2026]);
    expect(s.checks.map((x) => [x.goal, x.year])).toEqual(json.checks.map((x) => [x.goal, x.year]));
    expect(s.checks.every((x) => x.cell === null)).toBe(true);
    const plain = await computed(exampleSheets());
    expect(plain.json().scenarios).toEqual([]);
    expect(plain.sheets.map((x) => x.name)).not.toContain('Scenariojämförelse');
    // A Scenarier sheet with only its headers (template --empty): no comparison either.
    const headersOnly = await computed([...exampleSheets(), scenariosTemplateSheet([])]);
    expect(headersOnly.errors).toEqual([]);
    expect(headersOnly.json().scenarios).toEqual([]);
    expect(headersOnly.sheets).toEqual(plain.sheets);
  });

  test('Sammanfattning shows the room for new grants of each year, as the JSON has it', async () => {
    const c = await computed(exampleSheets());
    const summary = c.sheets[0]!;
    const room = c.json().room;
    expect(rowOf(summary, 'Nya insatser inom målen').slice(1, 4)).toEqual(room.map((r) => r.withinGoals));
    expect(rowOf(summary, 'Begränsas av').slice(1, 4)).toEqual(
      room.map((r) => `${r.limitedBy}, ${['mars 2024', 'juni 2026', 'juni 2026'][room.indexOf(r)]}`),
    );
    expect(room.map((r) => r.limitingMonth)).toEqual(['2024-03', '2026-06', '2026-06']);
    expect(rowOf(summary, 'Inom årets resultat').slice(1, 4)).toEqual(c.json().budget.map((b) => b.result));
    expect(rowOf(summary, 'Att förbruka ned till högsta eget kapital').slice(1, 4)).toEqual(room.map((r) => r.spendToCap));
  });

  test('in tkr the comparison adds up: parties to their sum, and the differences too', async () => {
    const sheets = templateSheets();
    sheetOf(sheets, 'Inställningar').rows.find((r) => r[0] === 'Enhet')![1] = 'tkr';
    // Uneven amounts, so that rounding each cell on its own would not add up.
    sheetOf(sheets, 'Scenarier').rows.push(['Udda', 'År', 2024, 'Medlemsavgifter', 16_001_501]);
    const c = await computed(sheets);
    expect(c.errors).toEqual([]);
    const sheet = c.sheets.find((s) => s.name === 'Scenariojämförelse')!;
    const v = values(sheet);
    expect(v[0]![0]).toMatch(/\(tkr\)/);
    for (let nth = 0; nth < 3; nth++) {
      const total = rowOf(sheet, 'Summa medlemsavgifter', nth) as number[];
      const parts = ['Medlemsavgift staten', 'Medlemsavgift regionen', 'Medlemsavgift kommunerna'].map(
        (l) => rowOf(sheet, l, nth) as number[],
      );
      for (let col = 1; col < total.length; col++) expect(parts.reduce((s, p) => s + p[col]!, 0)).toBe(total[col]);
    }
    // The scenario's 2024 result in tkr is the one its Sammanfattning would show: equity's difference.
    const result = rowOf(sheet, 'Årets resultat') as number[];
    const base = c.sheets.find((s) => s.name === 'Sammanfattning')!;
    expect(result[1]).toBe(rowOf(base, 'Årets resultat')[1]);
  });
});

/** A plan's figures (without its input, whose grids and Maps differ by identity only). */
const figures = (p: Plan) => ({
  splits: p.splits,
  budget: p.budget,
  balance: p.balance,
  liquidity: p.liquidity,
  checks: p.checks,
});

describe('properties of the shared refresh', () => {
  const change = fc.oneof(
    fc.record({
      sheet: fc.constant('År'),
      row: fc.constantFrom<CellValue>(2024, 2025, 2026),
      column: fc.constantFrom('Medlemsavgifter', 'ESF-intäkter', 'Övriga intäkter'),
      value: fc.integer({ min: 0, max: 30_000_000 }),
    }),
    fc.record({
      sheet: fc.constant('Medlemmar'),
      row: fc.constantFrom<CellValue>('Eskilstuna', 'Strängnäs', 'Vingåker'),
      column: fc.constant('Invånare'),
      value: fc.integer({ min: 0, max: 100_000 }),
    }),
    fc.record({
      sheet: fc.constant('Mål'),
      row: fc.constantFrom<CellValue>('Lägsta likviditet', 'Högsta eget kapital'),
      column: fc.constant(''),
      value: fc.integer({ min: 0, max: 5_000_000 }),
    }),
  );
  const scenarioArb = fc.uniqueArray(change, { selector: (c) => `${c.sheet}|${String(c.row)}|${c.column}`, maxLength: 4 });

  test('each scenario of the shared refresh equals its inputs computed on their own; the base is untouched', async () => {
    const plain = await computed(exampleSheets());
    await fc.assert(
      fc.asyncProperty(fc.array(scenarioArb, { minLength: 1, maxLength: 5 }), async (sets) => {
        const rows = sets.flatMap((changes, i): Row[] =>
          changes.length === 0
            ? [[`S${i + 1}`, null, null, null, null]]
            : changes.map((c) => [`S${i + 1}`, c.sheet, c.row, c.column, c.value]),
        );
        const sheets = [...exampleSheets(), scenariosTemplateSheet(rows)];
        const wb = new ExcelJS.Workbook();
        addTemplateSheets(wb, sheets);
        const snapshot = await new XlsxHost(wb).read();
        const c = computeFromSnapshot(snapshot);
        expect(c.errors).toEqual([]);
        // The base and its sheets are as without scenarios.
        expect(figures(c.plan!)).toEqual(figures(plain.plan!));
        expect(c.sheets.filter((x) => x.name !== 'Scenariojämförelse')).toEqual(plain.sheets);
        const scenarios = parseScenarios(
          snapshot.inputs.find((g) => g.name === 'Scenarier')!,
          [],
        );
        expect(c.scenarios.map((x) => x.name)).toEqual(scenarios.map((x) => x.name));
        scenarios.forEach((scenario, i) => {
          const alone = parseWorkbook(applyScenario(snapshot, scenario).snapshot);
          expect(figures(c.scenarios[i]!.plan!)).toEqual(figures(computePlan(alone.input!)));
          if (sets[i]!.length === 0) expect(figures(c.scenarios[i]!.plan!)).toEqual(figures(plain.plan!));
        });
      }),
      { numRuns: 12 },
    );
  });
});

describe('the template files', () => {
  test('examples/rar-sormland-2024.xlsx is the template as the command writes it, with the scenario', async () => {
    const file = `${dir}/mall.xlsx`;
    expect((await runCli(['template', file])).code).toBe(0);
    const example = await gridsOf(`${__dirname}/../examples/rar-sormland-2024.xlsx`);
    expect(example).toEqual(await gridsOf(file));
    expect(example['Scenarier']!.slice(1).map((r) => r.slice(0, 5))).toEqual(EXAMPLE_SCENARIOS.map((r) => r.slice(0, 5)));
  });

  test('template --empty: every input sheet with headers, an empty Scenarier and Utfall, the goals as their defaults', async () => {
    const file = `${dir}/tom.xlsx`;
    expect((await runCli(['template', '--empty', file])).code).toBe(0);
    const wb = await readBook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...exampleSheets().map((s) => s.name),
      'Kapitaltak',
      'Scenarier',
      'Utfall',
    ]);
    const snapshot = await new XlsxHost(wb).read();
    const grid = (name: string) => snapshot.inputs.find((g) => g.name === name)!;
    expect(grid('Scenarier').values).toEqual([['Scenario', 'Blad', 'Rad', 'Kolumn', 'Värde', 'Kommentar']]);
    expect(grid('Utfall').values.at(-1)).toEqual(['Post', 'Prognos helår']); // under its title, no data
    expect(grid('Inställningar').values.map((r) => r[0])).toContain('Uppföljning till och med');
    expect(grid('År').values).toHaveLength(1);
    const errors: never[] = [];
    expect(parseGoals(grid('Mål'), errors)).toEqual(defaultGoals());
    expect(errors).toEqual([]);
    // Nothing to compute yet: the first plan year is asked for, nothing else is wrong.
    const { code, out } = await runCli(['refresh', file, '--json']);
    expect(code).toBe(1);
    expect((JSON.parse(out) as PlanJson).errors.map((e) => [e.sheet, e.cell, e.code])).toEqual([
      ['Inställningar', 'B3', 'required'],
    ]);
    expect((await runCli(['template', '--empty', file])).code).toBe(2); // never overwrites
  });
});

describe('a comparison written before', () => {
  test('says there are no scenarios once the Scenarier sheet is gone', async () => {
    const file = await exampleFile(dir, 'gone.xlsx', (s) => s.push(scenariosTemplateSheet()));
    expect((await runCli(['refresh', file])).code).toBe(0);
    const wb = await readBook(file);
    wb.removeWorksheet(wb.getWorksheet('Scenarier')!.id);
    await wb.xlsx.writeFile(file);
    expect((await runCli(['refresh', file])).code).toBe(0);
    const grids = await gridsOf(file);
    const text = grids['Scenariojämförelse']!.flat().join(' ');
    expect(text).toMatch(/Arbetsboken har inga scenarier/);
    expect(text).not.toMatch(/Full statlig tilldelning/);
  });
});

describe('bad scenario input through the command: exit 1, the Scenarier cell named, nothing written', () => {
  const CASES: [string, Row[], string, ErrorCode, RegExp][] = [
    [
      'an unknown sheet',
      [['S', 'Budgeten', 2024, 'Medlemsavgifter', 1]],
      'B2',
      'scenarioUnknownSheet',
      /”Budgeten” är inget blad/,
    ],
    [
      'an unknown row (a parameter that does not exist)',
      [['S', 'Inställningar', 'Valuta', '', 'EUR']],
      'C2',
      'scenarioUnknownRow',
      /har ingen rad ”Valuta”/,
    ],
    [
      'an unknown column',
      [['S', 'År', 2024, 'Medlemsbidrag', 1]],
      'D2',
      'scenarioUnknownColumn',
      /har ingen kolumn ”Medlemsbidrag”/,
    ],
    [
      'a value of the wrong kind',
      [['S', 'År', 2025, 'Medlemsavgifter', 'mycket']],
      'E2',
      'notANumber',
      /”mycket” är inte ett tal/,
    ],
    [
      'a new row missing a required column',
      [
        ['S', 'Insatser', 'Ny insats', 'Start', '2025-01'],
        ['S', 'Insatser', 'Ny insats', 'Status', 'Beslutad'],
      ],
      'C2',
      'scenarioNewRowMissing',
      /”Slut” och ”Budget totalt” saknas/,
    ],
  ];
  test.each(CASES)('%s', async (name, scenarioRows, cell, code, message) => {
    const file = await exampleFile(dir, `${name.replace(/\W+/g, '-')}.xlsx`, (s) => s.push(scenariosTemplateSheet(scenarioRows)));
    const before = await fs.readFile(file);
    const { code: exit, out } = await runCli(['refresh', file, '--json']);
    expect(exit).toBe(1);
    const doc = JSON.parse(out) as PlanJson;
    expect(doc.errors.map((e) => [e.sheet, e.cell, e.code])).toEqual([['Scenarier', cell, code]]);
    expect(doc.errors[0]!.message).toMatch(message);
    expect(doc.budget).toEqual([]);
    expect(doc.scenarios.map((s) => [s.name, s.errors.map((e) => e.code)])).toEqual([['S', [code]]]);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    // Without --json: the message on the command's error output, the cell named.
    const plain = await runCli(['refresh', file]);
    expect(plain.code).toBe(1);
    expect(plain.out + plain.err).toContain(`Scenarier!${cell}`);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  test("a scenario's own errors are reported beside the base's", async () => {
    const file = await exampleFile(dir, 'both.xlsx', (s) => {
      sheetOf(s, 'År').rows[1]![1] = 'sexton miljoner';
      s.push(scenariosTemplateSheet([['S', 'Budgeten', 2024, 'Medlemsavgifter', 1]]));
    });
    const before = await fs.readFile(file);
    const { code, out } = await runCli(['refresh', file, '--json']);
    expect(code).toBe(1);
    expect((JSON.parse(out) as PlanJson).errors.map((e) => [e.sheet, e.cell, e.code])).toEqual([
      ['År', 'B2', 'notANumber'],
      ['Scenarier', 'B2', 'scenarioUnknownSheet'],
    ]);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  test('the example scenarios themselves are fine', async () => {
    const file = await exampleFile(dir, 'fine.xlsx', (s) => s.push(scenariosTemplateSheet(EXAMPLE_SCENARIOS)));
    const { code, out } = await runCli(['refresh', file, '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as PlanJson).scenarios[0]!.budget[0]!.result).toBe(6_538_000);
  });
});
