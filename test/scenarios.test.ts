/**
 * Scenarios (`Scenarier`): the example's "Full statlig tilldelning" against hand-computed figures,
 * properties (no changes = the base; order does not matter; untouched sheets shared), and bad input
 * (the `Scenarier` cell named, with its code).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { computePlan, Plan } from '../src/engine/plan';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets, TemplateSheet } from '../src/workbook/example';
import type { CellValue, WorkbookSnapshot } from '../src/workbook/grid';
import { renderScenarioSheet } from '../src/workbook/outputs/scenariosSheet';
import { parseWorkbook } from '../src/workbook/parse';
import {
  applyScenario,
  computeScenarios,
  memoisedSheetParsers,
  memoParse,
  planSharing,
  ScenarioResult,
  SheetMemo,
} from '../src/workbook/scenarios';
import { parseYears } from '../src/workbook/sheets/years';
import { planCalendar } from '../src/engine/plan';
import { planIntervention } from '../src/engine/interventions';
import { splitYears } from '../src/engine/split';
import { EXAMPLE_SCENARIOS, FULL_ALLOCATION, parseScenarios, scenariosTemplateSheet } from '../src/workbook/sheets/scenarios';
import { scenariosJson } from '../src/workbook/outputs/scenariosJson';
import { planToJson } from '../src/workbook/json';

type Row = readonly CellValue[];

async function snapshotOf(scenarioRows: readonly Row[], mutate: (sheets: TemplateSheet[]) => void = () => undefined) {
  const sheets: TemplateSheet[] = [...exampleSheets(), scenariosTemplateSheet(scenarioRows)];
  mutate(sheets);
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, sheets);
  return new XlsxHost(wb).read();
}

function computeAll(snapshot: WorkbookSnapshot) {
  const parsed = parseWorkbook(snapshot);
  expect(parsed.errors).toEqual([]);
  const plan = computePlan(parsed.input!);
  return { parsed, plan, scenarios: computeScenarios(snapshot, { parsed, plan }) };
}

const one = (r: { scenarios: ScenarioResult[] }, name: string) => r.scenarios.find((s) => s.name === name)!;
/** A plan's figures that a scenario changes: without the input (grids, Maps) and in plain numbers. */
const figures = (p: Plan) => ({
  splits: p.splits,
  budget: p.budget,
  balance: p.balance,
  liquidity: p.liquidity,
  checks: p.checks,
});

