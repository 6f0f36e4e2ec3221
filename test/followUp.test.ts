/**
 * Follow-up and forecast: golden figures on the second bundled example (examples/rar-sormland-2024-
 * uppfoljning.xlsx: the RAR plan 2024–2026 with six months of illustrative outcome for 2024), worked
 * out by hand in the comments; the prognosis-year case (2023 before the plan, its forecast opening the
 * plan exactly as the bundled example opens); tkr that add up; and bad input through the real command.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from './helpers/cli';
import { addTemplateSheets, readGrid } from '../src/hosts/xlsx/xlsxHost';
import type { ErrorCode } from '../src/messages/errors';
import { exampleSheets, TemplateSheet, templateSheet } from '../src/workbook/example';
import { FOLLOW_UP_EXAMPLE_FILE, followUpExampleSheets } from '../src/workbook/exampleFollowUp';
import type { OutputSheet } from '../src/workbook/grid';
import type { PlanJson } from '../src/workbook/json';
import { computeFromSnapshot } from '../src/workbook/refresh';
import { YEARS_SPEC } from '../src/workbook/sheets/years';
import { gridsOf, sheetOf, tempDir } from './helpers/files';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const EXAMPLE = path.join(__dirname, '..', 'examples', FOLLOW_UP_EXAMPLE_FILE);

async function write(name: string, sheets: TemplateSheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, sheets);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

/** The follow-up example, changed by `mutate`, as a real file. */
async function followUpFile(name: string, mutate: (s: TemplateSheet[]) => void = () => undefined): Promise<string> {
  const sheets = followUpExampleSheets();
  mutate(sheets);
  return write(name, sheets);
}

/** Compute from template sheets in-process (the grids a host would read). */
function computed(sheets: TemplateSheet[]) {
  return computeFromSnapshot({
    inputs: sheets.map((s) => ({ name: s.name, values: s.rows, rowOffset: 0, colOffset: 0 })),
    sheetNames: sheets.map((s) => s.name),
    ownedSheets: [],
  });
}

const jsonOf = async (file: string): Promise<PlanJson> => {
  const { code, out } = await runCli(['refresh', file, '--json', '--out', path.join(dir, 'out.xlsx')]);
  expect(code).toBe(0);
  return JSON.parse(out) as PlanJson;
};

