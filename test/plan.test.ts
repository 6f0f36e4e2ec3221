import fc from 'fast-check';
import { monthIndex, monthOf } from '../src/engine/calendar';
import type { CheckKind } from '../src/engine/goals';
import { monthsOf } from '../src/engine/interventions';
import { kr, sumKr } from '../src/engine/kronor';
import { ratio } from '../src/engine/money';
import { computePlan, Plan, PlanInput } from '../src/engine/plan';
import type { InterventionPlan } from '../src/engine/types';
import { exampleSheets } from '../src/workbook/example';
import { parseWorkbook } from '../src/workbook/parse';
import { costLine, intervention, kommun, planInput, region, state, year } from './helpers/input';

const monthly = (p: InterventionPlan) => new Map(p.spreads.flatMap((s) => [...monthsOf(s)]));
/** A whole number of kronor: a safe integer, never a fraction (nor −0). */
const whole = (x: number) => Number.isSafeInteger(x) && !Object.is(x, -0);

const T = 1000; // the seeds' tables are in tkr

/** The 2010 plan (seed 000): budget 2010–2012 and balance plan, in kronor. */
function plan2010(): PlanInput {
  const lines: [string, number[], 'operating' | 'depreciation'][] = [
    ['Styrelse', [489, 500, 512], 'operating'],
    ['Personal', [2002, 2048, 2095], 'operating'],
    ['Lokaler', [180, 183, 187], 'operating'],
    ['Revision', [150, 153, 157], 'operating'],
    ['Administration', [300, 307, 314], 'operating'],
    ['Avskrivningar', [25, 25, 25], 'depreciation'],
    ['Övrigt inkl utbildning', [500, 500, 500], 'operating'],
  ];
  return planInput({
    years: [
      year(2010, 13000 * T, { financialIncome: kr(150 * T), receivables: kr(2793 * T), shortTermLiabilities: kr(10041 * T) }),
      year(2011, 15000 * T, { financialIncome: kr(100 * T), receivables: kr(2846 * T), shortTermLiabilities: kr(10232 * T) }),
      year(2012, 15000 * T, { financialIncome: kr(50 * T), receivables: kr(2903 * T), shortTermLiabilities: kr(10436 * T) }),
    ],
    members: [state(), region('Landstinget'), kommun('Eskilstuna', 349), kommun('Flen', 63)],
    costLines: lines.map(([name, amounts, kind]) =>
      costLine(name, { 2010: amounts[0]! * T, 2011: amounts[1]! * T, 2012: amounts[2]! * T }, { kind }),
    ),
    interventions: [
      intervention('Befintliga projekt', {
        start: { year: 2007, month: 12, day: 1 },
        end: { year: 2011, month: 12, day: 31 },
        total: kr(11256 * T),
        yearAmounts: new Map([
          [2010, kr(7745 * T)],
          [2011, kr(3511 * T)],
        ]),
      }),
      intervention('Nya insatser', {
        start: { year: 2010, month: 1, day: 1 },
        end: { year: 2012, month: 12, day: 31 },
        total: kr(29500 * T),
        yearAmounts: new Map([
          [2010, kr(10500 * T)],
          [2011, kr(9500 * T)],
          [2012, kr(9500 * T)],
        ]),
      }),
    ],
    opening: {
      equity: kr(8942 * T),
      fixedAssets: kr(138 * T),
      receivables: kr(2774 * T),
      cash: kr(16001 * T),
      shortTermLiabilities: kr(9971 * T),
      longTermLiabilities: kr(0),
    },
  });
}

const status = (plan: Plan, goal: CheckKind, y: number | null) =>
  plan.checks.find((c) => c.goal === goal && c.year === y)?.status;

