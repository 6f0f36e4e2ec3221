import fc from 'fast-check';
import { monthIndex } from '../src/engine/calendar';
import { defaultGoals, Goals } from '../src/engine/goals';
import { amountInMonth, spreadEvenly } from '../src/engine/interventions';
import { kr, Kronor } from '../src/engine/kronor';
import { ratio } from '../src/engine/money';
import { computePlan, Plan, PlanInput } from '../src/engine/plan';
import { largestWithin, roomForNewGrants, RoomGoal, spreadPrefix } from '../src/engine/room';
import { firstOperatedMonth } from '../src/engine/split';
import type { Intervention } from '../src/engine/types';
import { exampleSheets } from '../src/workbook/example';
import { parseWorkbook } from '../src/workbook/parse';
import { costLine, intervention, planInput, year } from './helpers/input';

const COUNTED: RoomGoal[] = ['liquidity', 'decisionRoom', 'nonNegativeEquity'];

/** The extra grant of the definition: a decided intervention of x kronor over the months operated in year yi. */
function extraGrant(input: PlanInput, yi: number, x: number): Intervention {
  const y = input.years[yi]!;
  return intervention('Extra bidrag', {
    status: 'decided',
    start: { year: y.year, month: firstOperatedMonth(y.months), day: 1 },
    end: { year: y.year, month: 12, day: 31 },
    total: kr(x),
    yearAmounts: new Map([[y.year, kr(x)]]),
  });
}

function withGrant(input: PlanInput, yi: number, x: number): Plan {
  return computePlan({ ...input, interventions: [...input.interventions, extraGrant(input, yi, x)] });
}

/** The counted goals that the plan breaks anywhere (as the engine's own checks judge them). */
function failedGoals(plan: Plan): Set<RoomGoal> {
  const failed = new Set<RoomGoal>();
  for (const c of plan.checks) {
    if ((COUNTED as string[]).includes(c.goal) && c.status === 'failed') failed.add(c.goal as RoomGoal);
  }
  return failed;
}

/** The raw figures too, not only the checks: every month, every judged room, every year end. */
function breaksAnywhere(plan: Plan, goal: RoomGoal): boolean {
  const g = plan.input.goals;
  switch (goal) {
    case 'liquidity':
      return plan.liquidity.some((l) => l.cash < g.liquidity.limit);
    case 'decisionRoom':
      return plan.liquidity.some((l) => l.decisionRoom !== null && l.decisionRoom < g.decisionRoom.limit);
    case 'nonNegativeEquity':
      return plan.balance.some((b) => b.equity < 0);
  }
}

function exampleInput(): PlanInput {
  const parsed = parseWorkbook({
    inputs: exampleSheets().map((s) => ({ name: s.name, values: s.rows, rowOffset: 0, colOffset: 0 })),
    sheetNames: exampleSheets().map((s) => s.name),
    ownedSheets: [],
  });
  expect(parsed.errors).toEqual([]);
  return parsed.input!;
}

describe('the spread arithmetic', () => {
  test('spreadPrefix is the sum of the first k months of spreadEvenly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (x, n, k) => {
          const spread = spreadEvenly(kr(x), 0, n - 1);
          let sum = 0;
          for (let m = 0; m < Math.min(k, n); m++) sum += amountInMonth(spread, m);
          expect(spreadPrefix(kr(x), n, k)).toBe(sum);
        },
      ),
    );
  });

  test('largestWithin is the largest x whose prefix fits the slack (all small cases, exhaustively)', () => {
    for (let n = 1; n <= 12; n++) {
      for (let k = 1; k <= n; k++) {
        // The largest fitting x grows with the slack: walk x up once for all slacks 0..60.
        let x = 0;
        for (let slack = 0; slack <= 60; slack++) {
          while (spreadPrefix(kr(x + 1), n, k) <= slack) x++;
          expect(largestWithin(kr(slack), n, k)).toBe(x);
        }
      }
    }
  });

  test('largestWithin near large amounts: fits, and one krona more does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        (s, n, k0) => {
          const k = Math.min(k0, n);
          const x = largestWithin(kr(s), n, k);
          expect(spreadPrefix(x, n, k)).toBeLessThanOrEqual(s);
          expect(spreadPrefix(kr(x + 1), n, k)).toBeGreaterThan(s);
        },
      ),
    );
  });
});

