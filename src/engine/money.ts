/**
 * Exact money arithmetic. Every amount is a decimal.js value; whole kronor appear only
 * through the two rounding rules of the domain:
 *  - `roundKrona`: a single amount with no whole to match, rounded half away from zero;
 *  - `allocate`: a series that must add up to a given whole, by the largest remainder method.
 */
import Decimal from 'decimal.js';

// Plain notation for every amount a budget can hold (no exponent in toString).
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpPos: 40, toExpNeg: -40 });
export type Money = InstanceType<typeof D>;
export const ZERO: Money = new D(0);

export function dec(value: number | string | Money): Money {
  return new D(value);
}

/** Round a single amount to whole kronor, half away from zero. */
export function roundKrona(value: Money): Money {
  return value.toDecimalPlaces(0, D.ROUND_HALF_UP);
}

export function sum(values: readonly Money[]): Money {
  let total = ZERO;
  for (const v of values) if (!v.isZero()) total = total.plus(v);
  return total;
}

/** Swedish alphabetical order (å, ä, ö after z). */
const collator = new Intl.Collator('sv', { sensitivity: 'variant' });
export function compareSv(a: string, b: string): number {
  return collator.compare(a, b);
}

export interface AllocationItem {
  /** The exact (unrounded) amount of this item. */
  exact: Money;
  /** Tie-break key: the larger key wins a tied remainder (population, amount). */
  key: Money;
  /** Second tie-break: Swedish alphabetical order, earlier name wins. */
  name: string;
}

/**
 * Largest remainder rounding: floor every exact amount, then give the missing kronor one each to
 * the largest remainders. Ties go to the larger key, then to the name in Swedish order, so the
 * result does not depend on the order of the items. `total` must be whole and equal the sum of the
 * exact amounts up to less than one krona per item.
 */
export function allocate(total: Money, items: readonly AllocationItem[]): Money[] {
  if (!total.isInteger()) throw new Error(`allocate: total ${total.toString()} is not whole`);
  const floors = items.map((it) => it.exact.floor());
  let missing = total.minus(sum(floors));
  if (missing.isNegative() || missing.greaterThan(items.length)) {
    throw new Error(`allocate: cannot reach ${total.toString()} from the given amounts`);
  }
  const order = items
    .map((it, index) => ({ index, remainder: it.exact.minus(floors[index]!), it }))
    .sort(
      (a, b) =>
        b.remainder.comparedTo(a.remainder) ||
        b.it.key.comparedTo(a.it.key) ||
        compareSv(a.it.name, b.it.name) ||
        a.index - b.index,
    );
  const result = floors.slice();
  for (const entry of order) {
    if (missing.isZero()) break;
    result[entry.index] = result[entry.index]!.plus(1);
    missing = missing.minus(1);
  }
  return result;
}

/** Split a whole total in proportion to weights, by largest remainder. */
export function allocateByWeights(total: Money, weights: readonly { weight: Money; key: Money; name: string }[]): Money[] {
  if (weights.length === 0) {
    if (!total.isZero()) throw new Error('allocateByWeights: nothing to allocate to');
    return [];
  }
  if (total.isInteger() && weights.every((w) => w.weight.isInteger() && w.key.isInteger())) {
    return allocateIntegers(
      total,
      weights.map((w) => ({ weight: toBigInt(w.weight), key: toBigInt(w.key), name: w.name })),
    );
  }
  const totalWeight = sum(weights.map((w) => w.weight));
  if (totalWeight.isZero()) {
    if (!total.isZero()) throw new Error('allocateByWeights: all weights are zero');
    return weights.map(() => ZERO);
  }
  return allocate(
    total,
    weights.map((w) => ({ exact: total.times(w.weight).dividedBy(totalWeight), key: w.key, name: w.name })),
  );
}

/**
 * The same rule when the total and the weights are whole: every exact share is total × w / W, so the
 * floors and remainders are integer quotients and remainders over one denominator W. Exact integer
 * arithmetic (BigInt), many times faster than decimal division for large tables.
 */
export function allocateIntegers(total: Money, weights: readonly { weight: bigint; key: bigint; name: string }[]): Money[] {
  if (weights.length === 0) {
    if (!total.isZero()) throw new Error('allocateByWeights: nothing to allocate to');
    return [];
  }
  const t = toBigInt(total);
  const w = weights.map((x) => x.weight);
  const W = w.reduce((a, b) => a + b, 0n);
  if (W === 0n) {
    if (t !== 0n) throw new Error('allocateByWeights: all weights are zero');
    return weights.map(() => ZERO);
  }
  if (W < 0n || w.some((x) => x < 0n)) throw new Error('allocateByWeights: negative weight');
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  for (const x of w) {
    const n = t * x;
    let q = n / W;
    let r = n % W;
    if (r < 0n) {
      q -= 1n;
      r += W;
    }
    floors.push(q);
    remainders.push(r);
  }
  let missing = t - floors.reduce((a, b) => a + b, 0n);
  const keys = weights.map((x) => x.key);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const r = remainders[b]! - remainders[a]!;
      if (r !== 0n) return r > 0n ? 1 : -1;
      const k = keys[b]! - keys[a]!;
      if (k !== 0n) return k > 0n ? 1 : -1;
      return compareSv(weights[a]!.name, weights[b]!.name) || a - b;
    });
  for (const i of order) {
    if (missing === 0n) break;
    floors[i] = floors[i]! + 1n;
    missing -= 1n;
  }
  return floors.map((f) => new D(f.toString()));
}

/** A whole number as an exact BigInt (for integer kernels); refuses anything with a fraction. */
export function toBigInt(value: Money): bigint {
  if (!value.isInteger()) throw new Error(`toBigInt: ${value.toString()} is not whole`);
  return BigInt(value.toString());
}

/** Convert a whole-krona decimal to a JavaScript number for output (safe below 2^53). */
export function toKronor(value: Money): number {
  if (!value.isInteger()) throw new Error(`toKronor: ${value.toString()} is not whole kronor`);
  return value.toNumber();
}
