/** Contribution split (5 § SFS 2003:1210) and quarterly instalments. */
import { allocate, allocateByWeights, compareSv, D, dec, Money, roundKrona, sum, toBigInt, ZERO } from './money';
import type { Contribution, Member, Party, RoundingMode, Settings, YearInput, YearSplit } from './types';
import { PARTIES } from './types';

const PARTY_LABEL_ORDER: Record<Party, number> = { state: 0, region: 1, municipalities: 2 };

export function isActive(member: Member, year: number): boolean {
  return (member.fromYear === null || member.fromYear <= year) && (member.toYear === null || member.toYear >= year);
}

/** First month operated in a year with `months` months operated (counted to December). */
export function firstOperatedMonth(months: number): number {
  return 13 - months;
}

/** Months operated in each quarter. */
export function quarterWeights(months: number): [number, number, number, number] {
  const first = firstOperatedMonth(months);
  const weights: number[] = [];
  for (let q = 0; q < 4; q++) {
    const qStart = q * 3 + 1;
    const qEnd = qStart + 2;
    weights.push(Math.max(0, qEnd - Math.max(first, qStart) + 1));
  }
  return weights as [number, number, number, number];
}

/** Year total T = annual × months / 12, to whole kronor (half away from zero). */
export function yearTotal(year: YearInput): Money {
  return roundKrona(year.contributions.times(year.months).dividedBy(12));
}

/** The parties' amounts: T × share, by largest remainder so that they sum to T. */
export function partyAmounts(total: Money, shares: Record<Party, Money>): Record<Party, Money> {
  const amounts = allocate(
    total,
    PARTIES.map((p) => ({ exact: total.times(shares[p]), key: shares[p], name: String(PARTY_LABEL_ORDER[p]) })),
  );
  return { state: amounts[0]!, region: amounts[1]!, municipalities: amounts[2]! };
}

/** Per-mille shares by largest remainder (sum to 1000); ties to larger population, then name. */
export function promilleShares(members: readonly { name: string; population: Money }[]): Money[] {
  return allocateByWeights(
    dec(1000),
    members.map((m) => ({ weight: m.population, key: m.population, name: m.name })),
  );
}

function splitParty(
  party: Party,
  amount: Money,
  members: readonly Member[],
  rounding: RoundingMode,
): { member: Member; share: Money; amount: Money }[] {
  if (members.length === 0) return [];
  if (party !== 'municipalities') {
    const n = members.length;
    const amounts = allocateByWeights(
      amount,
      members.map((m) => ({ weight: dec(1), key: dec(1), name: m.name })),
    );
    return members.map((m, i) => ({ member: m, share: dec(1).dividedBy(n), amount: amounts[i]! }));
  }
  const totalPopulation = sum(members.map((m) => m.population));
  if (rounding === 'promille') {
    const permille = promilleShares(members);
    const amounts = allocateByWeights(
      amount,
      members.map((m, i) => ({ weight: permille[i]!, key: m.population, name: m.name })),
    );
    return members.map((m, i) => ({ member: m, share: permille[i]!.dividedBy(1000), amount: amounts[i]! }));
  }
  const amounts = allocateByWeights(
    amount,
    members.map((m) => ({ weight: m.population, key: m.population, name: m.name })),
  );
  return members.map((m, i) => ({
    member: m,
    share: totalPopulation.isZero() ? ZERO : m.population.dividedBy(totalPopulation),
    amount: amounts[i]!,
  }));
}

/**
 * Quarterly instalments for a set of annual amounts: whole kronor; each member's instalments sum to
 * its amount; each quarter's instalments sum to that quarter's share of the total (rounded by largest
 * remainder); no instalment is a krona or more from its exact value unless that value is whole.
 */
/** Compare two BigInts for sorting. */
const cmp = (a: bigint, b: bigint): number => (a > b ? 1 : a < b ? -1 : 0);

