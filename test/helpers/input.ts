/** Building PlanInputs for engine tests. */
import { defaultGoals, Goals } from '../../src/engine/goals';
import { count, kr } from '../../src/engine/kronor';
import { ratio } from '../../src/engine/money';
import type { PlanInput } from '../../src/engine/plan';
import type { CostLine, Intervention, Member, YearInput } from '../../src/engine/types';

export function year(y: number, contributions: number, extra: Partial<YearInput> = {}): YearInput {
  return {
    year: y,
    contributions: kr(contributions),
    months: 12,
    esfIncome: kr(0),
    otherIncome: kr(0),
    financialIncome: kr(0),
    investments: kr(0),
    receivables: null,
    shortTermLiabilities: null,
    longTermLiabilities: null,
    ...extra,
  };
}

export function kommun(name: string, population: number, extra: Partial<Member> = {}): Member {
  return {
    name,
    party: 'municipalities',
    population: count(population),
    pays: true,
    fromYear: null,
    toYear: null,
    ...extra,
  };
}

export const state = (name = 'Försäkringskassan'): Member => ({
  name,
  party: 'state',
  population: count(0),
  pays: true,
  fromYear: null,
  toYear: null,
});
export const region = (name = 'Region Sörmland'): Member => ({ ...state(name), party: 'region' });

export function costLine(name: string, amounts: Record<number, number>, extra: Partial<CostLine> = {}): CostLine {
  return {
    name,
    kind: 'operating',
    funding: 'finsam',
    growth: ratio(0),
    amounts: new Map(Object.entries(amounts).map(([y, a]) => [Number(y), kr(a)])),
    ...extra,
  };
}

export function intervention(name: string, extra: Partial<Intervention> = {}): Intervention {
  return {
    nr: '',
    name,
    owner: '',
    funding: 'finsam',
    status: 'decided',
    start: { year: 2024, month: 1, day: 1 },
    end: { year: 2024, month: 12, day: 31 },
    total: kr(0),
    spentBefore: kr(0),
    yearAmounts: new Map(),
    ...extra,
  };
}

export function planInput(p: Partial<PlanInput> & { years: YearInput[] }): PlanInput {
  const goals: Goals = defaultGoals();
  return {
    settings: {
      name: 'Test',
      firstYear: p.years[0]!.year,
      yearCount: p.years.length,
      shares: { state: ratio('0.5'), region: ratio('0.25'), municipalities: ratio('0.25') },
      rounding: 'krona',
      budgetDecisionDate: null,
    },
    members: [state(), region(), kommun('Eskilstuna', 100)],
    interventions: [],
    costLines: [],
    opening: {
      equity: kr(0),
      fixedAssets: kr(0),
      receivables: kr(0),
      cash: kr(0),
      shortTermLiabilities: kr(0),
      longTermLiabilities: kr(0),
    },
    goals,
    ...p,
  };
}

/** The nine kommuner of RAR i Sörmland, inhabitants 16–64 on 1 Nov 2016 (2018 seed). */
export const KOMMUNER_2018: [string, number, number][] = [
  // name, inhabitants, amount 2018 (kr)
  ['Vingåker', 5113, 121409],
  ['Gnesta', 6248, 148359],
  ['Nyköping', 31643, 751365],
  ['Oxelösund', 6616, 157097],
  ['Flen', 9228, 219120],
  ['Katrineholm', 19667, 466994],
  ['Eskilstuna', 62820, 1491665],
  ['Strängnäs', 20078, 476754],
  ['Trosa', 7043, 167237],
];