describe('the example: Full statlig tilldelning (21 000 000 kr a year)', () => {
  let base: Plan;
  let full: Plan;
  beforeAll(async () => {
    const r = computeAll(await snapshotOf(EXAMPLE_SCENARIOS));
    expect(r.scenarios.errors).toEqual([]);
    expect(r.scenarios.scenarios.map((s) => s.name)).toEqual([FULL_ALLOCATION]);
    base = r.plan;
    full = one(r.scenarios, FULL_ALLOCATION).plan!;
  });

  test('contributions: 10 500 000 state, 5 250 000 region, 5 250 000 kommuner, each year', () => {
    for (const s of full.splits) {
      expect(s.total).toBe(21_000_000);
      expect(s.parties).toEqual({ state: 10_500_000, region: 5_250_000, municipalities: 5_250_000 });
    }
    expect(full.budget.map((b) => b.contributions)).toEqual([21_000_000, 21_000_000, 21_000_000]);
  });

  test("each kommun's part: 5 250 000 by the 2018 inhabitants 16–64 (168 456 in all)", () => {
    // 5 250 000 × inhabitants / 168 456, to whole kronor by the largest remainder:
    //   Eskilstuna 62 820 → 1 957 810,94 · Flen 9 228 → 287 594,39 · Gnesta 6 248 → 194 721,47
    //   Katrineholm 19 667 → 612 930,08 · Nyköping 31 643 → 986 167,01 · Oxelösund 6 616 → 206 190,34
    //   Strängnäs 20 078 → 625 739,07 · Trosa 7 043 → 219 497,97 · Vingåker 5 113 → 159 348,73
    // The floors add up to 5 249 996: the four largest remainders (Trosa ,97; Eskilstuna ,94;
    // Vingåker ,73; Gnesta ,47) get one krona more.
    const expected: Record<string, number> = {
      Eskilstuna: 1_957_811,
      Flen: 287_594,
      Gnesta: 194_722,
      Katrineholm: 612_930,
      Nyköping: 986_167,
      Oxelösund: 206_190,
      Strängnäs: 625_739,
      Trosa: 219_498,
      Vingåker: 159_349,
    };
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(5_250_000);
    for (const s of full.splits) {
      const kommuner = Object.fromEntries(s.members.filter((m) => m.party === 'municipalities').map((m) => [m.member, m.amount]));
      expect(kommuner).toEqual(expected);
      const state = s.members.filter((m) => m.party === 'state');
      expect(state.map((m) => [m.member, m.amount])).toEqual([['Försäkringskassan', 10_500_000]]);
    }
  });

  test('result: 5 000 000 better than the base every year; 2024 is 6 538 000', () => {
    // 2024: income 21 000 000 + ESF 2 000 000 = 23 000 000; costs 7 250 000 operating + 9 212 000
    // interventions = 16 462 000; result 6 538 000 (the base: 1 538 000).
    expect(base.budget[0]!.result).toBe(1_538_000);
    expect(full.budget[0]!.result).toBe(6_538_000);
    full.budget.forEach((b, i) => expect(b.result).toBe(base.budget[i]!.result + 5_000_000));
    // Equity grows by 5, 10 and 15 mkr over the base's.
    full.budget.forEach((b, i) => expect(b.equityEnd).toBe(base.budget[i]!.equityEnd + 5_000_000 * (i + 1)));
  });

  test('the scenario shares every untouched sheet with the base and copies only the changed row', async () => {
    const snapshot = await snapshotOf(EXAMPLE_SCENARIOS);
    const [scenario] = parseScenarios(
      snapshot.inputs.find((g) => g.name === 'Scenarier')!,
      [],
    );
    const applied = applyScenario(snapshot, scenario!);
    expect(applied.errors).toEqual([]);
    applied.snapshot.inputs.forEach((g, i) => {
      const b = snapshot.inputs[i]!;
      if (g.name === 'År') {
        expect(g).not.toBe(b);
        g.values.forEach((row, r) => (r === 0 ? expect(row).toBe(b.values[r]) : expect(row).not.toBe(b.values[r])));
        expect(b.values[1]![1]).toBe(16_000_000); // the base is untouched
      } else expect(g).toBe(b);
    });
  });
});