describe('the bundled example (RAR Sörmland 2024–2026)', () => {
  let input: PlanInput;
  let plan: Plan;
  beforeAll(() => {
    input = exampleInput();
    plan = computePlan(input);
  });

  /*
   * The example's goals: Lägsta likviditet 500 000, Beslutsutrymme 2 000 000 over 6 months, Eget kapital
   * ej negativt, Högsta eget kapital 2 700 000 kr. Every year has 12 months, so n = 12, and a grant X
   * spent over year y takes C_k(X) = k·⌊X/12⌋ + min(k, X mod 12) by its k-th month. For a figure with
   * slack S (figure − limit) reached by k months of the spread, the largest X is ⌊S/k⌋·12 + S mod k.
   * Cash falls by C_k (k = months of y up to the month); a decision room at m by C_k with k = months of
   * y up to m + 6; year-end equity of y and later by X.
   *
   * Figures (from `Likviditet`, the plan's own computation of the example's sheets):
   *   results 1 538 000 / 196 835 / −214 010; equity at year end 3 399 000 / 3 595 835 / 3 381 825;
   *   lowest month-end cash from Dec 2024 on: 4 020 825 (Dec 2026);
   *   decision rooms: Feb 2024 4 358 664, Mar 2024 3 153 498, May 2024 4 743 166, Jun 2024 3 538 000,
   *   Sep 2024 3 812 207, Dec 2024 4 086 414, Mar 2025 4 360 625, Jun 2025 4 334 835, Sep 2025 4 281 331,
   *   Dec 2025 4 227 827, Mar 2026 4 174 326, Jun 2026 4 120 825 (the last judged month); the quarter's
   *   third month is the low point of each quarter, because the quarter's instalment lands in the next
   *   month and so inside the window of the other two.
   *
   * 2024 (spread Jan–Dec 2024):
   *   decision room Mar 2024: S = 3 153 498 − 2 000 000 = 1 153 498, window to Sep: k = 9
   *     → ⌊1 153 498 / 9⌋ = 128 166 (·9 = 1 153 494), rest 4 → 128 166·12 + 4 = 1 537 996   ← binds
   *   decision room Jun 2024 (k = 12, and every later judged month): lowest room 3 538 000 → 1 538 000
   *   decision room Feb 2024: S = 2 358 664, k = 8 → 294 833·12 + 0 = 3 537 996
   *   cash Mar 2024 (the lowest cash, 2 884 499): S = 2 384 499, k = 3 → 794 833·12 = 9 537 996;
   *     cash from Dec 2024 on (k = 12): lowest 4 020 825 (Dec 2026) → 3 520 825
   *   equity (k = 12): lowest year end 3 381 825 (2026) → 3 381 825
   *   → withinGoals 1 537 996, limited by Beslutsutrymme in March 2024 — 4 kr under the result, since the
   *     first 9 months take 4 of the 12-krona rest of an even spread.
   * 2025 (spread Jan–Dec 2025; rooms from Jul 2024 on reach into it):
   *   decision room Jun 2026 (k = 12): S = 2 120 825 → 2 120 825   ← binds (lowest room with k = 12)
   *   decision room Mar 2025: S = 2 360 625, k = 9 → 262 291·12 + 6 = 3 147 498
   *   decision room Dec 2024: S = 2 086 414, k = 6 → 347 735·12 + 4 = 4 172 824
   *   cash (k = 12 from Dec 2025): 3 520 825; equity: 3 381 825
   *   → withinGoals 2 120 825, limited by Beslutsutrymme in June 2026.
   * 2026 (spread Jan–Dec 2026; rooms from Jul 2025 on reach into it):
   *   decision room Jun 2026: its window Jul–Dec 2026 takes the whole year, k = 12 → 2 120 825   ← binds
   *   decision room Mar 2026: S = 2 174 326, k = 9 → 241 591·12 + 7 = 2 899 099
   *   decision room Dec 2025: S = 2 227 827, k = 6 → 371 304·12 + 3 = 4 455 651
   *   cash Dec 2026: 3 520 825; cash Sep 2026: S = 3 574 326, k = 9 → 4 765 767; equity 2026: 3 381 825
   *   → withinGoals 2 120 825, limited by Beslutsutrymme in June 2026.
   * spendToCap = equity at year end − 2 700 000: 699 000 / 895 835 / 681 825.
   */
  test('each year’s room, computed by hand above', () => {
    expect(roomForNewGrants(plan)).toEqual([
      {
        year: 2024,
        toResultTarget: 1_538_000,
        withinGoals: 1_537_996,
        limitedBy: 'decisionRoom',
        limitingMonth: monthIndex(2024, 3),
        spendToCap: 699_000,
      },
      {
        year: 2025,
        toResultTarget: 196_835,
        withinGoals: 2_120_825,
        limitedBy: 'decisionRoom',
        limitingMonth: monthIndex(2026, 6),
        spendToCap: 895_835,
      },
      {
        year: 2026,
        toResultTarget: -214_010,
        withinGoals: 2_120_825,
        limitedBy: 'decisionRoom',
        limitingMonth: monthIndex(2026, 6),
        spendToCap: 681_825,
      },
    ]);
  });

  test('the hand figures are the plan’s: the rooms and cash the derivation starts from', () => {
    const at = (y: number, m: number) => plan.liquidity.find((l) => l.month === monthIndex(y, m))!;
    expect(at(2024, 3).decisionRoom).toBe(3_153_498);
    expect(at(2024, 6).decisionRoom).toBe(3_538_000);
    expect(at(2026, 6).decisionRoom).toBe(4_120_825);
    expect(at(2026, 12).cash).toBe(4_020_825);
    expect(plan.balance.map((b) => b.equity)).toEqual([3_399_000, 3_595_835, 3_381_825]);
  });

  test('granting the room keeps the goals; one krona more takes March 2024’s decision room to 1 999 999', () => {
    const base = failedGoals(plan);
    expect(base.size).toBe(0);
    const room = roomForNewGrants(plan)[0]!;
    expect(failedGoals(withGrant(input, 0, room.withinGoals!)).size).toBe(0);
    const over = withGrant(input, 0, room.withinGoals! + 1);
    expect(over.liquidity.find((l) => l.month === monthIndex(2024, 3))!.decisionRoom).toBe(1_999_999);
    expect([...failedGoals(over)]).toEqual(['decisionRoom']);
  });
});

