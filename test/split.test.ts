import fc from 'fast-check';
import { count, kr, Kronor, sumKr } from '../src/engine/kronor';
import { ratio, Ratio } from '../src/engine/money';
import { promilleShares } from '../src/engine/rounding';
import { instalments, partyAmounts, quarterWeights, splitYear, splitYears, yearTotal } from '../src/engine/split';
import type { Member } from '../src/engine/types';
import { KOMMUNER_2018, kommun, planInput, region, state, year } from './helpers/input';

const settings = (rounding: 'krona' | 'promille' = 'krona') => ({
  ...planInput({ years: [year(2018, 16000000)] }).settings,
  rounding,
});

const byName = (split: ReturnType<typeof splitYear>) => new Map(split.members.map((m) => [m.member, m]));
const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('contribution split — golden figures from the seeds', () => {
  test('2018: the nine kommuner by inhabitants 16–64, to the krona (4 000 000 kr, 168 456 inhabitants)', () => {
    const members = [state(), state('Arbetsförmedlingen'), region('Landstinget'), ...KOMMUNER_2018.map(([n, p]) => kommun(n, p))];
    members[1] = { ...members[1]!, pays: false };
    const split = splitYear(settings(), year(2018, 16000000), members);
    const m = byName(split);
    for (const [name, , amount] of KOMMUNER_2018) expect(m.get(name)!.amount).toBe(amount);
    expect(split.parties.municipalities).toBe(4000000);
    expect(split.parties.region).toBe(4000000);
    expect(split.parties.state).toBe(8000000);
    expect(m.get('Försäkringskassan')!.amount).toBe(8000000);
    expect(m.has('Arbetsförmedlingen')).toBe(false); // a member that does not pay gets no share
    expect(total(KOMMUNER_2018.map(([n]) => m.get(n)!.population))).toBe(168456);
    expect(m.get('Eskilstuna')!.share.toFixed(6)).toBe('0.372916');
    // Our quarters are exact where the seed's column summed to 999 999.
    const quarterSums = [0, 1, 2, 3].map((q) => sumKr(KOMMUNER_2018.map(([n]) => m.get(n)!.quarters[q]!)));
    expect(quarterSums).toEqual([1000000, 1000000, 1000000, 1000000]);
    expect(m.get('Eskilstuna')!.quarters).toEqual([372917, 372916, 372916, 372916]);
  });

  test('2010: per-mille rounding gives multiples of 3 750 kr that match the table', () => {
    // The 2010 table's key in per mille (amount / 3 750); inhabitants chosen with that key.
    const table: [string, number][] = [
      ['Eskilstuna', 1308750],
      ['Flen', 236250],
      ['Gnesta', 142500],
      ['Katrineholm', 465000],
      ['Nyköping', 712500],
      ['Oxelösund', 161250],
      ['Strängnäs', 438750],
      ['Trosa', 153750],
      ['Vingåker', 131250],
    ];
    const members = [state(), region('Landstinget'), ...table.map(([n, a], i) => kommun(n, (a / 3750) * 268 + 40 + i))];
    const split = splitYear(settings('promille'), year(2010, 15000000), members);
    const m = byName(split);
    for (const [name, amount] of table) {
      expect(m.get(name)!.amount).toBe(amount);
      expect(m.get(name)!.amount % 3750).toBe(0);
    }
    expect(split.parties.municipalities).toBe(3750000);
    expect(split.parties.region).toBe(3750000);
    expect(split.parties.state).toBe(7500000);
  });

  test('2005: a part year of 8 months on a 15 mkr basis gives 10 mkr, per mille in multiples of 2 500 kr', () => {
    const table: [string, number][] = [
      ['Katrineholm', 337500],
      ['Nyköping', 512500],
      ['Flen', 172500],
      ['Strängnäs', 312500],
      ['Trosa', 107500],
      ['Eskilstuna', 942500],
      ['Oxelösund', 115000],
    ];
    const members = [
      state('Försäkringskassan/Länsarbetsnämnden'),
      region('Landstinget'),
      ...table.map(([n, a], i) => kommun(n, (a / 2500) * 301 + 17 * i)),
    ];
    const y = year(2005, 15000000, { months: 8 });
    expect(yearTotal(y)).toBe(10000000);
    const split = splitYear(settings('promille'), y, members);
    expect(split.parties.state).toBe(5000000);
    expect(split.parties.region).toBe(2500000);
    expect(split.parties.municipalities).toBe(2500000);
    const m = byName(split);
    for (const [name, amount] of table) expect(m.get(name)!.amount).toBe(amount);
    // Instalments in May, July and October, 2 : 3 : 3.
    expect(split.quarterMonths).toEqual([null, 5, 7, 10]);
    expect(split.quarterTotals).toEqual([0, 2500000, 3750000, 3750000]);
    expect(m.get('Eskilstuna')!.quarters).toEqual([0, 235625, 353438, 353437]);
    expect(m.get('Landstinget')!.quarters).toEqual([0, 625000, 937500, 937500]);
  });

  test('declining part of the state offer shrinks every party together (16 mkr, not 21 mkr)', () => {
    const p = partyAmounts(kr(16000000), { state: ratio('0.5'), region: ratio('0.25'), municipalities: ratio('0.25') });
    expect([p.state, p.region, p.municipalities]).toEqual([8000000, 4000000, 4000000]);
  });

  test('years with the same total, months and payers share one computation, each with its own year', () => {
    const members = [state(), region(), kommun('A', 100), kommun('B', 300, { fromYear: 2026 })];
    const years = [year(2024, 4000), year(2025, 4000), year(2026, 4000), year(2027, 4001)];
    const splits = splitYears(settings(), years, members);
    expect(splits.map((s) => s.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const s of splits) expect(s.members.every((m) => m.year === s.year)).toBe(true);
    // The same as computing each year on its own.
    splits.forEach((s, i) => {
      const alone = splitYear(settings(), years[i]!, members);
      expect(s.members.map((m) => [m.member, m.amount, m.quarters])).toEqual(
        alone.members.map((m) => [m.member, m.amount, m.quarters]),
      );
    });
    expect(byName(splits[1]!).get('A')!.amount).toBe(1000);
    expect(byName(splits[2]!).get('A')!.amount).toBe(250); // B joined in 2026
  });

  test('membership years: a kommun outside its years gets no share', () => {
    const members = [state(), region(), kommun('A', 100), kommun('B', 100, { fromYear: 2025 })];
    expect(byName(splitYear(settings(), year(2024, 4000), members)).has('B')).toBe(false);
    expect(byName(splitYear(settings(), year(2025, 4000), members)).get('B')!.amount).toBe(500);
  });
});

// ------------------------------------------------------------------ properties

const membersArb = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 120000 }), { minLength: 1, maxLength: 25 }),
    fc.integer({ min: 1, max: 3 }),
    fc.integer({ min: 1, max: 2 }),
  )
  .filter(([pops]) => pops.some((p) => p > 0))
  .map(([pops, nState, nRegion]) => {
    const members: Member[] = pops.map((p, i) => kommun(`Kommun ${String.fromCharCode(65 + (i % 26))}${i}`, p));
    for (let i = 0; i < nState; i++) members.push(state(`Stat ${i}`));
    for (let i = 0; i < nRegion; i++) members.push(region(`Region ${i}`));
    return members;
  });