describe('properties', () => {
  const yearChange = fc.record({
    year: fc.constantFrom(2024, 2025, 2026),
    column: fc.constantFrom('Medlemsavgifter', 'ESF-intäkter', 'Övriga intäkter', 'Finansiella intäkter'),
    value: fc.integer({ min: 0, max: 40_000_000 }),
  });
  const scenarioArb = fc.uniqueArray(yearChange, { selector: (c) => `${c.year}|${c.column}`, maxLength: 4 });

  test('a scenario without changes equals the base', async () => {
    const r = computeAll(await snapshotOf([['Oförändrat', null, null, null, null]]));
    const s = one(r.scenarios, 'Oförändrat');
    expect(s.errors).toEqual([]);
    expect(figures(s.plan!)).toEqual(figures(r.plan));
  });

  test('a scenario that sets every value to what it is equals the base', async () => {
    const rows: Row[] = [2024, 2025, 2026].map((y) => ['Samma', 'År', y, 'Medlemsavgifter', 16_000_000]);
    const r = computeAll(await snapshotOf(rows));
    expect(figures(one(r.scenarios, 'Samma').plan!)).toEqual(figures(r.plan));
  });

  test('scenario order does not change any result', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(scenarioArb, { minLength: 1, maxLength: 4 }), fc.integer(), async (changeSets, seed) => {
        const named = changeSets.map((changes, i) => ({ name: `S${i + 1}`, changes }));
        const rowsOf = (list: typeof named) =>
          list.flatMap((s): Row[] =>
            s.changes.length === 0
              ? [[s.name, null, null, null, null]]
              : s.changes.map((c) => [s.name, 'År', c.year, c.column, c.value]),
          );
        // A shuffled order of the scenarios, and of the rows among them.
        const shuffled = named
          .map((s, i) => ({ s, k: (Math.imul(i + 1, seed | 1) >>> 0) % 997 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.s);
        const a = computeAll(await snapshotOf(rowsOf(named)));
        const b = computeAll(await snapshotOf(rowsOf(shuffled).reverse()));
        for (const s of named) {
          const x = one(a.scenarios, s.name);
          const y = one(b.scenarios, s.name);
          expect(y.errors.map((e) => e.code)).toEqual(x.errors.map((e) => e.code));
          if (x.plan) expect(figures(y.plan!)).toEqual(figures(x.plan));
          else expect(y.plan).toBeNull();
        }
      }),
      { numRuns: 15 },
    );
  });

  test('a memoised parse gives the same scenarios', async () => {
    const snapshot = await snapshotOf([
      ...EXAMPLE_SCENARIOS,
      ['Oförändrat', null, null, null, null],
      ...EXAMPLE_SCENARIOS.map((r) => ['Kopia', ...r.slice(1)]),
    ]);
    const parsed = parseWorkbook(snapshot);
    const plan = computePlan(parsed.input!);
    const plain = computeScenarios(snapshot, { parsed, plan });
    const memo = computeScenarios(snapshot, { parsed, plan }, { parse: memoParse() });
    expect(memo.scenarios.map((s) => figures(s.plan!))).toEqual(plain.scenarios.map((s) => figures(s.plan!)));
  });
});

describe('changes of every kind', () => {
  test('a new intervention, a changed goal and a changed setting', async () => {
    const rows: Row[] = [
      ['Ny insats', 'Insatser', 'Arbetsträning', 'Start', '2025-01'],
      ['', 'Insatser', 'Arbetsträning', 'Slut', '2025-12'],
      ['', 'Insatser', 'Arbetsträning', 'Budget totalt', 1_200_000],
      ['', 'Insatser', 'Arbetsträning', 'Status', 'Beslutad'],
      ['', 'Mål', 'Lägsta likviditet', '', 1_000_000],
      ['', 'Inställningar', 'Avrundning', 'Värde', 'promille'],
    ];
    const r = computeAll(await snapshotOf(rows));
    const s = one(r.scenarios, 'Ny insats');
    expect(s.errors).toEqual([]);
    const p = s.plan!;
    expect(p.interventions.map((i) => i.intervention.name)).toContain('Arbetsträning');
    expect(p.budget[1]!.interventionCosts).toBe(r.plan.budget[1]!.interventionCosts + 1_200_000);
    expect(p.input.goals.liquidity.limit).toBe(1_000_000);
    expect(p.input.settings.rounding).toBe('promille');
    expect(p.budget[0]).toEqual(r.plan.budget[0]);
  });

  test('an intervention found by its Nr; a year column given', async () => {
    const r = computeAll(await snapshotOf([['Senare', 'Insatser', 2, '2024', 100_000]]));
    const s = one(r.scenarios, 'Senare');
    expect(s.errors).toEqual([]);
    const unga = s.plan!.interventions.find((i) => i.intervention.name === 'Unga på väg')!;
    expect(unga.years[0]!.amount).toBe(100_000);
  });
});