describe('spendToCap against the 2018 plan (seed 002): 866, 2 885 and 10 394 tkr against 2,7 mkr', () => {
  // Budget 2018 and plan 2019–2020, in kronor: income 16 119 000 a year (16 mkr contributions and
  // 119 000 other), costs 17 872 000 / 14 100 000 / 8 610 000, opening balance 2 619 000 (18 738 − 16 119).
  function plan2018(cap: Goals['maxEquity']['limit']): PlanInput {
    const input = planInput({
      years: [2018, 2019, 2020].map((y) => year(y, 16_000_000, { otherIncome: kr(119_000) })),
      costLines: [costLine('Kostnader', { 2018: 17_872_000, 2019: 14_100_000, 2020: 8_610_000 })],
      opening: {
        equity: kr(2_619_000),
        fixedAssets: kr(0),
        receivables: kr(0),
        cash: kr(2_619_000),
        shortTermLiabilities: kr(0),
        longTermLiabilities: kr(0),
      },
    });
    input.goals = { ...input.goals, maxEquity: { active: true, limit: cap } };
    return input;
  }

  test('2 885 000 − 2 700 000 = 185 000 and 10 394 000 − 2 700 000 = 7 694 000 (2018 is under the cap)', () => {
    const plan = computePlan(plan2018({ kind: 'amount', value: kr(2_700_000) }));
    expect(plan.budget.map((b) => b.equityEnd)).toEqual([866_000, 2_885_000, 10_394_000]);
    expect(roomForNewGrants(plan).map((r) => r.spendToCap)).toEqual([0, 185_000, 7_694_000]);
  });

  test('spending spendToCap more in the year brings its equity exactly to the cap', () => {
    const input = plan2018({ kind: 'amount', value: kr(2_700_000) });
    const plan = withGrant(input, 2, 7_694_000);
    expect(plan.budget[2]!.equityEnd).toBe(2_700_000);
    expect(roomForNewGrants(plan)[2]!.spendToCap).toBe(0);
  });

  test('a percentage cap is that year’s Medlemsavgifter × the percentage, rounded half away from zero', () => {
    // 16,875 % of 16 000 000 = 2 700 000 exactly; 16,87501 % = 2 700 001,6 → 2 700 002.
    expect(
      roomForNewGrants(computePlan(plan2018({ kind: 'percent', value: ratio('0.16875') }))).map((r) => r.spendToCap),
    ).toEqual([0, 185_000, 7_694_000]);
    expect(
      roomForNewGrants(computePlan(plan2018({ kind: 'percent', value: ratio('0.1687501') }))).map((r) => r.spendToCap),
    ).toEqual([0, 184_998, 7_693_998]);
  });

  test('no cap (inactive, or active without a limit): spendToCap is null', () => {
    const input = plan2018(null);
    expect(roomForNewGrants(computePlan(input)).map((r) => r.spendToCap)).toEqual([null, null, null]);
    input.goals = { ...input.goals, maxEquity: { active: false, limit: { kind: 'amount', value: kr(1) } } };
    expect(roomForNewGrants(computePlan(input)).map((r) => r.spendToCap)).toEqual([null, null, null]);
  });
});