function exactAmount(split: ReturnType<typeof splitYear>, name: string, members: Member[], rounding: string): Ratio {
  const c = split.members.find((m) => m.member === name)!;
  const part = ratio(split.parties[c.party]);
  if (c.party !== 'municipalities') return part.dividedBy(members.filter((m) => m.party === c.party).length);
  if (rounding === 'promille') return part.times(c.share);
  const inhabitants = total(members.filter((m) => m.party === 'municipalities').map((m) => m.population));
  return part.times(c.population).dividedBy(inhabitants);
}

const whole = (x: number) => Number.isSafeInteger(x) && !Object.is(x, -0);

describe('split and instalments — properties', () => {
  test('sums exact, nothing negative, every amount within a krona of its exact value, order irrelevant', () => {
    fc.assert(
      fc.property(
        membersArb,
        fc.integer({ min: 0, max: 60000000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('krona' as const, 'promille' as const),
        fc.integer({ min: 0, max: 1000 }),
        (members, annual, months, rounding, seed) => {
          const y = year(2030, annual, { months });
          const split = splitYear(settings(rounding), y, members);
          const T = yearTotal(y);
          expect(sumKr(split.members.map((m) => m.amount))).toBe(T);
          expect(split.parties.state + split.parties.region + split.parties.municipalities).toBe(T);
          for (const party of ['state', 'region', 'municipalities'] as const) {
            expect(sumKr(split.members.filter((m) => m.party === party).map((m) => m.amount))).toBe(split.parties[party]);
          }
          const weights = quarterWeights(months);
          for (const c of split.members) {
            expect(whole(c.amount)).toBe(true);
            expect(c.amount < 0).toBe(false);
            expect(
              ratio(c.amount)
                .minus(exactAmount(split, c.member, members, rounding))
                .abs()
                .lessThan(1),
            ).toBe(true);
            expect(sumKr(c.quarters)).toBe(c.amount);
            c.quarters.forEach((q, i) => {
              expect(whole(q)).toBe(true);
              expect(q < 0).toBe(false);
              expect(ratio(q).minus(ratio(c.amount).times(weights[i]!).dividedBy(months)).abs().lessThanOrEqualTo(1)).toBe(true);
              if (weights[i] === 0) expect(q).toBe(0);
            });
          }
          split.quarterTotals.forEach((qt, i) => {
            expect(sumKr(split.members.map((m) => m.quarters[i]!))).toBe(qt);
            expect(ratio(qt).minus(ratio(T).times(weights[i]!).dividedBy(months)).abs().lessThan(1)).toBe(true);
          });
          // Row order does not matter.
          const shuffled = members
            .slice()
            .sort((a, b) => ((a.name.length * 7919 + seed) % 13) - ((b.name.length * 7919 + seed) % 13) || (seed % 2 ? 1 : -1));
          const again = byName(splitYear(settings(rounding), y, shuffled.reverse()));
          for (const c of split.members) {
            const other = again.get(c.member)!;
            expect(other.amount).toBe(c.amount);
            expect(other.quarters).toEqual(c.quarters);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('per-mille shares always sum to 1 000 and each is within 1 ‰ of the exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500000 }), { minLength: 1, maxLength: 40 }).filter((p) => p.some((x) => x > 0)),
        (pops) => {
          const members = pops.map((p, i) => ({ name: `K${i}`, population: count(p) }));
          const shares = promilleShares(members);
          expect(total(shares)).toBe(1000);
          const inhabitants = total(pops);
          shares.forEach((s, i) =>
            expect(ratio(s).minus(ratio(pops[i]!).times(1000).dividedBy(inhabitants)).abs().lessThan(1)).toBe(true),
          );
        },
      ),
    );
  });

  test('instalments of a full year hand out each member’s leftover kronor across the quarters', () => {
    const rows = instalments(
      [
        { name: 'A', amount: kr(3) },
        { name: 'B', amount: kr(3) },
        { name: 'C', amount: kr(2) },
      ],
      12,
    );
    expect(rows.quarterTotals).toEqual([2, 2, 2, 2]);
    expect(rows.rows.map((r) => sumKr(r))).toEqual([3, 3, 2]);
    rows.rows.forEach((r) => r.forEach((q: Kronor) => expect(q <= 1).toBe(true)));
  });
});