describe('bad input: the Scenarier cell is named, with a code', () => {
  async function errorsOf(rows: Row[]) {
    const r = computeAll(await snapshotOf(rows));
    return r.scenarios.errors.map((e) => ({ sheet: e.sheet, cell: e.cell, code: e.code }));
  }

  test('an unknown sheet', async () => {
    expect(await errorsOf([['X', 'Budget', 2024, 'Medlemsavgifter', 1]])).toEqual([
      { sheet: 'Scenarier', cell: 'B2', code: 'scenarioUnknownSheet' },
    ]);
  });

  test('an unknown row where none can be added (a parameter that does not exist)', async () => {
    expect(await errorsOf([['X', 'Inställningar', 'Statens bidrag', 'Värde', 1]])).toEqual([
      { sheet: 'Scenarier', cell: 'C2', code: 'scenarioUnknownRow' },
    ]);
  });

  test('a Rad on År that is no year', async () => {
    expect(await errorsOf([['X', 'År', 'nästa år', 'Medlemsavgifter', 1]])).toEqual([
      { sheet: 'Scenarier', cell: 'C2', code: 'notAnInteger' },
    ]);
  });

  test('an unknown column', async () => {
    expect(await errorsOf([['X', 'År', 2024, 'Medlemsavgift', 1]])).toEqual([
      { sheet: 'Scenarier', cell: 'D2', code: 'scenarioUnknownColumn' },
    ]);
  });

  test('a value of the wrong kind: the Värde cell, with the parser’s code', async () => {
    const r = computeAll(await snapshotOf([['Fel', 'År', 2024, 'Medlemsavgifter', 'sexton miljoner']]));
    const s = one(r.scenarios, 'Fel');
    expect(s.errors.map((e) => [e.sheet, e.cell, e.code, e.direct])).toEqual([['Scenarier', 'E2', 'notANumber', true]]);
    expect(s.errors[0]!.cause).toMatchObject({ sheet: 'År', cell: 'B2' });
    expect(s.errors[0]!.message).toContain('Fel');
    expect(s.errors[0]!.message).toContain('sexton miljoner');
    expect(s.plan).toBeNull();
  });

  test('a new row missing a required column: the Rad cell of the change that adds it', async () => {
    const rows: Row[] = [
      ['Ny', 'Insatser', 'Arbetsträning', 'Budget totalt', 500_000],
      ['Ny', 'Insatser', 'Arbetsträning', 'Start', '2025-01'],
    ];
    const r = computeAll(await snapshotOf(rows));
    const s = one(r.scenarios, 'Ny');
    expect(s.errors.map((e) => [e.cell, e.code])).toEqual([['C2', 'scenarioNewRowMissing']]);
    expect(s.errors[0]!.message).toContain('Slut');
  });

  test('an error the change causes elsewhere names the scenario’s first cell and says so', async () => {
    // Three plan years become four: År has no 2027 row.
    const r = computeAll(await snapshotOf([['Längre', 'Inställningar', 'Antal planår', 'Värde', 4]]));
    const s = one(r.scenarios, 'Längre');
    expect(s.errors.map((e) => [e.sheet, e.cell, e.code, e.direct])).toEqual([['Scenarier', 'A2', 'yearsMismatch', false]]);
    expect(s.errors[0]!.message).toMatch(/Längre/);
  });

  test('the same cell changed twice in one scenario', async () => {
    const rows: Row[] = [
      ['X', 'År', 2024, 'Medlemsavgifter', 1],
      ['X', 'År', 2024, 'Medlemsavgifter', 2],
    ];
    expect(await errorsOf(rows)).toEqual([{ sheet: 'Scenarier', cell: 'E3', code: 'scenarioDuplicateChange' }]);
  });

  test('a row without Blad: required, on the Scenarier sheet itself', async () => {
    expect(await errorsOf([['X', null, 2024, 'Medlemsavgifter', 1]])).toEqual([
      { sheet: 'Scenarier', cell: 'B2', code: 'required' },
    ]);
  });
});

