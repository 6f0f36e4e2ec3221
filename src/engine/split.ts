/** Contribution split (5 § SFS 2003:1210) and quarterly instalments. */
import { floorDiv, kr, Kronor, sumKr, times } from './kronor';
import { allocateByWeights, allocateExact, compareSv, divHalfAway, fraction } from './money';
import { ROUNDING_RULES, RoundingMode } from './rounding';
import type { Contribution, Member, Party, Quarters, Ratio, Settings, YearInput, YearSplit } from './types';
import { PARTIES } from './types';

/**
 * The kommuner's shares by who pays (names and inhabitants): they do not depend on the amount, so the
 * years of one plan compute each distinct set's shares once (a division per kommun and year otherwise).
 */
export type SharesCache = Map<string, Ratio[]>;

const PARTY_ORDER: Record<Party, number> = { state: 0, region: 1, municipalities: 2 };

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
export function yearTotal(year: YearInput): Kronor {
  return divHalfAway(times(year.contributions, year.months), 12);
}

/** The parties' amounts: T × share, by largest remainder so that they sum to T. */
export function partyAmounts(total: Kronor, shares: Record<Party, Ratio>): Record<Party, Kronor> {
  const amounts = allocateExact(
    total,
    PARTIES.map((p) => ({ exact: shares[p].times(total), key: shares[p], name: String(PARTY_ORDER[p]) })),
  );
  return { state: amounts[0]!, region: amounts[1]!, municipalities: amounts[2]! };
}

function splitParty(
  party: Party,
  amount: Kronor,
  members: readonly Member[],
  rounding: RoundingMode,
  sharesCache?: SharesCache,
): { member: Member; share: Ratio; amount: Kronor }[] {
  if (members.length === 0) return [];
  if (party !== 'municipalities') {
    // State and region members that pay share their part equally.
    const n = members.length;
    const amounts = allocateByWeights(
      amount,
      members.map((m) => ({ weight: 1, key: 1, name: m.name })),
    );
    const share = fraction(1, n);
    return members.map((m, i) => ({ member: m, share, amount: amounts[i]! }));
  }
  const rule = ROUNDING_RULES[rounding];
  const key = `${rounding}\u0000${members.map((m) => `${m.name}\u0001${m.population}`).join('\u0000')}`;
  let shares = sharesCache?.get(key);
  if (!shares) {
    shares = rule.shares(members);
    sharesCache?.set(key, shares);
  }
  const amounts = rule.amounts(amount, members);
  return members.map((m, i) => ({ member: m, share: shares[i]!, amount: amounts[i]! }));
}

/**
 * Quarterly instalments for a set of annual amounts: whole kronor; each member's instalments sum to
 * its amount; each quarter's instalments sum to that quarter's share of the total (rounded by largest
 * remainder); no instalment is a krona or more from its exact value unless that value is whole.
 */
export function instalments(
  amounts: readonly { name: string; amount: Kronor }[],
  months: number,
): { rows: Quarters[]; quarterTotals: Quarters } {
  const weights = quarterWeights(months);
  const total = sumKr(amounts.map((a) => a.amount));
  const quarterTotals = allocateByWeights(
    total,
    weights.map((w) => ({ weight: w, key: w })), // ties: the earlier quarter
  ) as Quarters;
  // Exact instalment = amount × w / months: integer floors and remainders over the denominator `months`.
  const rows = amounts.map((a) => weights.map((w) => floorDiv(times(a.amount, w), months)));
  const rem = amounts.map((a, i) => weights.map((w, q) => a.amount * w - rows[i]![q]! * months));
  const columnNeed = quarterTotals.map((qt, q) => qt - rows.reduce((s, r) => s + r[q]!, 0));
  // Each member needs `amount − Σ floors` extra kronor, each quarter `its total − Σ floors`: a 0/1
  // assignment of extra kronor to cells (a transportation problem). Every krona is placed along an
  // augmenting path over the four quarters, so a placement is found whenever one exists; a cell whose
  // exact value is whole is used only as a last resort (it then stands exactly one krona off).
  const taken = amounts.map(() => [false, false, false, false]);
  const can = (j: number, q: number, strict: boolean) => weights[q]! > 0 && !taken[j]![q] && (!strict || rem[j]![q]! > 0);
  const place = (i: number, strict: boolean): boolean => {
    /** The order in which member i tries the quarters: the most needed first, then its larger remainder. */
    const byNeed = (a: number, b: number) => columnNeed[b]! - columnNeed[a]! || rem[i]![b]! - rem[i]![a]! || a - b;
    // Most kronor go straight to a quarter that still needs one (the first such in that order); search
    // paths only when none does.
    let direct = -1;
    for (let q = 0; q < 4; q++) if (can(i, q, strict) && columnNeed[q]! > 0 && (direct < 0 || byNeed(q, direct) < 0)) direct = q;
    if (direct >= 0) {
      columnNeed[direct] = columnNeed[direct]! - 1;
      taken[i]![direct] = true;
      return true;
    }
    const queue = [0, 1, 2, 3].filter((q) => can(i, q, strict)).sort(byNeed);
    const prev = new Map<number, { from: number; row: number }>();
    queue.forEach((q) => prev.set(q, { from: -1, row: i }));
    for (let head = 0; head < queue.length; head++) {
      const q = queue[head]!;
      if (columnNeed[q]! > 0) {
        columnNeed[q] = columnNeed[q]! - 1;
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
    .sort((x, y) => y.a.amount - x.a.amount || compareSv(x.a.name, y.a.name) || x.i - y.i);
  for (const { a, i } of order) {
    const need = a.amount - rows[i]!.reduce((s, x) => s + x, 0);
    for (let k = 0; k < need; k++) {
      if (!place(i, true) && !place(i, false)) throw new Error(`instalments: no quarter can take a krona for ${a.name}`);
    }
  }
  return {
    rows: rows.map((r, i) => r.map((x, q) => kr(taken[i]![q] ? x + 1 : x)) as Quarters),
    quarterTotals,
  };
}

export function splitYear(
  settings: Settings,
  yearInput: YearInput,
  members: readonly Member[],
  sharesCache?: SharesCache,
): YearSplit {
  const year = yearInput.year;
  const total = yearTotal(yearInput);
  const parties = partyAmounts(total, settings.shares);
  const shared: { member: Member; share: Ratio; amount: Kronor }[] = [];
  for (const party of PARTIES) {
    const payers = members
      .filter((m) => m.party === party && m.pays && isActive(m, year))
      .slice()
      .sort((a, b) => compareSv(a.name, b.name));
    shared.push(...splitParty(party, parties[party], payers, settings.rounding, sharesCache));
  }
  const { rows, quarterTotals } = instalments(
    shared.map((m) => ({ name: m.member.name, amount: m.amount })),
    yearInput.months,
  );
  const weights = quarterWeights(yearInput.months);
  const first = firstOperatedMonth(yearInput.months);
  const quarterMonths = weights.map((w, q) => (w === 0 ? null : Math.max(first, q * 3 + 1))) as YearSplit['quarterMonths'];
  const contributions: Contribution[] = shared.map((m, i) => ({
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
  const sharesCache: SharesCache = new Map();
  return years.map((y) => {
    const payers = members
      .filter((m) => m.pays && isActive(m, y.year))
      .map((m) => m.name)
      .join('\u0000');
    const key = `${yearTotal(y)}|${y.months}|${payers}`;
    const same = done.get(key);
    if (same) return { ...same, year: y.year, members: same.members.map((c) => ({ ...c, year: y.year })) };
    const split = splitYear(settings, y, members, sharesCache);
    done.set(key, split);
    return split;
  });
}