describe('the goals that count', () => {
  const simple = (goals: Partial<Goals>) => {
    const input = planInput({
      years: [year(2024, 12_000_000), year(2025, 12_000_000)],
      costLines: [costLine('Kansli', { 2024: 11_000_000, 2025: 11_000_000 })],
      opening: { ...planInput({ years: [year(2024, 0)] }).opening, cash: kr(1_000_000), equity: kr(1_000_000) },
    });
    input.goals = { ...input.goals, ...goals };
    return input;
  };

  test('no counted goal active: withinGoals and limitedBy are null', () => {
    const input = simple({
      liquidity: { active: false, limit: kr(0) },
      decisionRoom: { active: false, limit: kr(0) },
      nonNegativeEquity: { active: false },
    });
    for (const r of roomForNewGrants(computePlan(input))) {
      expect(r).toMatchObject({ withinGoals: null, limitedBy: null, limitingMonth: null });
    }
  });

  test('only year-end equity: the room is the lowest equity from the year on, no month', () => {
    const input = simple({ liquidity: { active: false, limit: kr(0) }, decisionRoom: { active: false, limit: kr(0) } });
    const plan = computePlan(input);
    expect(plan.balance.map((b) => b.equity)).toEqual([2_000_000, 3_000_000]);
    expect(roomForNewGrants(plan).map((r) => [r.withinGoals, r.limitedBy, r.limitingMonth])).toEqual([
      [2_000_000, 'nonNegativeEquity', null],
      [3_000_000, 'nonNegativeEquity', null],
    ]);
  });

  test('a goal already failing (even in an earlier year) leaves no room and is named at its worst month', () => {
    // Cash: 1 000 000 + 3 000 000 a quarter − 916 667 a month, lowest in March 2024 (about 1 250 000);
    // a year later every month is 1 000 000 higher. A 1 500 000 floor fails in 2024 only.
    const input = simple({ liquidity: { active: true, limit: kr(1_500_000) }, decisionRoom: { active: false, limit: kr(0) } });
    const plan = computePlan(input);
    const cash2025 = plan.liquidity.filter((l) => l.month >= monthIndex(2025, 1)).map((l) => l.cash);
    expect(Math.min(...cash2025)).toBeGreaterThan(1_500_000);
    for (const r of roomForNewGrants(plan)) {
      expect(r).toMatchObject({ withinGoals: 0, limitedBy: 'liquidity', limitingMonth: monthIndex(2024, 3) });
    }
  });
});

// ---------------------------------------------------------------- property

const FIRST = 2024;
/** Mostly active, so that the goals meet each other often. */
const mostly = fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 });