describe('the 2010–2012 plan (seed 2010)', () => {
  const plan = computePlan(plan2010());

  test('results −8 741 000, −1 627 000, +1 760 000 computed from the table’s lines', () => {
    expect(plan.budget.map((b) => b.result)).toEqual([-8741000, -1627000, 1760000]);
  });

  test('equity 201 000 at end 2010 from 8 942 000, negative at end 2011, and flagged', () => {
    expect(plan.budget[0]!.equityStart).toBe(8942000);
    expect(plan.balance.map((b) => b.equity)).toEqual([201000, -1426000, 334000]);
    expect(status(plan, 'nonNegativeEquity', 2010)).toBe('ok');
    expect(status(plan, 'nonNegativeEquity', 2011)).toBe('failed');
    expect(status(plan, 'balancedBudget', 2010)).toBe('warning'); // the deficit is covered by equity
    expect(status(plan, 'balancedBudget', 2011)).toBe('failed');
    expect(status(plan, 'balancedBudget', 2012)).toBe('ok');
    expect(status(plan, 'minContributions', 2010)).toBe('warning'); // 13 mkr < 15 mkr: a reservation
    expect(status(plan, 'minContributions', 2011)).toBe('ok');
  });

  test('"Förbrukade medel" of a year equals the project costs; remaining decided = decided − spent', () => {
    const spent = plan.years.map((_, yi) => sumKr(plan.interventions.map((p) => p.years[yi]!.amount)));
    expect(spent).toEqual([18245000, 13011000, 9500000]);
    expect(plan.balance.map((b) => b.commitments)).toEqual([3511000 + 19000000, 9500000, 0]);
  });

  test('the balance plan balances and December cash equals the year-end cash', () => {
    for (const b of plan.balance) {
      expect(b.fixedAssets + b.receivables + b.cash).toBe(b.equity + b.shortTermLiabilities + b.longTermLiabilities);
      const december = plan.liquidity.find((l) => l.month === monthIndex(b.year, 12))!;
      expect(december.cash).toBe(b.cash);
    }
    expect(plan.balance.map((b) => b.fixedAssets)).toEqual([113000, 88000, 63000]);
    expect(plan.balance.map((b) => b.receivables)).toEqual([2793000, 2846000, 2903000]);
  });
});

describe('the 2024 plan (seed 2024) through the bundled example', () => {
  // Parsed in beforeAll so that a broken workbook layer fails these tests, not the engine's ones above.
  let parsed: ReturnType<typeof parseWorkbook>;
  let plan: Plan;
  beforeAll(() => {
    parsed = parseWorkbook({
      inputs: exampleSheets().map((s) => ({ name: s.name, values: s.rows, rowOffset: 0, colOffset: 0 })),
      sheetNames: exampleSheets().map((s) => s.name),
      ownedSheets: [],
    });
    plan = computePlan(parsed.input!);
  });

  test('parses without errors', () => {
    expect(parsed.errors).toEqual([]);
  });

  test('the 2024 result is 1 538 000 (income 18 000 000 − costs 16 462 000), not the document’s 1 548 000', () => {
    const b = plan.budget[0]!;
    expect(b.contributions + b.esfIncome).toBe(18000000);
    expect(b.operatingCosts + b.interventionCosts).toBe(16462000);
    expect(b.interventionCosts).toBe(9212000);
    expect(b.result).toBe(1538000);
    expect(b.equityEnd).toBe(1861000 + 1538000);
  });

  test('the parties 8 000 000 / 4 000 000 / 4 000 000, and the 2018 kommun split', () => {
    const s = plan.splits[0]!;
    expect([s.parties.state, s.parties.region, s.parties.municipalities]).toEqual([8000000, 4000000, 4000000]);
    expect(s.members.find((m) => m.member === 'Vingåker')!.amount).toBe(121409);
  });

  test('checks the goals every year: equity above 2.7 mkr and ESF money used for Finsam work are flagged', () => {
    expect(status(plan, 'maxEquity', 2024)).toBe('failed');
    expect(status(plan, 'esfSeparate', 2024)).toBe('warning');
    expect(status(plan, 'liquidity', 2024)).toBe('ok');
    expect(status(plan, 'budgetDeadline', null)).toBe('ok');
    expect(status(plan, 'threeYearPlan', null)).toBe('ok');
    // One row per goal per year, plus the two whole-plan goals.
    expect(plan.checks.filter((c) => c.year === 2025).map((c) => c.goal)).toEqual([
      'liquidity',
      'decisionRoom',
      'minContributions',
      'maxEquity',
      'nonNegativeEquity',
      'balancedBudget',
      'esfSeparate',
    ]);
  });

  test('cost lines grow by their index from the year before, half away from zero', () => {
    const kansli = plan.costLines.find((c) => c.line.name === 'Kansli')!;
    expect(kansli.years.map((y) => y.amount)).toEqual([3271000, 3369130, 3470204]);
  });

  test('decision room is empty where the six-month window runs past the plan', () => {
    const last = plan.liquidity.slice(-6);
    expect(last.every((l) => l.decisionRoom === null)).toBe(true);
    expect(plan.liquidity[plan.liquidity.length - 7]!.decisionRoom).not.toBeNull();
    // Planned interventions come out of the room "after planned".
    const december2024 = plan.liquidity.find((l) => l.month === monthIndex(2024, 12))!;
    expect(december2024.decisionRoomAfterPlanned!).toBeLessThan(december2024.decisionRoom!);
  });
});

