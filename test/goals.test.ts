/** Each goal of the Mål table judged as domain.md says, through the workbook layer on the example. */
import type { Check, CheckKind, CheckOf } from '../src/engine/goals';
import { computePlan, Plan } from '../src/engine/plan';
import { checkMessage } from '../src/messages';
import { exampleSheets, TemplateSheet } from '../src/workbook/example';
import { parseWorkbook } from '../src/workbook/parse';

function planOf(mutate: (sheets: TemplateSheet[]) => void): Plan {
  const sheets = exampleSheets();
  mutate(sheets);
  const parsed = parseWorkbook({
    inputs: sheets.map((s) => ({ name: s.name, values: s.rows, rowOffset: 0, colOffset: 0 })),
    sheetNames: sheets.map((s) => s.name),
    ownedSheets: [],
  });
  expect(parsed.errors).toEqual([]);
  return computePlan(parsed.input!);
}
const sheet = (s: TemplateSheet[], name: string) => s.find((x) => x.name === name)!;
const goalRow = (s: TemplateSheet[], goal: string) => sheet(s, 'Mål').rows.find((r) => r[0] === goal)!;
/** The first check of a goal (and year), typed by its goal. */
function checkOf<K extends CheckKind>(plan: Plan, goal: K, year?: number | null): CheckOf<K> | undefined {
  return plan.checks.find((c: Check): c is Check & CheckOf<K> => c.goal === goal && (year === undefined || c.year === year));
}

describe('the board’s goals', () => {
  test('Högsta eget kapital as a percentage of the year’s Medlemsavgifter (16,875 % of 16 mkr = 2,7 mkr)', () => {
    const plan = planOf((s) => (goalRow(s, 'Högsta eget kapital')[1] = '16,875 %'));
    const check = checkOf(plan, 'maxEquity', 2024)!;
    expect(check.limit).toBe(2700000);
    expect(check.status).toBe('failed');
    expect(check.detail.percent!.toString()).toBe('0.16875');
  });

  test('a budget adopted after 30 November of the year before is Ej uppfyllt; a custom deadline is used', () => {
    const late = planOf((s) => (sheet(s, 'Inställningar').rows[8]![1] = '2023-12-05'));
    expect(checkOf(late, 'budgetDeadline')).toMatchObject({
      status: 'failed',
      value: { year: 2023, month: 12, day: 5 },
      limit: { year: 2023, month: 11, day: 30 },
      target: { kind: 'settings', parameter: 'budgetDecision' },
    });
    const custom = planOf((s) => {
      sheet(s, 'Inställningar').rows[8]![1] = '2023-12-05';
      goalRow(s, 'Budgetbeslut senast')[1] = '15 dec';
    });
    expect(checkOf(custom, 'budgetDeadline')).toMatchObject({ status: 'ok', limit: { year: 2023, month: 12, day: 15 } });
  });

  test('a plan shorter than three years is a Varning (KL 11:6); no budget date means no deadline check', () => {
    const plan = planOf((s) => {
      sheet(s, 'Inställningar').rows[3]![1] = 2;
      sheet(s, 'Inställningar').rows[8]![1] = null;
    });
    expect(checkOf(plan, 'threeYearPlan')).toMatchObject({
      status: 'warning',
      value: 2,
      limit: 3,
      target: { kind: 'settings', parameter: 'yearCount' },
    });
    expect(plan.checks.some((c) => c.goal === 'budgetDeadline')).toBe(false);
  });

  test('decision room: Varning when no month of the year can be judged; Ej uppfyllt names the worst month', () => {
    const unjudged = planOf((s) => (goalRow(s, 'Beslutshorisont')[1] = 24));
    expect(unjudged.checks.filter((c) => c.goal === 'decisionRoom').map((c) => c.status)).toEqual(['ok', 'warning', 'warning']);
    const strict = planOf((s) => (goalRow(s, 'Beslutsutrymme')[1] = 9000000));
    const check = checkOf(strict, 'decisionRoom', 2024)!;
    expect(check.status).toBe('failed');
    const worst = strict.liquidity.filter((l) => l.decisionRoom !== null && Math.floor(l.month / 12) === 2024);
    const min = worst.reduce((m, l) => (l.decisionRoom! < m.decisionRoom! ? l : m));
    expect(check.month).toBe(min.month);
    expect(check.value).toBe(min.decisionRoom);
    expect(check.detail.worstMonth).toBe(min.month);
  });

  test('lowest liquidity below the floor is Ej uppfyllt at the worst month; inactive goals give no rows', () => {
    const plan = planOf((s) => {
      goalRow(s, 'Lägsta likviditet')[1] = 3000000;
      goalRow(s, 'ESF hålls isär')[2] = 'Nej';
      goalRow(s, 'Högsta eget kapital')[2] = 'Nej';
    });
    expect(checkOf(plan, 'liquidity', 2024)).toMatchObject({
      status: 'failed',
      month: 2024 * 12 + 2,
    });
    expect(plan.checks.some((c) => c.goal === 'esfSeparate' || c.goal === 'maxEquity')).toBe(false);
  });

  test('ESF kept apart: equal ESF income and ESF-funded costs are OK; more costs than income say which way money crosses', () => {
    const equal = planOf((s) =>
      sheet(s, 'Kostnader').rows.push(['ESF-projekt', 'Drift', 'ESF', '0 %', 2000000, 2000000, 2000000]),
    );
    expect(equal.checks.filter((c) => c.goal === 'esfSeparate').map((c) => c.status)).toEqual(['ok', 'ok', 'ok']);
    const over = planOf((s) =>
      sheet(s, 'Kostnader').rows.push(['ESF-projekt', 'Drift', 'ESF', '0 %', 2500000, 2000000, 2000000]),
    );
    const check = checkOf(over, 'esfSeparate', 2024)!;
    expect(check.status).toBe('warning');
    expect(checkMessage(check)).toMatch(
      /överstiger ESF-intäkterna 2\u00a0000\u00a0000\u00a0kr med 500\u00a0000\u00a0kr: Finsam-medel används till ESF-verksamhet/,
    );
  });
});
