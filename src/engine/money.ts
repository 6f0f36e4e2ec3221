/**
 * The domain's two rounding rules, the only ways a fraction becomes whole kronor:
 *  - `roundHalfAway` / `divHalfAway`: a single amount with no whole to match, half away from zero;
 *  - `allocate*`: a series that must add up to a given whole, by the largest remainder method — floor
 *    every exact amount, then give the missing kronor one each to the largest remainders; ties to the
 *    larger key, then to the name in Swedish alphabetical order, so that row order never matters.
 * Fractions are decimal.js values (`D`), or exact integer quotients where every input is whole.
 */
import Decimal from 'decimal.js';
import { floorDiv, kr, Kronor, KronorOverflow } from './kronor';

// Plain notation for every amount a budget can hold (no exponent in toString).
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpPos: 40, toExpNeg: -40 });
export type Ratio = Decimal;

export function ratio(value: number | string | Decimal): Ratio {
  return new D(value);
}

/** Significant digits of every Ratio (`D`'s precision). */
const PRECISION = 40;

/**
 * n / d for whole n and d with 0 ≤ n ≤ d, as the Ratio `new D(n).dividedBy(d)` gives (PRECISION
 * significant digits, the last rounded half up), found by long division in integers: the kommuner's
 * shares, one per kommun, where decimal.js's general division was most of the split's work. Outside
 * those bounds (or with d too large for exact digit steps), decimal.js divides.
 */
export function fraction(n: number, d: number): Ratio {
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d) || n < 0 || n > d || d > Number.MAX_SAFE_INTEGER / 10)
    return new D(n).dividedBy(d);
  if (n === 0) return new D(0);
  if (n === d) return new D(1);
  // 0 < n / d < 1: the digits after the decimal point; zeros before the first other digit do not count.
  const digits: number[] = [];
  let zeros = 0;
  let r = n;
  while (r !== 0 && digits.length <= PRECISION) {
    r *= 10; // r < d before, so r < 10d: a safe integer
    const digit = floorDiv(r, d);
    r -= digit * d;
    if (digit === 0 && digits.length === 0) zeros++;
    else digits.push(digit);
  }
  if (digits.length > PRECISION) {
    // One digit past the precision (the rest does not matter for half up): 5 or more rounds up.
    if (digits.pop()! >= 5) {
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === 9) digits[i--] = 0;
      if (i >= 0) digits[i]! += 1;
      else if (zeros === 0) return new D(1);
      else {
        zeros--;
        digits.unshift(1);
        digits.pop();
      }
    }
  }
  return new D(`0.${'0'.repeat(zeros)}${digits.join('')}`);
}