describe('interventions by year', () => {
  const base = planInput({ years: [year(2024, 16000000), year(2025, 16000000), year(2026, 16000000)] });

  test('what remains is spread evenly over active months; months past the horizon keep their share', () => {
    const iv = intervention('Lång', {
      start: { year: 2024, month: 7, day: 15 },
      end: { year: 2027, month: 6, day: 30 },
      total: kr(3600001),
      spentBefore: kr(1),
    });
    const plan = computePlan({ ...base, interventions: [iv] });
    const p = plan.interventions[0]!;
    // 36 months: 6 in 2024, 12, 12, and 6 after the plan.
    expect(p.years.map((y) => y.amount)).toEqual([600000, 1200000, 1200000]);
    expect(p.years[2]!.remainingAfter).toBe(600000);
    expect(monthly(p).get(monthIndex(2024, 6))).toBeUndefined();
    expect(monthly(p).get(monthIndex(2024, 7))!).toBe(100000);
  });

  test('given year amounts are used and the rest spread over the other years; rounding sums exactly', () => {
    const iv = intervention('Delvis', {
      start: { year: 2024, month: 1, day: 1 },
      end: { year: 2026, month: 12, day: 31 },
      total: kr(1000000),
      yearAmounts: new Map([[2024, kr(100000)]]),
    });
    const p = computePlan({ ...base, interventions: [iv] }).interventions[0]!;
    expect(p.years.map((y) => y.amount)).toEqual([100000, 450000, 450000]);
    const months2025 = [...monthly(p).entries()].filter(([m]) => monthOf(m).year === 2025).map(([, v]) => v);
    expect(sumKr(months2025)).toBe(450000);
    expect(months2025).toEqual([37500, 37500, 37500, 37500, 37500, 37500, 37500, 37500, 37500, 37500, 37500, 37500]);
  });

  test('money left on an intervention that ended before the plan is a warning', () => {
    const iv = intervention('Slut', {
      start: { year: 2020, month: 1, day: 1 },
      end: { year: 2022, month: 12, day: 31 },
      total: kr(500),
      spentBefore: kr(100),
    });
    const plan = computePlan({ ...base, interventions: [iv] });
    const check = plan.checks.find((c) => c.goal === 'unspreadable')!;
    expect(check.status).toBe('warning');
    expect(check.goal === 'unspreadable' && check.value).toBe(400);
    expect(check.goal === 'unspreadable' && check.detail.intervention).toBe('Slut');
    expect(plan.interventions[0]!.years.map((y) => y.remainingAfter)).toEqual([400, 400, 400]);
  });
});

// ------------------------------------------------------------------ properties of the whole plan

