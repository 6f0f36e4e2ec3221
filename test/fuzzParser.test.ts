/**
 * Fuzz of the parser and the whole computation: random cell values of every type placed into the
 * example's input sheets. computeFromSnapshot never throws; when it computes, no NaN, every amount a
 * safe integer, and every total in the JSON equals its parts.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { addTemplateSheets, XlsxHost } from '../src/hosts/xlsx/xlsxHost';
import { exampleSheets } from '../src/workbook/example';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../src/workbook/grid';
import type { PlanJson } from '../src/workbook/json';
import { computeFromSnapshot } from '../src/workbook/refresh';

let base: WorkbookSnapshot;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  addTemplateSheets(wb, exampleSheets());
  base = await new XlsxHost(wb).read();
});

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double(),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53,
    2 ** 53 + 2,
    1e15,
    0.5,
    150_000_000,
    NaN,
    Infinity,
    -Infinity,
    2024,
    2025,
    1899,
    2201,
    0,
    -1,
  ),
  fc.string(),
  fc.constantFrom(
    '1 308 750 kr',
    '1\u00a0308\u00a0750',
    '3,04 %',
    '-1 428',
    '−1 428',
    '25%',
    '0,25',
    '_x0001_',
    '_xFFFF_',
    '😀',
    'x'.repeat(40_000),
    'Summa',
    'Totalt',
    'Total kommuner',
    '2024-01',
    '2024-02-30',
    '2024-13-01',
    '1' + '0'.repeat(44),
    'Ja',
    'Nej',
    'Kommun',
    'ESF',
    'Planerad',
    '30 november',
    'promille',
  ),
  fc.date({ noInvalidDate: false, min: new Date(-8.64e15), max: new Date(8.64e15) }),
  fc.boolean(),
  fc.constant(null),
);

const edit: fc.Arbitrary<Edit> = fc.record({
  sheet: fc.nat(),
  row: fc.nat({ max: 16 }),
  col: fc.nat({ max: 13 }),
  value: cellValue,
  formula: fc.boolean(),
});

interface Edit {
  sheet: number;
  row: number;
  col: number;
  value: CellValue;
  formula: boolean;
}

function apply(edits: Edit[]): WorkbookSnapshot {
  const inputs: SheetGrid[] = base.inputs.map((g) => ({
    ...g,
    values: g.values.map((r) => [...r]),
    formats: g.formats?.map((r) => [...r]),
  }));
  for (const e of edits) {
    const g = inputs[e.sheet % inputs.length]!;
    while (g.values.length <= e.row) g.values.push([]);
    const row = g.values[e.row]!;
    while (row.length <= e.col) row.push(null);
    row[e.col] = e.value;
    // Now and then the cell is a formula without a cached value instead.
    if (e.formula && e.value === null) g.formulasWithoutValue = [...(g.formulasWithoutValue ?? []), { row: e.row, col: e.col }];
  }
  return { ...base, inputs };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function checkJson(doc: PlanJson): void {
  const numbers: unknown[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'number') numbers.push(v);
    else if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect([doc.contributions.map((c) => [c.amount, c.quarters]), doc.budget, doc.balance, doc.interventions, doc.liquidity]);
  // (one expect per document: jest's expect is slow enough to dominate thousands of runs)
  expect(numbers.filter((n) => !Number.isSafeInteger(n))).toEqual([]);
  // NaN would be null in JSON: every amount of the budget and balance is a number.
  expect([...doc.budget, ...doc.balance].flatMap((row) => Object.values(row)).filter((v) => typeof v !== 'number')).toEqual([]);
  for (const b of doc.budget) {
    const yearContributions = doc.contributions.filter((c) => c.year === b.year).map((c) => c.amount);
    expect(sum(yearContributions)).toBe(b.contributions);
    expect(b.result).toBe(
      b.contributions + b.esfIncome + b.otherIncome + b.financialIncome - b.operatingCosts - b.interventionCosts,
    );
    expect(b.equityEnd).toBe(b.equityStart + b.result);
  }
  expect(doc.contributions.filter((c) => sum(c.quarters) !== c.amount)).toEqual([]);
  for (const b of doc.balance) {
    expect(b.fixedAssets + b.receivables + b.cash).toBe(b.equity + b.shortTermLiabilities + b.longTermLiabilities);
  }
}

test('random cell values never crash the parser, and what computes adds up', () => {
  let computed = 0;
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
      const result = computeFromSnapshot(apply(edits));
      const doc = result.json();
      expect(JSON.stringify(doc)).not.toMatch(/object Object/);
      for (const e of [...doc.errors, ...doc.warnings]) expect(e.message).not.toMatch(/undefined/);
      if (result.plan) {
        computed++;
        checkJson(doc);
      }
    }),
    { numRuns: 2000, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
  );
  expect(computed).toBeGreaterThan(100);
}, 180_000); // a bounded number of runs; speed is the benchmarks' business, not a test's
