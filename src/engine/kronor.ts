/**
 * Whole kronor as exact integers.
 *
 * `Kronor` is a JavaScript number branded so that the compiler keeps it apart from counts, months and
 * ratios; every amount the engine handles after parsing is one. Arithmetic goes through the functions
 * below, each of which checks that its result is still a safe integer (|x| ≤ 2^53 − 1): below that
 * bound, integer addition, subtraction and multiplication of numbers are exact. The workbook contract
 * bounds every amount to ±10^12 kr, which keeps any sum a förbund can produce far inside it; should an
 * absurd workbook reach the bound anyway, `KronorOverflow` is thrown and the refresh reports it as an
 * input error, never a wrong figure.
 *
 * Fractions (shares, growth, the exact value of a spread before it is rounded) are decimal.js values
 * (`Ratio`) or exact integer quotients (see money.ts); they become kronor only through the domain's two
 * rounding rules.
 */
declare const kronorBrand: unique symbol;
/** A whole number of kronor (a safe integer). */
export type Kronor = number & { readonly [kronorBrand]: 'kronor' };

declare const countBrand: unique symbol;
/** A whole count of people (a kommun's inhabitants). */
export type Count = number & { readonly [countBrand]: 'count' };

/** The arithmetic left the range where numbers are exact integers. */
export class KronorOverflow extends Error {
  constructor(readonly value: number) {
    super(`Belopp utanför exakt heltalsaritmetik: ${value}`);
    this.name = 'KronorOverflow';
  }
}

function checked(value: number): Kronor {
  if (!Number.isSafeInteger(value)) {
    if (Number.isInteger(value) || !Number.isFinite(value)) throw new KronorOverflow(value);
    throw new Error(`Not whole kronor: ${value}`);
  }
  // -0 would print as "0" but compare oddly in tests; normalise it.
  return (value === 0 ? 0 : value) as Kronor;
}

/** A whole number as kronor; throws on a fraction or an unsafe integer. */
export function kr(value: number): Kronor {
  return checked(value);
}

export const ZERO_KR: Kronor = 0 as Kronor;

export function add(a: Kronor, b: Kronor): Kronor {
  return checked(a + b);
}

export function sub(a: Kronor, b: Kronor): Kronor {
  return checked(a - b);
}

export function neg(a: Kronor): Kronor {
  return checked(0 - a);
}

/** Kronor times a whole number (a count of months, a weight). */
export function times(a: Kronor, n: number): Kronor {
  if (!Number.isInteger(n)) throw new Error(`times: ${n} is not a whole number`);
  return checked(a * n);
}

export function sumKr(values: readonly Kronor[]): Kronor {
  let total = 0;
  // Checked at every step: once a partial sum has left the safe range it is no longer exact, and a
  // later term could bring it back into range with a wrong figure.
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) return checked(total);
  }
  return checked(total);
}

export function minKr(a: Kronor, b: Kronor): Kronor {
  return a < b ? a : b;
}

export function maxKr(a: Kronor, b: Kronor): Kronor {
  return a > b ? a : b;
}

/** Floor division of whole numbers, exact: (a − a mod n) / n is an exact quotient. */
export function floorDiv(a: number, n: number): number {
  // a % n is exact and a − a % n a multiple of n within ±|a| (no `+ n`, which could pass 2^53).
  const r = a % n;
  const q = (a - r) / n;
  return r < 0 ? q - 1 : q;
}

/** a mod n in 0..n−1. */
export function floorMod(a: number, n: number): number {
  const r = a % n;
  return r < 0 ? r + n : Math.abs(r); // abs: −0 (from a negative multiple of n) as 0
}

export function count(value: number): Count {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a count: ${value}`);
  return value as Count;
}