describe('the comparison sheet and the JSON', () => {
  test('side by side per year with the difference from the base', async () => {
    const r = computeAll(await snapshotOf(EXAMPLE_SCENARIOS));
    const sheet = renderScenarioSheet(r.plan, r.scenarios.scenarios);
    const text = sheet.rows.map((row) => row.map((c) => c.v));
    const header = text[2]!;
    expect(header).toEqual(['Post', 'Grundbudget', FULL_ALLOCATION, `Skillnad: ${FULL_ALLOCATION}`]);
    const contributions = text.filter((row) => row[0] === 'Summa medlemsavgifter');
    expect(contributions).toEqual([0, 1, 2].map(() => ['Summa medlemsavgifter', 16_000_000, 21_000_000, 5_000_000]));
    const results = text.filter((row) => row[0] === 'Årets resultat');
    expect(results[0]).toEqual(['Årets resultat', 1_538_000, 6_538_000, 5_000_000]);
  });

  test('scenariosJson: the base shapes per scenario', async () => {
    const r = computeAll(await snapshotOf([...EXAMPLE_SCENARIOS, ['Fel', 'År', 2024, 'Medlemsavgifter', 'x']]));
    const json = scenariosJson(r.scenarios.scenarios);
    expect(json.map((s) => s.name)).toEqual([FULL_ALLOCATION, 'Fel']);
    expect(json[0]!.errors).toEqual([]);
    expect(json[0]!.budget.map((b) => b.contributions)).toEqual([21_000_000, 21_000_000, 21_000_000]);
    expect(json[0]!.balance).toHaveLength(3);
    expect(json[0]!.checks.length).toBeGreaterThan(0);
    expect(json[0]!.room).toEqual(planToJson(one(r.scenarios, FULL_ALLOCATION).plan, []).room);
    expect(json[0]!.room.map((x) => x.year)).toEqual([2024, 2025, 2026]);
    expect(json[1]!.errors).toEqual([expect.objectContaining({ sheet: 'Scenarier', cell: 'E5', code: 'notANumber' })]);
    expect(json[1]!.budget).toEqual([]);
  });
});

describe('sharing helpers (for parseWorkbook and computePlan to call through)', () => {
  test('a memoised sheet parse replays its errors and returns the same result', async () => {
    const snapshot = await snapshotOf([], (s) => {
      s.find((x) => x.name === 'År')!.rows[1]![1] = 'sexton miljoner';
    });
    const years = snapshot.inputs.find((g) => g.name === 'År')!;
    const memo = new SheetMemo();
    const parsers = memoisedSheetParsers(memo);
    const plainErrors: never[] = [];
    const expected = parseYears(years, [2024, 2025, 2026], plainErrors);
    for (let i = 0; i < 3; i++) {
      const errors: never[] = [];
      expect(parsers.parseYears(years, [2024, 2025, 2026], errors)).toEqual(expected);
      expect(errors).toEqual(plainErrors);
    }
    expect(plainErrors.length).toBe(1);
    expect([memo.misses, memo.hits]).toEqual([1, 2]);
    const other: never[] = [];
    parsers.parseYears(years, [2024, 2025], other); // other plan years: parsed again
    expect(memo.misses).toBe(2);
  });

  test('shared splits and intervention plans equal the computed ones', async () => {
    const snapshot = await snapshotOf([]);
    const input = parseWorkbook(snapshot).input!;
    const sharing = planSharing();
    const cal = planCalendar(input);
    const first = sharing.splitYears(input.settings, input.years, input.members);
    expect(first).toEqual(splitYears(input.settings, input.years, input.members));
    expect(sharing.splitYears(input.settings, input.years, input.members)).toBe(first);
    for (const iv of input.interventions) {
      const p = sharing.planIntervention(iv, cal);
      expect(p).toEqual(planIntervention(iv, cal));
      expect(sharing.planIntervention(iv, cal)).toBe(p);
    }
  });
});
