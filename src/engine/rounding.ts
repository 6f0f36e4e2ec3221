/**
 * The rounding rules for the kommuner's split (`Avrundning`): each turns the kommuner's whole amount and
 * their inhabitants into whole-krona amounts that add up exactly, and the shares shown beside them.
 * The rule names are the contract's values; their labels and spellings are in the messages module
 * (vocabulary). Adding a rule: an entry here and its label there.
 */
import { Count, kr, Kronor } from './kronor';
import { allocateByWeights, D, fraction, Ratio } from './money';

export interface Sharer {
  name: string;
  population: Count;
}

/**
 * A rule in two parts: the shares shown depend only on the members (their inhabitants), so that years
 * with the same paying kommuner share them; the amounts add up to the year's whole amount exactly.
 */
interface RoundingRule {
  /** Each member's share, as shown (`share` in the JSON). */
  shares: (members: readonly Sharer[]) => Ratio[];
  /** Each member's whole-krona amount; they add up to `amount`. */
  amounts: (amount: Kronor, members: readonly Sharer[]) => Kronor[];
}

export const ROUNDING_RULES = {
  /** Amounts in proportion to inhabitants, largest remainder (reproduces the 2018 table). */
  krona: {
    shares: (members) => {
      const totalPopulation = members.reduce((n, m) => n + m.population, 0);
      return members.map((m) => (totalPopulation === 0 ? new D(0) : fraction(m.population, totalPopulation)));
    },
    amounts: (amount, members) =>
      allocateByWeights(
        amount,
        members.map((m) => ({ weight: m.population, key: m.population, name: m.name })),
      ),
  },
  /** Shares first rounded to whole per mille (they sum to 1 000 ‰), then amount ∝ per mille (2005, 2010). */
  promille: {
    shares: (members) => promilleShares(members).map((p) => fraction(p, 1000)),
    amounts: (amount, members) => {
      const permille = promilleShares(members);
      return allocateByWeights(
        amount,
        members.map((m, i) => ({ weight: permille[i]!, key: m.population, name: m.name })),
      );
    },
  },
} satisfies Record<string, RoundingRule>;

export type RoundingMode = keyof typeof ROUNDING_RULES;
export const ROUNDING_MODES = Object.keys(ROUNDING_RULES) as RoundingMode[];

/** Per-mille shares by largest remainder (sum to 1000); ties to larger population, then name. */
export function promilleShares(members: readonly Sharer[]): number[] {
  return allocateByWeights(
    kr(1000),
    members.map((m) => ({ weight: m.population, key: m.population, name: m.name })),
  );
}