const arbPlan = fc
  .record({
    months: fc.array(fc.oneof(fc.constant(12), fc.integer({ min: 1, max: 12 })), { minLength: 1, maxLength: 3 }),
    contributions: fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: 3, maxLength: 3 }),
    costs: fc.array(fc.integer({ min: 0, max: 14_000_000 }), { minLength: 3, maxLength: 3 }),
    financialIncome: fc.integer({ min: -100_000, max: 100_000 }),
    investments: fc.integer({ min: 0, max: 500_000 }),
    receivables2: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    equity: fc.integer({ min: -1_000_000, max: 6_000_000 }),
    liabilities: fc.integer({ min: 0, max: 1_000_000 }),
    receivables: fc.integer({ min: 0, max: 500_000 }),
    interventions: fc.array(
      fc.record({
        decided: fc.boolean(),
        start: fc.integer({ min: -12, max: 35 }), // months from Jan of the first year
        length: fc.integer({ min: 1, max: 36 }),
        total: fc.integer({ min: 0, max: 8_000_000 }),
      }),
      { maxLength: 3 },
    ),
    liquidity: fc.record({ active: mostly, limit: fc.integer({ min: 0, max: 1_500_000 }) }),
    decisionRoom: fc.record({ active: mostly, limit: fc.integer({ min: 0, max: 3_000_000 }) }),
    nonNegativeEquity: mostly,
    horizon: fc.integer({ min: 0, max: 12 }),
  })
  .map((r): PlanInput => {
    const years = r.months.map((m, i) =>
      year(FIRST + i, r.contributions[i]!, {
        months: m,
        financialIncome: kr(r.financialIncome),
        investments: kr(i === 0 ? r.investments : 0),
        receivables: i === 1 && r.receivables2 !== null ? kr(r.receivables2) : null,
      }),
    );
    const ym = (offset: number) => ({ year: FIRST + Math.floor(offset / 12), month: (((offset % 12) + 12) % 12) + 1 });
    const input = planInput({
      years,
      costLines: [costLine('Kansli', Object.fromEntries(years.map((y, i) => [y.year, r.costs[i]!])))],
      interventions: r.interventions.map((iv, i) =>
        intervention(`Insats ${i}`, {
          status: iv.decided ? 'decided' : 'planned',
          start: { ...ym(iv.start), day: 1 },
          end: { ...ym(iv.start + iv.length - 1), day: 28 },
          total: kr(iv.total),
        }),
      ),
      opening: {
        equity: kr(r.equity),
        fixedAssets: kr(0),
        receivables: kr(r.receivables),
        cash: kr(r.equity + r.liabilities - r.receivables),
        shortTermLiabilities: kr(r.liabilities),
        longTermLiabilities: kr(0),
      },
    });
    input.goals = {
      ...defaultGoals(),
      liquidity: { active: r.liquidity.active, limit: kr(r.liquidity.limit) },
      decisionRoom: { active: r.decisionRoom.active, limit: kr(r.decisionRoom.limit) },
      nonNegativeEquity: { active: r.nonNegativeEquity },
      horizonMonths: r.horizon,
    };
    return input;
  });

describe('property: the room is exact', () => {
  test('granting withinGoals keeps every counted goal; one krona more breaks the goal named in limitedBy', () => {
    fc.assert(
      fc.property(arbPlan, fc.nat(2), (input, y) => {
        const yi = y % input.years.length;
        const plan = computePlan(input);
        const room = roomForNewGrants(plan)[yi]!;
        const active = COUNTED.filter((g) => input.goals[g].active);
        if (room.withinGoals === null) {
          expect(room.limitedBy).toBeNull();
          // Nothing limits the grant: only the decision room can be active, and no judged window reaches y.
          expect(active.filter((g) => g !== 'decisionRoom')).toEqual([]);
          const big = withGrant(input, yi, 1e9);
          expect(failedGoals(big)).toEqual(failedGoals(plan));
          return;
        }
        expect(room.limitedBy).not.toBeNull();
        expect(active).toContain(room.limitedBy);
        const x: Kronor = room.withinGoals;
        const failedBefore = failedGoals(plan);
        if (failedBefore.size > 0) {
          // Already failing: no room, and the goal named is one that fails.
          expect(x).toBe(0);
          expect(failedBefore.has(room.limitedBy!)).toBe(true);
          return;
        }
        const granted = withGrant(input, yi, x);
        expect(failedGoals(granted)).toEqual(new Set());
        for (const g of active) expect(breaksAnywhere(granted, g)).toBe(false);
        const over = withGrant(input, yi, x + 1);
        expect(failedGoals(over).has(room.limitedBy!)).toBe(true);
        // ... at the figure named: the month's cash or decision room, or a year-end equity from y on.
        const g = input.goals;
        if (room.limitedBy === 'nonNegativeEquity') {
          expect(room.limitingMonth).toBeNull();
          expect(over.balance.slice(yi).some((b) => b.equity < 0)).toBe(true);
        } else {
          const row = over.liquidity.find((l) => l.month === room.limitingMonth)!;
          if (room.limitedBy === 'liquidity') expect(row.cash).toBeLessThan(g.liquidity.limit);
          else expect(row.decisionRoom!).toBeLessThan(g.decisionRoom.limit);
        }
      }),
      { numRuns: 200 },
    );
  });
});
