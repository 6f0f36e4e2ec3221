import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from './helpers/cli';
import { ALWAYS_OUTPUT_SHEET_NAMES, OUTPUT_SHEET_NAMES, OUTPUT_SHEETS } from '../src/workbook/schema';
import type { ErrorCode } from '../src/messages/errors';
import type { PlanJson } from '../src/workbook/json';
import { scenariosTemplateSheet } from '../src/workbook/sheets/scenarios';
import { cliPath, exampleFile, gridsOf, readBook, sheetOf, tempDir } from './helpers/files';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('bad input: exit 1, a Swedish message naming sheet and cell, the file byte-identical', () => {
  const cases: [
    string,
    (s: ReturnType<typeof import('../src/workbook/example').exampleSheets>) => void,
    string,
    string,
    RegExp,
    ErrorCode,
  ][] = [
    [
      'text where a number belongs',
      (s) => (sheetOf(s, 'År').rows[1]![1] = 'sexton miljoner'),
      'År',
      'B2',
      /”sexton miljoner” är inte ett tal/,
      'notANumber',
    ],
    [
      'a negative population',
      (s) => (sheetOf(s, 'Medlemmar').rows[5]![2] = -9228),
      'Medlemmar',
      'C6',
      /Antalet invånare får inte vara negativt/,
      'negative',
    ],
    [
      'a duplicate member',
      (s) => sheetOf(s, 'Medlemmar').rows.push(['Flen', 'Kommun', 100, 'Ja']),
      'Medlemmar',
      'A14',
      /Medlemmen ”Flen” finns redan \(A6\)/,
      'duplicate',
    ],
    [
      'an end date before a start date',
      (s) => (sheetOf(s, 'Insatser').rows[3]![6] = new Date(Date.UTC(2023, 11, 31))),
      'Insatser',
      'G4',
      /Slutdatum 2023-12-31 ligger före startdatum 2024-01-01/,
      'endBeforeStart',
    ],
    [
      'a missing required sheet',
      (s) =>
        s.splice(
          s.findIndex((x) => x.name === 'Medlemmar'),
          1,
        ),
      'Medlemmar',
      'A1',
      /Bladet ”Medlemmar” saknas/,
      'missingSheet',
    ],
    [
      'a missing required column',
      (s) => sheetOf(s, 'Medlemmar').rows.forEach((r) => r.splice(1, 1)),
      'Medlemmar',
      'D1',
      /Kolumnen ”Part” saknas/,
      'missingColumn',
    ],
    [
      'an unknown goal',
      (s) => sheetOf(s, 'Mål').rows.push(['Högsta likviditet', 100, 'Ja']),
      'Mål',
      'A11',
      /Okänt mål ”Högsta likviditet”\. Kända mål: Lägsta likviditet/,
      'unknownGoal',
    ],
    [
      'shares that do not sum to 100 %',
      (s) => (sheetOf(s, 'Inställningar').rows[5]![1] = '30 %'),
      'Inställningar',
      'B5',
      /summerar till 105 %, inte 100 %/,
      'sharesSum',
    ],
    [
      'a state share unequal to the others together',
      (s) => {
        sheetOf(s, 'Inställningar').rows[4]![1] = '40 %';
        sheetOf(s, 'Inställningar').rows[5]![1] = '35 %';
      },
      'Inställningar',
      'B5',
      /Statens andel \(40 %\) ska vara lika med regionens och kommunernas tillsammans \(60 %\)/,
      'stateEqualsOthers',
    ],
    [
      'a bare number above 1 as a percentage',
      (s) => (sheetOf(s, 'Kostnader').rows[2]![3] = 3),
      'Kostnader',
      'D3',
      /större än 1 utan procenttecken/,
      'percentTooLarge',
    ],
    [
      'year amounts above what remains',
      (s) => (sheetOf(s, 'Insatser').rows[3]![9] = 300000),
      'Insatser',
      'J4',
      /Beloppen per år .* är mer än det som återstår/,
      'yearAmountsTooLarge',
    ],
    [
      'an opening balance that does not balance',
      (s) => (sheetOf(s, 'Ingående balans').rows[4]![1] = 2600000),
      'Ingående balans',
      'B2',
      /Ingående balans går inte ihop.*skillnad 100\u00a0000\u00a0kr/,
      'balanceMismatch',
    ],
  ];

  test.each(cases)('%s', async (label, mutate, sheet, cell, message, errorCode) => {
    const file = await exampleFile(dir, `${label.replace(/\W+/g, '-')}.xlsx`, mutate);
    const before = await fs.readFile(file);
    const { code, err } = await runCli(['refresh', file]);
    expect(code).toBe(1);
    expect(err).toMatch(/fel i indata; ingenting har skrivits/);
    const json = await runCli(['refresh', file, '--json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.out) as PlanJson;
    expect(doc.errors.map((e) => `${e.sheet}!${e.cell} ${e.code}`)).toContain(`${sheet}!${cell} ${errorCode}`);
    expect(doc.errors.find((e) => e.sheet === sheet && e.cell === cell && e.code === errorCode)?.message).toMatch(message);
    expect(doc.contributions).toEqual([]);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });

  test('a sheet with an output name that the tool did not create is never overwritten', async () => {
    const file = await exampleFile(dir, 'foreign.xlsx', (s) =>
      s.push({ name: 'Budget', rows: [['Min egen budget', 42]], widths: [20] }),
    );
    const before = await fs.readFile(file);
    const { code, out } = await runCli(['refresh', file, '--json']);
    expect(code).toBe(1);
    const errors = (JSON.parse(out) as PlanJson).errors;
    expect(errors.map((e) => [e.sheet, e.cell, e.code])).toEqual([['Budget', 'A1', 'notOwnedSheet']]);
    expect(errors[0]!.message).toMatch(/inte skapat av Finsam Budget/);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });
});

describe('the refresh command on the bundled example', () => {
  test('writes every output sheet, leaves the input sheets as they were, and is idempotent', async () => {
    // The bundled example as the template writes it: with its scenario, so the comparison is written too.
    const file = await exampleFile(dir, 'example.xlsx', (s) => s.push(scenariosTemplateSheet()));
    const inputBefore = await gridsOf(file);
    const first = await runCli(['refresh', file]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/2024: resultat 1\u00a0538\u00a0000\u00a0kr/);
    const afterOne = await gridsOf(file);
    for (const name of Object.keys(inputBefore)) expect(afterOne[name]).toEqual(inputBefore[name]);
    for (const name of ALWAYS_OUTPUT_SHEET_NAMES) expect(afterOne[name]).toBeDefined();
    expect(await runCli(['refresh', file])).toMatchObject({ code: 0 });
    const afterTwo = await gridsOf(file);
    expect(afterTwo).toEqual(afterOne);
    // The example has a scenario (so its comparison) and no follow-up.
    expect((await readBook(file)).worksheets.map((w) => w.name)).toEqual([
      ...Object.keys(inputBefore),
      ...OUTPUT_SHEET_NAMES.filter((n) => n !== OUTPUT_SHEETS.followUp),
    ]);
  });

  test('the output sheets: headers, totals that add up, formats and frozen header rows', async () => {
    const file = await exampleFile(dir, 'layout.xlsx');
    await runCli(['refresh', file]);
    const wb = await readBook(file);
    // Fördelning as the 2018 table: one block per year, members, Summa kommuner, the parties, Totalt.
    const split = wb.getWorksheet('Fördelning')!;
    expect((split.getRow(3).values as unknown[]).slice(1, 5)).toEqual(['Huvudman', 'Antal inv', 'Andel', 'kr/år']);
    expect(split.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const rows = (split.getSheetValues() as unknown[]).filter((r): r is unknown[] => Array.isArray(r));
    const block = rows.slice(
      rows.findIndex((r) => r[1] === 2024),
      rows.findIndex((r) => r[1] === 'Totalt') + 1,
    );
    const eskilstuna = block.find((r) => r[1] === 'Eskilstuna')!;
    expect(eskilstuna.slice(2, 9)).toEqual([62820, 0.372916, 1491665, 372917, 372916, 372916, 372916]);
    const at = (label: string) => block.find((r) => r[1] === label)!;
    const kommuner = block.slice(
      block.findIndex((r) => r[1] === 'Förfallodag') + 1,
      block.findIndex((r) => r[1] === 'Summa kommuner'),
    );
    expect(kommuner).toHaveLength(9);
    for (let col = 4; col <= 8; col++) {
      const colSum = (xs: unknown[][]) => xs.reduce((n, r) => n + (r[col] as number), 0);
      // On the sheet itself: the kommuner sum to their row, the parties to Totalt, in every amount column.
      expect(colSum(kommuner)).toBe(at('Summa kommuner')[col]);
      expect(colSum([at('Kommuner'), at('Regionen'), at('Staten')])).toBe(at('Totalt')[col]);
    }
    expect(at('Totalt')[4]).toBe(16000000);
    const budget = wb.getWorksheet('Budget')!;
    const line = (name: string) =>
      (budget.getSheetValues().find((r) => Array.isArray(r) && r[1] === name) as unknown[]).slice(2, 5) as number[];
    expect(line('Årets resultat')).toEqual([1538000, expect.any(Number), expect.any(Number)]);
    // Balance plan: assets = equity, provisions and liabilities in every column, the opening first.
    const balance = wb.getWorksheet('Balansplan')!;
    const bline = (name: string) =>
      (balance.getSheetValues().find((r) => Array.isArray(r) && r[1] === name) as unknown[]).slice(2, 6);
    expect(bline('Summa tillgångar')).toEqual(bline('Summa eget kapital, avsättningar och skulder'));
    expect(bline('Eget kapital')[0]).toBe(1861000);
    const checks = wb.getWorksheet('Kontroller')!;
    expect((checks.getRow(3).values as unknown[]).slice(1)).toEqual([
      'Mål',
      'År',
      'Månad',
      'Status',
      'Värde',
      'Gräns',
      'Förklaring',
      'Cell',
    ]);
    const equity = checks
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === 'Högsta eget kapital' && r[2] === 2024) as unknown[];
    expect(equity[4]).toBe('Ej uppfyllt');
    // The cell column links to the cell that holds the value.
    const link = equity[8] as { text: string; hyperlink: string } | string;
    const ref = typeof link === 'string' ? link : link.text;
    const [sheet, cell] = ref.replace(/'/g, '').split('!') as [string, string];
    expect(wb.getWorksheet(sheet)!.getCell(cell).value).toBe(3399000);
  });

  test('an intervention named like a formula comes out as text', async () => {
    const evil = '=HYPERLINK("http://x","y")';
    const file = await exampleFile(dir, 'formula.xlsx', (s) => {
      sheetOf(s, 'Insatser').rows[4]![1] = evil;
      sheetOf(s, 'Insatser').rows[4]![2] = '+SUM(1,2)';
    });
    expect((await runCli(['refresh', file])).code).toBe(0);
    const ws = (await readBook(file)).getWorksheet('Insatser per år')!;
    const cell = ws.getCell('B6');
    expect(cell.value).toBe(evil);
    expect(cell.type).toBe(3 /* ValueType.String */);
    expect(cell.formula).toBeUndefined();
    expect(ws.getCell('C6').value).toBe('+SUM(1,2)');
  });

  test('--json prints the documented document', async () => {
    const file = await exampleFile(dir, 'json.xlsx');
    const { code, out } = await runCli(['refresh', file, '--json']);
    expect(code).toBe(0);
    const doc = JSON.parse(out) as PlanJson;
    expect(doc.version).toBe(1);
    expect(doc.years).toEqual([2024, 2025, 2026]);
    expect(doc.errors).toEqual([]);
    expect(doc.contributions.find((c) => c.year === 2024 && c.member === 'Eskilstuna')).toEqual({
      year: 2024,
      member: 'Eskilstuna',
      party: 'Kommun',
      share: '0.372916',
      amount: 1491665,
      quarters: [372917, 372916, 372916, 372916],
    });
    expect(doc.budget[0]).toMatchObject({
      year: 2024,
      contributions: 16000000,
      esfIncome: 2000000,
      operatingCosts: 7250000,
      interventionCosts: 9212000,
      result: 1538000,
      equityStart: 1861000,
      equityEnd: 3399000,
    });
    expect(doc.interventions.find((i) => i.year === 2024 && i.name === 'Sikta mot arbetslivet')).toEqual({
      year: 2024,
      name: 'Sikta mot arbetslivet',
      status: 'Beslutad',
      funding: 'Finsam',
      amount: 9000000,
      remainingAfter: 35000000,
    });
    expect(doc.liquidity).toHaveLength(36);
    expect(doc.liquidity[35]!.decisionRoom).toBeNull();
    expect(doc.balance[2]!.cash).toBe(doc.liquidity[35]!.cash);
    expect(doc.checks[0]).toMatchObject({
      goal: 'Lägsta likviditet',
      year: 2024,
      month: '2024-03',
      status: 'OK',
      limit: 500000,
      cell: 'Likviditet!D6',
    });
    expect(doc.checks.find((c) => c.goal === 'Budgetbeslut senast')).toMatchObject({
      year: null,
      status: 'OK',
      cell: 'Inställningar!B9',
    });
  });

  test('--out leaves the original file alone; --strict exits 3 when a goal is not met', async () => {
    const file = await exampleFile(dir, 'out.xlsx');
    const before = await fs.readFile(file);
    const target = path.join(dir, 'out-beraknad.xlsx');
    const { code } = await runCli(['refresh', file, '--out', target, '--strict']);
    expect(code).toBe(3);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    expect(Object.keys(await gridsOf(target))).toContain('Kontroller');
  });
});

describe('the command itself (the installed bin)', () => {
  const bin = cliPath();
  const exec = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

  test('a file that is not an .xlsx workbook gives exit 2', async () => {
    const file = path.join(dir, 'not-a-workbook.xlsx');
    await fs.writeFile(file, 'Det här är ingen arbetsbok\n');
    const r = exec(['refresh', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not-a-workbook\.xlsx” är en textfil, ingen Excel-arbetsbok/);
    expect(r.stderr).not.toMatch(/at |Error|zip/i); // no stack, no library's English
    const j = exec(['refresh', file, '--json']);
    expect(j.status).toBe(2);
    const error = (JSON.parse(j.stdout) as PlanJson).errors[0]!;
    expect(error.code).toBe('notWorkbook');
    expect(error.message).toMatch(/ingen Excel-arbetsbok/);
  });

  test('usage errors give exit 2; template writes the example and refuses to overwrite', async () => {
    expect(exec([]).status).toBe(2);
    expect(exec(['refresh']).status).toBe(2);
    expect(exec(['frobnicate', 'x.xlsx']).status).toBe(2);
    const file = path.join(dir, 'mall.xlsx');
    const t = exec(['template', file]);
    expect(t.status).toBe(0);
    expect(Object.keys(await gridsOf(file))).toEqual([
      'Inställningar',
      'År',
      'Medlemmar',
      'Insatser',
      'Kostnader',
      'Ingående balans',
      'Mål',
      'Scenarier',
    ]);
    const before = await fs.readFile(file);
    expect(exec(['template', file]).status).toBe(2);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
    const r = exec(['refresh', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Kontroller: \d+ OK/);
  });
});