const planArb = fc
  .record({
    years: fc.integer({ min: 1, max: 4 }),
    firstMonths: fc.integer({ min: 1, max: 12 }),
    contributions: fc.array(fc.integer({ min: 0, max: 40000000 }), { minLength: 4, maxLength: 4 }),
    costs: fc.array(fc.tuple(fc.integer({ min: 0, max: 5000000 }), fc.integer({ min: -5, max: 10 }), fc.boolean()), {
      maxLength: 4,
    }),
    ivs: fc.array(
      fc.record({
        start: fc.integer({ min: 0, max: 80 }),
        length: fc.integer({ min: 0, max: 60 }),
        total: fc.integer({ min: 0, max: 20000000 }),
        spent: fc.integer({ min: 0, max: 100 }),
        decided: fc.boolean(),
        esf: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    wc: fc.array(fc.tuple(fc.option(fc.integer({ min: 0, max: 3000000 })), fc.option(fc.integer({ min: 0, max: 3000000 }))), {
      minLength: 4,
      maxLength: 4,
    }),
    opening: fc.tuple(
      fc.integer({ min: 0, max: 5000000 }),
      fc.integer({ min: 0, max: 2000000 }),
      fc.integer({ min: 0, max: 9000000 }),
      fc.integer({ min: 0, max: 3000000 }),
    ),
    investments: fc.array(fc.integer({ min: 0, max: 500000 }), { minLength: 4, maxLength: 4 }),
    income: fc.array(fc.integer({ min: -100000, max: 2000000 }), { minLength: 4, maxLength: 4 }),
  })
  .map((r) => {
    const first = 2030;
    const years = Array.from({ length: r.years }, (_, i) =>
      year(first + i, r.contributions[i]!, {
        months: i === 0 ? r.firstMonths : 12,
        esfIncome: kr(Math.max(0, r.income[i]!)),
        financialIncome: kr(r.income[(i + 1) % 4]!),
        investments: kr(r.investments[i]!),
        receivables: r.wc[i]![0] === null ? null : kr(r.wc[i]![0]),
        shortTermLiabilities: r.wc[i]![1] === null ? null : kr(r.wc[i]![1]),
      }),
    );
    const [fixed, rec, stl, extraCash] = r.opening;
    const input = planInput({
      years,
      costLines: r.costs.map(([amount, growth, dep], i) =>
        costLine(
          `Post ${i}`,
          { [first]: amount },
          { growth: ratio(growth).dividedBy(100), kind: dep ? 'depreciation' : 'operating' },
        ),
      ),
      interventions: r.ivs.map((v, i) => {
        const s = monthIndex(first - 3, 1) + v.start;
        const e = s + v.length;
        return intervention(`Insats ${i}`, {
          start: { ...monthOf(s), day: 1 },
          end: { ...monthOf(e), day: 28 },
          total: kr(v.total),
          spentBefore: kr(Math.floor((v.total * v.spent) / 100)),
          status: v.decided ? 'decided' : 'planned',
          funding: v.esf ? 'esf' : 'finsam',
        });
      }),
      opening: {
        fixedAssets: kr(fixed),
        receivables: kr(rec),
        cash: kr(extraCash),
        shortTermLiabilities: kr(stl),
        longTermLiabilities: kr(0),
        equity: kr(fixed + rec + extraCash - stl),
      },
    });
    return input;
  });

describe('plan — properties', () => {
  test('assets = equity + liabilities every year; December cash = year-end cash; every amount whole; tables sum', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const plan = computePlan(input);
        plan.balance.forEach((b, yi) => {
          expect(b.fixedAssets + b.receivables + b.cash).toBe(b.equity + b.shortTermLiabilities + b.longTermLiabilities);
          const december = plan.liquidity.find((l) => l.month === monthIndex(b.year, 12))!;
          expect(december.cash).toBe(b.cash);
          const budget = plan.budget[yi]!;
          expect(budget.equityEnd).toBe(b.equity);
          expect(budget.interventionCosts).toBe(sumKr(plan.interventions.map((p) => p.years[yi]!.amount)));
        });
        for (const p of plan.interventions) {
          const spent = sumKr(p.years.map((y) => y.amount));
          expect(p.remainingAtStart - spent).toBe(p.years[p.years.length - 1]!.remainingAfter);
          p.years.forEach((y) => expect(whole(y.amount) && y.amount >= 0).toBe(true));
          plan.years.forEach((yr, yi) => {
            const months = [...monthly(p).entries()].filter(([m]) => monthOf(m).year === yr).map(([, v]) => v);
            expect(sumKr(months)).toBe(p.years[yi]!.amount);
          });
        }
        for (const l of plan.liquidity) {
          expect(whole(l.cash) && whole(l.inflow) && whole(l.outflow)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