describe('the second bundled example: RAR 2024–2026, outcome through June 2024', () => {
  test('the file in examples/ is what scripts/make-followup-example.js makes from the source', async () => {
    const fresh = await write('fresh.xlsx', followUpExampleSheets());
    expect(await gridsOf(EXAMPLE)).toEqual(await gridsOf(fresh));
    // It says it is illustrative, on Utfall and on Inställningar.
    const grids = await gridsOf(EXAMPLE);
    expect(String(grids['Utfall']![0]![0])).toMatch(/Illustrativt utfall/);
    expect(grids['Inställningar']!.some((r) => r[0] === 'Uppföljning till och med' && /Illustrativt/.test(String(r[2])))).toBe(
      true,
    );
  });

  test('budget to date, actual to date, deviations and forecasts (by hand)', async () => {
    const doc = await jsonOf(EXAMPLE);
    const fu = doc.followUp!;
    expect([fu.year, fu.through, fu.prognosisYear]).toEqual([2024, '2024-06', false]);
    const line = (name: string) => fu.lines.find((l) => l.name === name)!;

    // Styrelse: 479 000 kr over 12 months = 39 916 kr a month and 8 kronor left, one each to January–
    // August: 39 917 × 6 = 239 502 to date. Actual 35 000 + 41 200 + 38 900 + 36 500 + 44 100 + 39 800 =
    // 235 500; deviation −4 002 (−1.67 %). Forecast 235 500 + (479 000 − 239 502) = 474 998.
    expect(line('Styrelse')).toMatchObject({
      budgetYear: 479000,
      budgetToDate: 239502,
      actualToDate: 235500,
      deviationToDate: -4002,
      deviationToDatePercent: '-1.67',
      forecastYear: 474998,
      forecastGiven: false,
      marked: false,
    });
    // Kansli: 3 271 000 / 12 = 272 583 and 4 left (January–April 272 584): 4 × 272 584 + 2 × 272 583 =
    // 1 635 502. Actual 268 000 + 271 500 + 275 200 + 280 100 + 269 800 + 301 400 = 1 666 000: +30 498,
    // an overrun of 1.86 %, under the 10 % threshold. Forecast 1 666 000 + 1 635 498 = 3 301 498.
    expect(line('Kansli')).toMatchObject({
      budgetToDate: 1635502,
      actualToDate: 1666000,
      deviationToDate: 30498,
      deviationToDatePercent: '1.86',
      forecastYear: 3301498,
      marked: false,
    });
    // Samverkansstöd: 3 500 000 / 12 = 291 666, 8 left: 291 667 × 6 = 1 750 002 to date; actual
    // 210 000 + 245 000 + 260 000 + 255 000 + 270 000 + 230 000 = 1 470 000: −280 002 (−16.00 %, marked).
    // Its own Prognos helår 3 100 000 is used instead of 1 470 000 + 1 749 998: −400 000 for the year.
    expect(line('Samverkansstöd, ESF, utvärdering')).toMatchObject({
      budgetToDate: 1750002,
      actualToDate: 1470000,
      deviationToDate: -280002,
      deviationToDatePercent: '-16.00',
      forecastYear: 3100000,
      forecastGiven: true,
      deviationYear: -400000,
      deviationYearPercent: '-11.43',
      marked: true,
    });
    // Sikta mot arbetslivet (Utfall's Post is its Nr, 1): 9 000 000 in 2024 over 12 months = 750 000 a
    // month, 4 500 000 to date; actual 610 000 + 640 000 + 655 000 + 700 000 + 690 000 + 705 000 =
    // 4 000 000: −500 000 (−11.11 %, marked). Forecast 4 000 000 + 4 500 000 = 8 500 000. Granted
    // 45 000 000, used 1 000 000 before the plan + 4 000 000 = 5 000 000, remaining 40 000 000.
    expect(line('Sikta mot arbetslivet')).toMatchObject({
      budgetToDate: 4500000,
      actualToDate: 4000000,
      deviationToDate: -500000,
      deviationToDatePercent: '-11.11',
      forecastYear: 8500000,
      granted: 45000000,
      usedInAll: 5000000,
      remaining: 40000000,
      marked: true,
    });
    // ESF: 2 000 000 / 12 = 166 666, 8 left: 1 000 002 to date; actual 450 000 + 480 000 = 930 000.
    expect(line('ESF-intäkter')).toMatchObject({ budgetToDate: 1000002, actualToDate: 930000, forecastYear: 1929998 });
    // Financial income without a budget: no per cent.
    expect(line('Finansiella intäkter')).toMatchObject({ budgetYear: 0, actualToDate: 2550, deviationToDatePercent: null });
    // The board's list: the largest deviations beyond the threshold, largest first.
    expect(fu.largestDeviations).toEqual(['Sikta mot arbetslivet', 'Samverkansstöd, ESF, utvärdering']);

    // Sums are sums of the lines; the result is income − costs.
    for (const key of ['budgetYear', 'budgetToDate', 'actualToDate', 'forecastYear'] as const) {
      const sum = (kind: string) => fu.lines.filter((l) => l.kind === kind).reduce((s, l) => s + l[key], 0);
      expect(fu.sums.income[key]).toBe(sum('income'));
      expect(fu.sums.costs[key]).toBe(sum('cost') + sum('intervention'));
      expect(fu.sums.result[key]).toBe(fu.sums.income[key] - fu.sums.costs[key]);
    }
    // The budget's result 1 538 000 (18 000 000 − 16 462 000, the 2024 plan's figure corrected).
    expect(fu.plannedBudget.result).toBe(1538000);
    // Forecast: income 16 000 000 + 1 929 998 + 0 + 2 550 = 17 932 548; costs 474 998 + 3 301 498 +
    // 3 100 000 + 8 500 000 + 210 998 (Unga på väg: 105 000 + 106 998) = 15 587 494; result 2 345 054.
    expect(fu.sums.income.forecastYear).toBe(17932548);
    expect(fu.sums.costs.forecastYear).toBe(15587494);
    expect(fu.budget.result).toBe(2345054);
  });

  test('the forecast drives the plan: 2024 year-end equity, and how it carries into 2025', async () => {
    const doc = await jsonOf(EXAMPLE);
    const base = computed(exampleSheets()).json();
    const b = (d: PlanJson, y: number) => d.budget.find((r) => r.year === y)!;
    // 2024: equity 1 861 000 + 2 345 054 = 4 206 054 (budgeted 3 399 000), in Budget and Balansplan alike.
    expect(b(doc, 2024)).toMatchObject({ result: 2345054, equityStart: 1861000, equityEnd: 4206054 });
    expect(b(base, 2024).equityEnd).toBe(3399000);
    expect(doc.balance.find((r) => r.year === 2024)!.equity).toBe(4206054);
    // December's cash is the forecast balance's cash: 4 206 054 + 889 000 − 250 000 = 4 845 054.
    expect(doc.liquidity.find((l) => l.month === '2024-12')!.cash).toBe(4845054);
    expect(doc.balance.find((r) => r.year === 2024)!.cash).toBe(4845054);
    // 2025 starts from the forecast.
    expect(b(doc, 2025).equityStart).toBe(4206054);
    // Sikta's remainder after 2024 follows from the forecast: 45 000 000 − 1 000 000 − 8 500 000 =
    // 35 500 000 over its 44 months January 2025–August 2028: 2025 takes 12/44 = 9 681 818.18… → 9 681 818
    // (the budgeted 35 000 000 gave 9 545 454.5… → 9 545 455).
    const sikta = (d: PlanJson) => d.interventions.find((r) => r.year === 2025 && r.name === 'Sikta mot arbetslivet')!;
    expect(sikta(doc).amount).toBe(9681818);
    expect(sikta(base).amount).toBe(9545455);
    expect(b(doc, 2025).interventionCosts - b(base, 2025).interventionCosts).toBe(9681818 - 9545455);
    // The goals of 2024 are judged on the forecast: equity 4 206 054 is above the 2.7 mkr cap.
    const cap = doc.followUp!.checks.find((c) => c.goal === 'Högsta eget kapital')!;
    expect([cap.status, cap.value]).toEqual(['Ej uppfyllt', 4206054]);
    // The room for new grants of 2024 uses the forecast (its result is the forecast's).
    expect(doc.room.find((r) => r.year === 2024)!.toResultTarget).toBe(2345054);
  });

  test('the written sheets: Uppföljning with the lines and the board list; Budget headed Prognos 2024', async () => {
    const out = path.join(dir, 'written.xlsx');
    const summary = await runCli(['refresh', EXAMPLE, '--out', out]);
    expect(summary.code).toBe(0);
    expect(summary.out.replace(/\u00a0/g, ' ')).toMatch(
      /Uppföljning 2024 till och med juni: resultat hittills 1 456 052 kr \(budget 768 996 kr\), prognos helår 2 345 054 kr \(budget 1 538 000 kr\); största avvikelser: ”Sikta mot arbetslivet”, ”Samverkansstöd, ESF, utvärdering”/,
    );
    // The forecast year is headed as a forecast in the summary too; the next year as a plan year.
    expect(summary.out.replace(/\u00a0/g, ' ')).toMatch(/^ {2}Prognos 2024: resultat 2 345 054 kr, eget kapital 4 206 054 kr/m);
    expect(summary.out).toMatch(/^ {2}2025: resultat/m);
    const grids = await gridsOf(out);
    const sheet = grids['Uppföljning']!;
    expect(sheet).toBeDefined();
    const row = (label: string) => sheet.find((r) => r[0] === label)!;
    // Post, Budget helår, Budget t.o.m., Utfall t.o.m., Avvikelse, %, Prognos helår, Avvikelse helår, %, …
    expect(row('Styrelse').slice(0, 5)).toEqual(['Styrelse', 479000, 239502, 235500, -4002]);
    expect(row('Årets resultat').slice(0, 7)).toEqual([
      'Årets resultat',
      1538000,
      768996,
      1456052,
      687056,
      expect.any(Number),
      2345054,
    ]);
    expect(row('Sikta mot arbetslivet (Samordningsförbundet)').slice(9, 13)).toEqual([
      45000000,
      5000000,
      40000000,
      'Över tröskeln',
    ]);
    expect(row('Samverkansstöd, ESF, utvärdering')[12]).toBe('Över tröskeln; Egen prognos');
    // Per kvartal: K1 + K2 are the half year to date (income 8 932 552, result 1 456 052); K3, K4 have no actual yet.
    const quarters = sheet.findIndex((r) => r[0] === 'Per kvartal');
    expect(sheet[quarters]!.slice(1, 5)).toEqual(['K1 jan–mar', 'K2 apr–jun', 'K3 jul–sep', 'K4 okt–dec']);
    const q = (label: string) => sheet.slice(quarters).find((r) => r[0] === label)!;
    expect((q('Intäkter, utfall')[1] as number) + (q('Intäkter, utfall')[2] as number)).toBe(8932552);
    expect((q('Resultat, utfall')[1] as number) + (q('Resultat, utfall')[2] as number)).toBe(1456052);
    expect(q('Resultat, utfall')[3] ?? null).toBeNull();
    // The budget of the four quarters is the year's: 1 538 000.
    expect((q('Resultat, budget').slice(1, 5) as number[]).reduce((a, b) => a + b, 0)).toBe(1538000);
    // Per tertial: only T1 is complete through June.
    const tertials = sheet.findIndex((r) => r[0] === 'Per tertial');
    const t = (label: string) => sheet.slice(tertials).find((r) => r[0] === label)!;
    expect(t('Resultat, utfall')[1]).toBe(893636);
    expect(t('Resultat, utfall')[2] ?? null).toBeNull();
    const budgetHeader = grids['Budget']!.find((r) => r[0] === 'Post')!;
    expect(budgetHeader.slice(1)).toEqual(['Prognos 2024', 2025, 2026]);
    // The bundled example without a follow-up has no Uppföljning sheet.
    const plain = computed(exampleSheets());
    expect(plain.sheets.map((s) => s.name)).not.toContain('Uppföljning');
  });

  test('month headers as real dates or month names read the same as 2024-01 text', async () => {
    const textual = await jsonOf(await followUpFile('text-months.xlsx'));
    const asDates = await jsonOf(
      await followUpFile('date-months.xlsx', (s) => {
        const header = sheetOf(s, 'Utfall').rows[1]!;
        for (let k = 0; k < 12; k++) header[2 + k] = new Date(Date.UTC(2024, k, 1));
      }),
    );
    const asNames = await jsonOf(
      await followUpFile('named-months.xlsx', (s) => {
        const header = sheetOf(s, 'Utfall').rows[1]!;
        const names = ['jan', 'februari', 'mars', 'apr', 'maj', 'juni 2024', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
        for (let k = 0; k < 12; k++) header[2 + k] = k === 5 ? names[k]! : `${names[k]} 2024`;
      }),
    );
    const bare = await jsonOf(
      await followUpFile('bare-months.xlsx', (s) => {
        const header = sheetOf(s, 'Utfall').rows[1]!;
        const names = ['Jan', 'Feb', 'Mar', 'Apr', 'Maj', 'Jun', 'Jul', 'Aug', 'Sep', 'Okt', 'Nov', 'Dec'];
        for (let k = 0; k < 12; k++) header[2 + k] = names[k]!;
      }),
    );
    expect(bare.followUp).toEqual(textual.followUp);
    expect(asDates.followUp).toEqual(textual.followUp);
    expect(asNames.followUp).toEqual(textual.followUp);
    // And `Uppföljning till och med` as a real date.
    const dated = await jsonOf(
      await followUpFile('dated-through.xlsx', (s) => {
        sheetOf(s, 'Inställningar').rows.find((r) => r[0] === 'Uppföljning till och med')![1] = new Date(Date.UTC(2024, 5, 30));
      }),
    );
    expect(dated.followUp).toEqual(textual.followUp);
  });

  test('Enhet tkr: Uppföljning in whole tkr whose parts add up, the result as Budget shows it', () => {
    const sheets = followUpExampleSheets();
    sheetOf(sheets, 'Inställningar').rows.find((r) => r[0] === 'Enhet')![1] = 'tkr';
    const c = computed(sheets);
    expect(c.errors).toEqual([]);
    const values = (s: OutputSheet) => s.rows.map((r) => r.map((x) => x.v));
    const fu = values(c.sheets.find((s) => s.name === 'Uppföljning')!);
    const budget = values(c.sheets.find((s) => s.name === 'Budget')!);
    const at = (label: string) => fu.find((r) => r[0] === label)!;
    const n = (label: string, col: number) => at(label)[col] as number;
    const costs = ['Styrelse', 'Kansli', 'Samverkansstöd, ESF, utvärdering'];
    const ivs = fu
      .slice(
        fu.findIndex((r) => r[0] === 'Insatser') + 1,
        fu.findIndex((r) => r[0] === 'Summa insatser'),
      )
      .map((r) => r[0] as string);
    expect(ivs).toHaveLength(3);
    for (const col of [1, 2, 3, 4, 6, 7]) {
      const sum = (labels: string[]) => labels.reduce((s, l) => s + n(l, col), 0);
      expect(n('Summa intäkter', col)).toBe(sum(['Medlemsavgifter', 'ESF-intäkter', 'Övriga intäkter', 'Finansiella intäkter']));
      expect(n('Summa verksamhetskostnader', col)).toBe(sum(costs));
      expect(n('Summa insatser', col)).toBe(sum(ivs));
      expect(n('Summa kostnader', col)).toBe(n('Summa verksamhetskostnader', col) + n('Summa insatser', col));
      expect(n('Årets resultat', col)).toBe(n('Summa intäkter', col) - n('Summa kostnader', col));
    }
    // The period views add up in tkr too.
    for (const title of ['Per kvartal', 'Per tertial']) {
      const from = fu.findIndex((r) => r[0] === title);
      const p = (label: string) => fu.slice(from).find((r) => r[0] === label)!;
      for (let col = 1; col < p('Resultat, budget').length; col++) {
        expect(p('Resultat, budget')[col]).toBe((p('Intäkter, budget')[col] as number) - (p('Kostnader, budget')[col] as number));
        if (p('Resultat, utfall')[col] !== null)
          expect(p('Resultat, utfall')[col]).toBe(
            (p('Intäkter, utfall')[col] as number) - (p('Kostnader, utfall')[col] as number),
          );
      }
    }
    // Each shown figure within 1 tkr of its exact value (the forecast of Kansli: 3 301 498 kr).
    expect(Math.abs(n('Kansli', 6) - 3301.498)).toBeLessThanOrEqual(1);
    // The forecast result and equity as Budget shows them in its Prognos 2024 column.
    expect(n('Årets resultat', 6)).toBe(budget.find((r) => r[0] === 'Årets resultat')![1]);
    expect(n('Eget kapital vid årets slut', 6)).toBe(budget.find((r) => r[0] === 'Eget kapital vid årets slut')![1]);
  });
});

describe('a prognosis year: 2023 before the plan 2024–2026, the plan opening from its forecast', () => {
  /**
   * The bundled example with 2023 as its prognosis year (outcome through June 2023), built so that 2023's
   * forecast ends where the bundled plan starts: equity 1 861 000, receivables 250 000, short-term
   * liabilities 889 000, so cash 1 861 000 + 889 000 − 250 000 = 2 500 000.
   * 2023: contributions 16 000 000 and ESF 2 000 000; Styrelse 470 000, Kansli 3 180 000 (actual 1 610 000
   * against 1 590 000 to date: forecast 3 200 000), Samverkansstöd 3 400 000 (actual 1 680 002 against
   * 1 700 002: forecast 3 380 000); Sikta mot arbetslivet 1 000 000 (starts in September: nothing to date;
   * what the bundled example has spent before 2024); an intervention ending in 2023, granted 9 089 000, with
   * its own forecast of all of it. Forecast result 18 000 000 − (470 000 + 3 200 000 + 3 380 000 + 1 000 000 +
   * 9 089 000) = 18 000 000 − 17 139 000 = 861 000; equity 1 000 000 + 861 000 = 1 861 000.
   */
  function prognosisSheets(): TemplateSheet[] {
    const s = exampleSheets();
    sheetOf(s, 'Inställningar').rows.push(['Uppföljning till och med', '2023-06', '']);
    const years = templateSheet(
      YEARS_SPEC,
      [
        'year',
        'contributions',
        'months',
        'esfIncome',
        'otherIncome',
        'financialIncome',
        'investments',
        'receivables',
        'shortTermLiabilities',
      ],
      [
        [2023, 16000000, 12, 2000000, 0, 0, 0, 250000, 889000],
        [2024, 16000000, 12, 2000000, 0, 0, 0, null, null],
        [2025, 16000000, 12, 2000000, 0, 0, 0, null, null],
        [2026, 16000000, 12, 2000000, 0, 0, 0, null, null],
      ],
    );
    s.splice(s.indexOf(sheetOf(s, 'År')), 1, years);
    const ivs = sheetOf(s, 'Insatser');
    const h = ivs.headerRow!;
    ivs.rows[h]!.splice(9, 0, '2023');
    ivs.rows.forEach((r, i) => i > h && r.splice(9, 0, null));
    const sikta = ivs.rows[h + 1]!;
    sikta[8] = 0; // Förbrukat före planår: nothing before 2023
    sikta[9] = 1000000; // 2023
    const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
    ivs.rows.push([
      4,
      'Insatser som avslutas 2023',
      'Samordningsförbundet',
      'Finsam',
      'Beslutad',
      d('2023-01-01'),
      d('2023-12-31'),
      9089000,
      0,
      null,
      null,
      null,
      null,
    ]);
    const costs = sheetOf(s, 'Kostnader');
    costs.rows[0]!.splice(4, 0, '2023');
    [470000, 3180000, 3400000].forEach((a, i) => costs.rows[i + 1]!.splice(4, 0, a));
    const opening = sheetOf(s, 'Ingående balans');
    const set = (item: string, v: number) => (opening.rows.find((r) => r[0] === item)![1] = v);
    set('Eget kapital', 1000000);
    set('Fordringar', 200000);
    set('Kassa och bank', 1500000);
    set('Kortfristiga skulder', 700000);
    const months = Array.from({ length: 12 }, (_, k) => `2023-${String(k + 1).padStart(2, '0')}`);
    const budgetMonths = (year: number) => {
      // An amount spread evenly over 12 months: ⌊a/12⌋, one krona more to the first a mod 12 months.
      const base = Math.floor(year / 12);
      return Array.from({ length: 6 }, (_, k) => base + (k < year - base * 12 ? 1 : 0));
    };
    s.push({
      name: 'Utfall',
      rows: [
        ['Post', 'Prognos helår', ...months],
        ['Medlemsavgifter', null, ...budgetMonths(16000000)],
        ['ESF-intäkter', null, ...budgetMonths(2000000)],
        ['Styrelse', null, ...budgetMonths(470000)],
        ['Kansli', null, 265000, 265000, 270000, 270000, 270000, 270000],
        ['Samverkansstöd, ESF, utvärdering', null, 280000, 280000, 280000, 280000, 280000, 280002],
        ['Insatser som avslutas 2023', 9089000, 700000, 720000, 730000, 700000, 760000, 729000],
      ],
      widths: [30, 14, ...months.map(() => 11)],
    });
    return s;
  }

  test('the plan opens with exactly 1 861 000 kr and every 2024–2026 figure equals the bundled example’s', () => {
    const c = computed(prognosisSheets());
    expect(c.errors).toEqual([]);
    const doc = c.json();
    const base = computed(exampleSheets()).json();
    const fu = doc.followUp!;
    expect([fu.year, fu.through, fu.prognosisYear]).toEqual([2023, '2023-06', true]);
    expect(fu.lines.find((l) => l.name === 'Kansli')).toMatchObject({
      budgetToDate: 1590000,
      actualToDate: 1610000,
      forecastYear: 3200000,
    });
    expect(fu.budget).toMatchObject({ year: 2023, result: 861000, equityStart: 1000000, equityEnd: 1861000 });
    expect(doc.years).toEqual([2023, 2024, 2025, 2026]);
    const b2024 = doc.budget.find((b) => b.year === 2024)!;
    expect(b2024.equityStart).toBe(1861000);
    expect(doc.balance.find((b) => b.year === 2023)).toMatchObject({ equity: 1861000, cash: 2500000, receivables: 250000 });

    const later = <T extends { year: number | null }>(rows: readonly T[]) =>
      rows.filter((r) => r.year !== null && r.year >= 2024);
    const bundledNames = new Set(base.interventions.map((i) => i.name));
    expect(later(doc.contributions)).toEqual(later(base.contributions));
    expect(later(doc.budget)).toEqual(later(base.budget));
    expect(later(doc.balance)).toEqual(later(base.balance));
    expect(later(doc.interventions).filter((i) => bundledNames.has(i.name))).toEqual(later(base.interventions));
    // The intervention that ended in 2023 is spent: nothing in, or left after, any plan year.
    for (const i of later(doc.interventions).filter((x) => !bundledNames.has(x.name)))
      expect([i.amount, i.remainingAfter]).toEqual([0, 0]);
    expect(doc.liquidity.filter((l) => l.month >= '2024-01')).toEqual(base.liquidity);
    expect(later(doc.room)).toEqual(later(base.room));
    // The checks of 2024–2026 and of the whole plan (a prognosis year is no plan year: still three).
    const checks = (d: PlanJson) => d.checks.filter((x) => x.year === null || x.year >= 2024).map((x) => ({ ...x, cell: null })); // the cells move one column right
    expect(checks(doc)).toEqual(checks(base));
    // The prognosis year is shown first, headed Prognos 2023.
    const header = c.sheets
      .find((s) => s.name === 'Budget')!
      .rows.find((r) => r[0]?.v === 'Post')!
      .map((x) => x.v);
    expect(header).toEqual(['Post', 'Prognos 2023', 2024, 2025, 2026]);
  });
});

describe('bad input in Utfall through the real command: exit 1, the cell named, the file unchanged', () => {
  // Utfall: row 2 is the header (Post, Prognos helår, 2024-01 in C …); Kansli is on row 9.
  const kansli = (s: TemplateSheet[]) => sheetOf(s, 'Utfall').rows[8]!;
  const cases: [string, (s: TemplateSheet[]) => void, string, string, ErrorCode, RegExp][] = [
    [
      'an unknown post',
      (s) => (kansli(s)[0] = 'Kanslii'),
      'Utfall',
      'A9',
      'outcomeUnknownPost',
      /Okänd post ”Kanslii”.*Kostnader.*Insatser.*Medlemsavgifter/,
    ],
    [
      'a month after Uppföljning till och med',
      (s) => (kansli(s)[2 + 6] = 280000),
      'Utfall',
      'I9',
      'outcomeMonthAfterThrough',
      /utfall för 2024-07, men Uppföljning till och med är 2024-06/,
    ],
    [
      'text as an amount',
      (s) => (kansli(s)[3] = 'tvåhundratusen'),
      'Utfall',
      'D9',
      'notANumber',
      /”tvåhundratusen” är inte ett tal/,
    ],
    [
      'a sum row that does not add up',
      (s) => ((sheetOf(s, 'Utfall').rows[12]![2] as number) += 1),
      'Utfall',
      'C13',
      'sumRowMismatch',
      /Summaraden ”Summa kostnader”.*skillnad 1/,
    ],
    [
      'a month outside the year',
      (s) => {
        const u = sheetOf(s, 'Utfall');
        u.rows[1]!.push('2023-12');
        u.rows[8]!.push(1000);
      },
      'Utfall',
      'O2',
      'outcomeMonthOutsideYear',
      /Kolumnen 2023-12 har belopp, men uppföljningen gäller 2024/,
    ],
    [
      'a post twice',
      (s) => (sheetOf(s, 'Utfall').rows[9]![0] = 'kansli'),
      'Utfall',
      'A10',
      'duplicate',
      /Posten ”kansli” finns redan \(A9\)/,
    ],
    [
      'a month column twice',
      (s) => (sheetOf(s, 'Utfall').rows[1]![13] = '2024-03'),
      'Utfall',
      'N2',
      'duplicateColumn',
      /Kolumnen ”2024-03” finns två gånger \(E2 och N2\)/,
    ],
    [
      'an error on Kostnader: its line on Utfall is no unknown post as well',
      (s) => (sheetOf(s, 'Kostnader').rows[2]![3] = 'tre procent'),
      'Kostnader',
      'D3',
      'notAPercent',
      /”tre procent” är inte en procentsats/,
    ],
    [
      'a follow-up month outside the plan',
      (s) => (sheetOf(s, 'Inställningar').rows.find((r) => r[0] === 'Uppföljning till och med')![1] = '2022-06'),
      'Inställningar',
      'B11',
      'followUpOutsidePlan',
      /ligger utanför planen/,
    ],
    [
      'a follow-up without an Utfall sheet',
      (s) => s.splice(s.indexOf(sheetOf(s, 'Utfall')), 1),
      'Inställningar',
      'B11',
      'outcomeSheetMissing',
      /bladet ”Utfall” saknas/,
    ],
  ];
  test.each(cases)('%s', async (label, mutate, sheet, cell, code, message) => {
    const file = await followUpFile(`${label.replace(/\W+/g, '-')}.xlsx`, mutate);
    const before = await fs.readFile(file);
    const { code: exit, out } = await runCli(['refresh', file, '--json']);
    expect(exit).toBe(1);
    const errors = (JSON.parse(out) as PlanJson).errors;
    // The one error, no knock-on.
    expect(errors.map((e) => `${e.sheet}!${e.cell} ${e.code}`)).toEqual([`${sheet}!${cell} ${code}`]);
    expect(errors[0]!.message).toMatch(message);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  test('a user’s own sheet named Uppföljning is an obstacle only when there is a follow-up', async () => {
    const own = { name: 'Uppföljning', rows: [['Min egen uppföljning']], widths: [30] };
    const without = await write('own-plain.xlsx', [...exampleSheets(), own]);
    expect((await runCli(['refresh', without, '--out', path.join(dir, 'own-out.xlsx')])).code).toBe(0);
    const withFollowUp = await followUpFile('own-fu.xlsx', (s) => s.push(own));
    const { code, out } = await runCli(['refresh', withFollowUp, '--json']);
    expect(code).toBe(1);
    expect((JSON.parse(out) as PlanJson).errors.map((e) => `${e.sheet} ${e.code}`)).toEqual(['Uppföljning notOwnedSheet']);
  });

  test('removing the follow-up rewrites the tool’s own Uppföljning sheet to say so', async () => {
    const file = path.join(dir, 'stale.xlsx');
    expect((await runCli(['refresh', EXAMPLE, '--out', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const settings = wb.getWorksheet('Inställningar')!;
    settings.eachRow((row) => {
      if (row.getCell(1).value === 'Uppföljning till och med') row.getCell(2).value = null;
    });
    await wb.xlsx.writeFile(file);
    const { code } = await runCli(['refresh', file]);
    expect(code).toBe(0);
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    expect(readGrid(after.getWorksheet('Uppföljning')!).values.flat()).toContain(
      'Ingen uppföljning: Uppföljning till och med på bladet Inställningar är tom.',
    );
  });
});