export function instalments(
  amounts: readonly { name: string; amount: Money }[],
  months: number,
): { rows: [Money, Money, Money, Money][]; quarterTotals: [Money, Money, Money, Money] } {
  const weights = quarterWeights(months);
  const total = sum(amounts.map((a) => a.amount));
  const quarterTotals = allocate(
    total,
    weights.map((w, q) => ({ exact: total.times(w).dividedBy(months), key: dec(w), name: String(q) })),
  ) as [Money, Money, Money, Money];
  // Exact instalment = amount × w / months: integer floors and remainders over the denominator `months`.
  const m = BigInt(months);
  const amountsN = amounts.map((a) => toBigInt(a.amount));
  const rows = amountsN.map((a) => weights.map((w) => (a * BigInt(w)) / m));
  const rem = amountsN.map((a) => weights.map((w) => (a * BigInt(w)) % m));
  const columnNeed = quarterTotals.map((qt, q) => toBigInt(qt) - rows.reduce((s, r) => s + r[q]!, 0n));
  // Each member needs `amount − Σ floors` extra kronor, each quarter `its total − Σ floors`: a 0/1
  // assignment of extra kronor to cells (a transportation problem). Every krona is placed along an
  // augmenting path over the four quarters, so a placement is found whenever one exists; a cell whose
  // exact value is whole is used only as a last resort (it then stands exactly one krona off).
  const taken = amounts.map(() => [false, false, false, false]);
  const can = (j: number, q: number, strict: boolean) => weights[q]! > 0 && !taken[j]![q] && (!strict || rem[j]![q]! > 0n);
  const place = (i: number, strict: boolean): boolean => {
    const prev = new Map<number, { from: number; row: number }>();
    const queue = [0, 1, 2, 3]
      .filter((q) => can(i, q, strict))
      .sort((a, b) => cmp(columnNeed[b]!, columnNeed[a]!) || cmp(rem[i]![b]!, rem[i]![a]!) || a - b);
    queue.forEach((q) => prev.set(q, { from: -1, row: i }));
    // Most kronor go straight to a quarter that still needs one; search paths only when none does.
    const direct = queue.find((q) => columnNeed[q]! > 0n);
    if (direct !== undefined) {
      columnNeed[direct] = columnNeed[direct]! - 1n;
      taken[i]![direct] = true;
      return true;
    }
    for (let head = 0; head < queue.length; head++) {
      const q = queue[head]!;
      if (columnNeed[q]! > 0n) {
        columnNeed[q] = columnNeed[q]! - 1n;
        for (let at = q; at >= 0;) {
          const step = prev.get(at)!;
          taken[step.row]![at] = true;
          if (step.from >= 0) taken[step.row]![step.from] = false;
          at = step.from;
        }
        return true;
      }
      // Another member holding a krona in q may move it elsewhere, freeing q.
      for (let j = 0; j < taken.length; j++) {
        if (!taken[j]![q]) continue;
        for (let q2 = 0; q2 < 4; q2++) {
          if (!prev.has(q2) && can(j, q2, strict)) {
            prev.set(q2, { from: q, row: j });
            queue.push(q2);
          }
        }
      }
    }
    return false;
  };
  // Members in a canonical order so that the result never depends on row order.
  const order = amounts
    .map((a, i) => ({ a, i }))
    .sort((x, y) => y.a.amount.comparedTo(x.a.amount) || compareSv(x.a.name, y.a.name) || x.i - y.i);
  for (const { a, i } of order) {
    const need = amountsN[i]! - rows[i]!.reduce((s, x) => s + x, 0n);
    for (let k = 0n; k < need; k++) {
      if (!place(i, true) && !place(i, false)) throw new Error(`instalments: no quarter can take a krona for ${a.name}`);
    }
  }
  return {
    rows: rows.map((r, i) => r.map((x, q) => new D((taken[i]![q] ? x + 1n : x).toString()))) as [Money, Money, Money, Money][],
    quarterTotals,
  };
}

export function splitYear(settings: Settings, yearInput: YearInput, members: readonly Member[]): YearSplit {
  const year = yearInput.year;
  const total = yearTotal(yearInput);
  const parties = partyAmounts(total, settings.shares);
  const members2: { member: Member; share: Money; amount: Money }[] = [];
  for (const party of PARTIES) {
    const payers = members
      .filter((m) => m.party === party && m.pays && isActive(m, year))
      .slice()
      .sort((a, b) => compareSv(a.name, b.name));
    members2.push(...splitParty(party, parties[party], payers, settings.rounding));
  }
  const { rows, quarterTotals } = instalments(
    members2.map((m) => ({ name: m.member.name, amount: m.amount })),
    yearInput.months,
  );
  const weights = quarterWeights(yearInput.months);
  const first = firstOperatedMonth(yearInput.months);
  const quarterMonths = weights.map((w, q) => (w === 0 ? null : Math.max(first, q * 3 + 1))) as YearSplit['quarterMonths'];
  const contributions: Contribution[] = members2.map((m, i) => ({
    year,
    member: m.member.name,
    party: m.member.party,
    population: m.member.population,
    share: m.share,
    amount: m.amount,
    quarters: rows[i]!,
  }));
  return { year, total, parties, quarterTotals, quarterMonths, members: contributions };
}

/**
 * The split of every plan year. Years with the same total, months operated and paying members have
 * the same split (only the year differs), so each distinct case is computed once.
 */
export function splitYears(settings: Settings, years: readonly YearInput[], members: readonly Member[]): YearSplit[] {
  const done = new Map<string, YearSplit>();
  return years.map((y) => {
    const payers = members
      .filter((m) => m.pays && isActive(m, y.year))
      .map((m) => m.name)
      .join('\u0000');
    const key = `${yearTotal(y).toString()}|${y.months}|${payers}`;
    const same = done.get(key);
    if (same) return { ...same, year: y.year, members: same.members.map((c) => ({ ...c, year: y.year })) };
    const split = splitYear(settings, y, members);
    done.set(key, split);
    return split;
  });
}
