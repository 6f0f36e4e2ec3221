/**
 * `Kapitaltak` (workbook.md): the equity cap as a band table by budget size, used when `Högsta eget kapital`
 * has the Gräns `Kapitaltak`. The cap for a year = Fast belopp + Procent × Medlemsavgifter of the band with
 * the largest `Från` not above the year's Medlemsavgifter. Bands must start at 0 and rise.
 */
import fc from 'fast-check';
import { promises as fs } from 'fs';
import { runCli } from './helpers/cli';
import { CapBand, equityCapFor } from '../src/engine/goals';
import { kr } from '../src/engine/kronor';
import { D } from '../src/engine/money';
import type { ErrorCode } from '../src/messages/errors';
import { TemplateSheet, templateSheet } from '../src/workbook/example';
import type { CellValue } from '../src/workbook/grid';
import type { PlanJson } from '../src/workbook/json';
import { CAP_TABLE_SPEC } from '../src/workbook/sheets/capTable';
import { exampleFile, sheetOf, tempDir } from './helpers/files';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The command's exit code and everything it printed (output and errors, in order). */
async function run(args: string[]): Promise<{ code: number; out: string }> {
  const r = await runCli(args);
  return { code: r.code, out: r.both };
}

/** An illustrative band table (the figures are the user's to enter; these are made up for the test). */
const BANDS: CellValue[][] = [
  [0, '20 %', 0, 'Test: små förbund'],
  [10_000_000, '10 %', 1_000_000, 'Test: mellanstora förbund'],
  [30_000_000, '5 %', 2_500_000, 'Test: stora förbund'],
];

/** The bundled example with `Högsta eget kapital` = `Kapitaltak` and, unless null, a `Kapitaltak` sheet. */
function withCapTable(bands: CellValue[][] | null, limit: CellValue = 'Kapitaltak') {
  return (sheets: TemplateSheet[]) => {
    sheetOf(sheets, 'Mål').rows.find((r) => r[0] === 'Högsta eget kapital')![1] = limit;
    if (bands) sheets.push(templateSheet(CAP_TABLE_SPEC, ['from', 'percent', 'fixed', 'source'], bands));
  };
}

async function refreshJson(name: string, mutate: (s: TemplateSheet[]) => void) {
  const file = await exampleFile(dir, name, mutate);
  const before = await fs.readFile(file);
  const { code, out } = await run(['refresh', file, '--json']);
  return { code, doc: JSON.parse(out) as PlanJson, unchanged: (await fs.readFile(file)).equals(before) };
}

test('the example judged against the band table: 16 mkr falls in the 10 mkr band, cap 1 000 000 + 10 % = 2 600 000', async () => {
  const { code, doc } = await refreshJson('bands.xlsx', withCapTable(BANDS));
  expect(code).toBe(0);
  const caps = doc.checks.filter((c) => c.goal === 'Högsta eget kapital');
  // Medlemsavgifter 16 000 000 every year ≥ 10 000 000 and < 30 000 000: 1 000 000 + 0,10 × 16 000 000.
  expect(caps.map((c) => [c.year, c.limit, c.value, c.status])).toEqual([
    [2024, 2_600_000, 3_399_000, 'Ej uppfyllt'],
    [2025, 2_600_000, 3_595_835, 'Ej uppfyllt'],
    [2026, 2_600_000, 3_381_825, 'Ej uppfyllt'],
  ]);
  expect(caps[0]!.message.replace(/\u00a0/g, ' ')).toBe(
    'Eget kapital vid årets slut 3 399 000 kr överstiger riktvärdet 2 600 000 kr (10 % av medlemsavgifterna + 1 000 000 kr, enligt Test: mellanstora förbund) med 799 000 kr.',
  );
  // The room's spend to the cap follows the same cap: 3 399 000 − 2 600 000.
  expect(doc.room[0]!.spendToCap).toBe(799_000);
});

test('a band starts where its Från is reached: contributions exactly at a band edge take that band', () => {
  const bands: CapBand[] = [
    { from: kr(0), percent: new D('0.2'), fixed: kr(0), source: '' },
    { from: kr(10_000_000), percent: new D('0.1'), fixed: kr(1_000_000), source: '' },
  ];
  expect(equityCapFor({ kind: 'bands', bands }, kr(9_999_999)).limit).toBe(2_000_000); // 0,2 × 9 999 999 = 1 999 999,8
  expect(equityCapFor({ kind: 'bands', bands }, kr(10_000_000)).limit).toBe(2_000_000);
  expect(equityCapFor({ kind: 'bands', bands }, kr(10_000_001)).limit).toBe(2_000_000); // 1 000 000 + 1 000 000,1
  // For any contributions the cap is the chosen band's formula, and the chosen band is the last one reached.
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000_000 }), (c) => {
      // In tenths: 20 % = 2/10, 10 % = 1/10; the share rounded half away from zero, in whole numbers.
      const [tenths, fixed] = c >= 10_000_000 ? [1, 1_000_000] : [2, 0];
      const share = Math.floor((c * tenths) / 10) + ((c * tenths) % 10 >= 5 ? 1 : 0);
      expect(equityCapFor({ kind: 'bands', bands }, kr(c)).limit).toBe(fixed + share);
    }),
  );
});

test.each<[string, CellValue[][] | null, string, string, ErrorCode]>([
  ['bands that do not start at 0', [[1_000_000, '10 %', 0, '']], 'Kapitaltak', 'A3', 'capBandsStart'],
  [
    'bands that do not rise',
    [
      [0, '20 %', 0, ''],
      [0, '10 %', 0, ''],
    ],
    'Kapitaltak',
    'A4',
    'capBandsOrder',
  ],
  ['a band without Procent', [[0, null, 0, 'x']], 'Kapitaltak', 'B3', 'required'],
  ['Gräns Kapitaltak without the sheet', null, 'Mål', 'B', 'capTableMissing'],
  ['Gräns Kapitaltak with an empty sheet', [], 'Mål', 'B', 'capTableMissing'],
])('bad input: %s — exit 1, the cell named, nothing written', async (label, bands, sheet, cell, code) => {
  const { code: exit, doc, unchanged } = await refreshJson(`bad-${code}.xlsx`, withCapTable(bands));
  expect(exit).toBe(1);
  expect(unchanged).toBe(true);
  // One error, on the named cell (Mål: the Gräns column of the goal's row), and no knock-on.
  expect(doc.errors).toHaveLength(1);
  expect(doc.errors[0]).toMatchObject({ sheet, code });
  expect(doc.errors[0]!.cell.startsWith(cell)).toBe(true);
  expect(doc.errors[0]!.message).not.toBe('');
  void label;
});