/** Round a decimal amount to whole kronor, half away from zero. */
export function roundHalfAway(value: Decimal): Kronor {
  return kr(value.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** n / d for whole n and d > 0, rounded half away from zero, exactly. */
export function divHalfAway(n: number, d: number): Kronor {
  const a = Math.abs(kr(n));
  // 2a + d must be a safe integer to be exact in numbers; past that (|n| near 2^52), BigInt.
  const q =
    2 * a + d <= Number.MAX_SAFE_INTEGER ? floorDiv(2 * a + d, 2 * d) : Number((2n * BigInt(a) + BigInt(d)) / (2n * BigInt(d)));
  return kr(n < 0 ? -q : q);
}

/** Swedish alphabetical order (å, ä, ö after z). */
const collator = new Intl.Collator('sv', { sensitivity: 'variant' });
export function compareSv(a: string, b: string): number {
  return collator.compare(a, b);
}

export interface ExactItem {
  /** The exact (unrounded) amount of this item. */
  exact: Decimal;
  /** Tie-break key: the larger key wins a tied remainder (population, amount). */
  key: Decimal;
  /** Second tie-break: Swedish alphabetical order, earlier name wins. */
  name: string;
}

/**
 * Largest remainder rounding of exact decimal amounts whose sum is `total` (whole) up to less than one
 * krona per item. For the few places where the exact amounts are not integer quotients (the parties'
 * shares of a year's total).
 */
export function allocateExact(total: Kronor, items: readonly ExactItem[]): Kronor[] {
  const floors = items.map((it) => it.exact.floor());
  let missing = floors.reduce((m, f) => m - f.toNumber(), total as number);
  if (missing < 0 || missing > items.length) {
    throw new Error(`allocate: cannot reach ${total} from the given amounts`);
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
  const result = floors.map((f) => f.toNumber());
  for (const entry of order) {
    if (missing === 0) break;
    result[entry.index]! += 1;
    missing -= 1;
  }
  return result.map(kr);
}

export interface WeightItem {
  /** A whole, non-negative weight (inhabitants, per mille, months). */
  weight: number;
  /** Tie-break key: the larger wins a tied remainder. */
  key: number;
  /** Second tie-break: Swedish alphabetical order, earlier name wins; without names, the earlier item. */
  name?: string;
}

/** Below this, total × weight and every partial sum are exact in doubles (with a margin for the test itself). */
const SAFE_PRODUCT = 2 ** 52;

/** Up to this many kronor to place, a selection per krona is cheaper than sorting every item. */
const FEW_MISSING = 16;

function compareNames(a: string | undefined, b: string | undefined): number {
  return a === undefined || b === undefined ? 0 : compareSv(a, b);
}

/**
 * Split a whole total in proportion to whole weights, by largest remainder. Every exact share is
 * total × w / W, so the floors and remainders are integer quotients and remainders over one denominator
 * W: exact integer arithmetic, in numbers where total × W is a safe integer, else in BigInt.
 */
export function allocateByWeights(total: Kronor, weights: readonly WeightItem[]): Kronor[] {
  if (weights.length === 0) {
    if (total !== 0) throw new Error('allocateByWeights: nothing to allocate to');
    return [];
  }
  let W = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!.weight;
    if (!Number.isSafeInteger(w) || w < 0) throw new Error('allocateByWeights: weight not whole');
    W += w;
  }
  if (!Number.isSafeInteger(W)) throw new KronorOverflow(W);
  if (W === 0) {
    if (total !== 0) throw new Error('allocateByWeights: all weights are zero');
    return weights.map(() => kr(0));
  }
  // Each path in a function of its own: the one in numbers is called thousands of times in a national
  // plan, and V8 optimizes it the sooner (and the cheaper) for not carrying the others.
  return Math.abs(total) * W < SAFE_PRODUCT ? allocateInNumbers(total, weights, W) : allocateInBigInt(total, weights, W);
}

/** Largest remainder where total × W is a safe integer: floors and remainders in numbers. */
function allocateInNumbers(total: Kronor, weights: readonly WeightItem[], W: number): Kronor[] {
  const n = weights.length;
  const floors = new Array<number>(n);
  const remainders = new Array<number>(n);
  let placed = 0;
  for (let i = 0; i < n; i++) {
    const p = total * weights[i]!.weight;
    const q = floorDiv(p, W);
    floors[i] = q;
    remainders[i] = p - q * W;
    placed += q;
  }
  const missing = total - placed;
  if (missing > 0) placeMissing(floors, weights, missing, (a, b) => remainders[b]! - remainders[a]!);
  return wholeKronor(floors);
}

/** Largest remainder past the safe range of numbers: floors and remainders in BigInt. */
function allocateInBigInt(total: Kronor, weights: readonly WeightItem[], W: number): Kronor[] {
  const n = weights.length;
  const floors = new Array<number>(n);
  const t = BigInt(total);
  const WB = BigInt(W);
  const remainders = new Array<bigint>(n);
  let placed = 0n;
  for (let i = 0; i < n; i++) {
    const p = t * BigInt(weights[i]!.weight);
    let q = p / WB;
    let r = p % WB;
    if (r < 0n) {
      q -= 1n;
      r += WB;
    }
    floors[i] = Number(q);
    remainders[i] = r;
    placed += q;
  }
  const missing = Number(t - placed);
  if (missing > 0)
    placeMissing(floors, weights, missing, (a, b) => {
      const d = remainders[b]! - remainders[a]!;
      return d === 0n ? 0 : d > 0n ? 1 : -1;
    });
  return wholeKronor(floors);
}

/**
 * The amounts as kronor, in an array built by push: V8 then gives it the same elements kind whether
 * this runs interpreted or optimized (a `map` makes a packed array in one and a holey one in the
 * other), so that the code reading the amounts is not deoptimized when this gets optimized.
 */
function wholeKronor(values: readonly number[]): Kronor[] {
  const out: Kronor[] = [];
  for (let i = 0; i < values.length; i++) out.push(kr(values[i]!));
  return out;
}

/**
 * The missing kronor, one each to the items in order: the larger remainder (`byRemainder` negative when
 * item a's is larger), then the larger key, then the earlier name, then the earlier item.
 */
function placeMissing(
  floors: number[],
  weights: readonly WeightItem[],
  missing: number,
  byRemainder: (a: number, b: number) => number,
): void {
  const n = floors.length;
  /** Negative when item a gets its krona before item b (a total order: the index decides last). */
  const before = (a: number, b: number) =>
    byRemainder(a, b) || weights[b]!.key - weights[a]!.key || compareNames(weights[a]!.name, weights[b]!.name) || a - b;
  if (missing <= FEW_MISSING) {
    // A few kronor to place: each goes to the first item in that order after the one given the last.
    let last = -1;
    for (; missing > 0; missing--) {
      let best = -1;
      for (let i = 0; i < n; i++) if ((last < 0 || before(last, i) < 0) && (best < 0 || before(i, best) < 0)) best = i;
      floors[best]! += 1;
      last = best;
    }
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort(before);
    for (let k = 0; k < missing; k++) floors[order[k]!]! += 1;
  }
}
