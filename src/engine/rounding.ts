/**
 * The rounding rules for the kommuner's split (`Avrundning`): each turns the kommuner's whole amount and
 * their inhabitants into whole-krona amounts that add up exactly, and the shares shown beside them.
 * The rule names are the contract's values; their labels and spellings are in the messages module
 * (vocabulary). Adding a rule: an entry here and its label there.
 */
import { Count, kr, Kronor } from './kronor';
import { allocateByWeights, D, Ratio } from './money';

export interface Sharer {
  name: string;
  population: Count;
}

export interface RoundedSplit {
  /** Share of the party, as shown (`share` in the JSON). */
  shares: Ratio[];
  amounts: Kronor[];
}

type RoundingRule = (amount: Kronor, members: readonly Sharer[]) => RoundedSplit;

export const ROUNDING_RULES = {
  /** Amounts in proportion to inhabitants, largest remainder (reproduces the 2018 table). */
  krona: (amount, members) => {
    const totalPopulation = members.reduce((n, m) => n + m.population, 0);
    const amounts = allocateByWeights(
      amount,
      members.map((m) => ({ weight: m.population, key: m.population, name: m.name })),
    );
    return {
      shares: members.map((m) => (totalPopulation === 0 ? new D(0) : new D(m.population).dividedBy(totalPopulation))),
      amounts,
    };
  },
  /** Shares first rounded to whole per mille (they sum to 1 000 ‰), then amount ∝ per mille (2005, 2010). */
  promille: (amount, members) => {
    const permille = promilleShares(members);
    const amounts = allocateByWeights(
      amount,
      members.map((m, i) => ({ weight: permille[i]!, key: m.population, name: m.name })),
    );
    return { shares: permille.map((p) => new D(p).dividedBy(1000)), amounts };
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
