/** Follow-up and forecast: invariants of the engine on the bundled example (fast-check). */
import fc from 'fast-check';
import { monthIndex, monthOf } from '../src/engine/calendar';
import { deviationToDate, deviationYear, followUpSums, FollowUpLine } from '../src/engine/followUp';
import { add, kr, Kronor, sub, sumKr } from '../src/engine/kronor';
import { computePlan, Plan, PlanInput } from '../src/engine/plan';
import type { Outcome, OutcomeLine, OutcomePost } from '../src/engine/types';
import { exampleSheets } from '../src/workbook/example';
import { parseWorkbook } from '../src/workbook/parse';

function exampleInput(): PlanInput {
  const sheets = exampleSheets();
  const parsed = parseWorkbook({
    inputs: sheets.map((s) => ({ name: s.name, values: s.rows, rowOffset: 0, colOffset: 0 })),
    sheetNames: sheets.map((s) => s.name),
    ownedSheets: [],
  });
  expect(parsed.errors).toEqual([]);
  return { ...parsed.input!, outcome: null };
}

const postOf = (l: FollowUpLine): OutcomePost =>
  l.kind === 'income' ? { kind: 'income', line: l.income! } : { kind: l.kind, index: l.index };

/** The follow-up's lines with no actual at all: their budget months. */
function budgetLines(input: PlanInput, year: number, through: number): FollowUpLine[] {
  return computePlan({ ...input, outcome: { year, through, lines: [] } }).followUp!.lines;
}

function outcomeFrom(
  lines: FollowUpLine[],
  year: number,
  through: number,
  actual: (l: FollowUpLine, k: number) => Kronor,
): Outcome {
  const m = monthOf(through).month;
  return {
    year,
    through,
    lines: lines.map((l): OutcomeLine => ({
      post: postOf(l),
      months: new Map(Array.from({ length: m }, (_, k) => [monthIndex(year, k + 1), actual(l, k)])),
      forecast: null,
    })),
  };
}

/** The balance identity of every year end, and December's cash equal to the balance's cash. */
function expectIdentities(plan: Plan): void {
  plan.balance.forEach((b, yi) => {
    expect(add(b.fixedAssets, add(b.receivables, b.cash))).toBe(
      add(b.equity, add(b.shortTermLiabilities, b.longTermLiabilities)),
    );
    expect(b.equity).toBe(plan.budget[yi]!.equityEnd);
    const december = plan.liquidity.filter((l) => monthOf(l.month).year === b.year).at(-1)!;
    expect(december.cash).toBe(b.cash);
  });
  plan.budget.forEach((b, yi) => {
    expect(b.equityStart).toBe(yi === 0 ? plan.input.opening.equity : plan.budget[yi - 1]!.equityEnd);
    expect(b.contributionsByParty.state + b.contributionsByParty.region + b.contributionsByParty.municipalities).toBe(
      b.contributions,
    );
  });
}

describe('follow-up properties (bundled example, plan years 2024–2026)', () => {
  const input = exampleInput();
  const budgeted = computePlan(input);

  test('actuals equal to the budget’s own monthly amounts: every deviation 0, the forecast is the budget', () => {
    fc.assert(
      fc.property(fc.constantFrom(2024, 2025, 2026), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const through = monthIndex(year, month);
        const lines = budgetLines(input, year, through);
        const plan = computePlan({ ...input, outcome: outcomeFrom(lines, year, through, (l, k) => l.budgetMonths[k]!) });
        for (const l of plan.followUp!.lines) {
          expect(deviationToDate(l)).toBe(0);
          expect(deviationYear(l)).toBe(0);
        }
        // The forecast plan is the budgeted plan, year by year.
        expect(plan.budget).toEqual(budgeted.budget);
        expect(plan.balance).toEqual(budgeted.balance);
        expect(plan.interventions.map((p) => p.years)).toEqual(budgeted.interventions.map((p) => p.years));
        // Months after the follow-up year are the budgeted plan's, to the krona.
        const later = (p: Plan) =>
          p.liquidity.filter((l) => monthOf(l.month).year > year).map((l) => [l.inflow, l.outflow, l.cash]);
        expect(later(plan)).toEqual(later(budgeted));
        expectIdentities(plan);
      }),
      { numRuns: 30 },
    );
  });

  test('any actuals and own forecasts: balance identity, December cash, equity carried, parts sum to totals', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(12, 8),
        fc.constantFrom(2024, 2025),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: -300_000, max: 300_000 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 20_000_000 }), { nil: null }), { minLength: 1, maxLength: 10 }),
        (firstYearMonths, year, month, noise, forecasts) => {
          // The first plan year operated 12 months, or 8 (May–December: actuals before May count in May).
          const input: PlanInput = { ...exampleInput(), outcome: null };
          input.years = input.years.map((y, i) => (i === 0 ? { ...y, months: firstYearMonths } : y));
          const through = monthIndex(year, month);
          const lines = budgetLines(input, year, through);
          let n = 0;
          const outcome = outcomeFrom(lines, year, through, (l, k) => {
            const x = noise[n++ % noise.length]!;
            return kr(Math.max(0, l.budgetMonths[k]! + x));
          });
          outcome.lines.forEach((l, i) => (l.forecast = ((f) => (f === null ? null : kr(f)))(forecasts[i % forecasts.length]!)));
          const plan = computePlan({ ...input, outcome });
          expectIdentities(plan);
          const fu = plan.followUp!;
          const yi = plan.years.indexOf(year);
          const b = plan.budget[yi]!;
          const sums = followUpSums(fu);
          // The forecast year's budget row is the sum of the forecast lines.
          expect(b.result).toBe(sums.result.forecastYear);
          expect(b.operatingResult).toBe(sub(sub(sums.income.forecastYear, b.financialIncome), sums.costs.forecastYear));
          expect(b.interventionCosts).toBe(sums.interventions.forecastYear);
          expect(b.operatingCosts).toBe(sums.operatingCosts.forecastYear);
          // Sums are sums of the lines, and each line's forecast is its own or actual + the rest of the budget.
          for (const l of fu.lines) {
            const given = outcome.lines.find((o) => JSON.stringify(o.post) === JSON.stringify(postOf(l)))!.forecast;
            expect(l.forecastYear).toBe(given ?? add(l.actualToDate, sub(l.budgetYear, l.budgetToDate)));
            expect(l.budgetYear).toBe(sumKr(l.budgetMonths));
            if (l.kind === 'intervention') expect(add(l.usedInAll!, l.remaining!)).toBe(l.granted!);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
