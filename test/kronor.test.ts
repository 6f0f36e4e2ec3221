/**
 * Whole-krona arithmetic (kronor.ts) and the integer rounding rules (money.ts) against independent
 * BigInt references: exact or an error, never a wrong figure and never a fraction.
 */
import fc from 'fast-check';
import { add, floorDiv, floorMod, kr, Kronor, KronorOverflow, neg, sub, sumKr, times } from '../src/engine/kronor';
import { allocateByWeights, D, divHalfAway, fraction, WeightItem } from '../src/engine/money';

const MAX = BigInt(Number.MAX_SAFE_INTEGER); // 2^53 − 1
/** allocateByWeights works in numbers while |total| × ΣW is below this, in BigInt from it on (money.ts). */
const NUMBER_PATH_BOUND = 2n ** 52n;

const isSafe = (x: bigint) => x <= MAX && x >= -MAX;
/** A whole number of kronor as the engine must hand it out: a safe integer, never a fraction, never −0. */
const whole = (x: number) => Number.isSafeInteger(x) && !Object.is(x, -0);

// ------------------------------------------------------------------ reference largest remainder

/** Swedish order, as the contract states it (own instance, not the engine's). */
const sv = new Intl.Collator('sv', { sensitivity: 'variant' });

/**
 * Largest remainder in BigInt, written from the rule, not from the engine: each exact share is
 * total × w / W; floor it (towards −∞, also for a negative total); give the missing kronor one each to
 * the largest remainders, ties to the larger key, then to the earlier name in Swedish order, then to the
 * earlier row.
 */
function referenceAllocate(total: bigint, items: readonly { weight: bigint; key: number; name?: string }[]): bigint[] {
  const W = items.reduce((s, it) => s + it.weight, 0n);
  if (W === 0n) {
    if (total !== 0n) throw new Error('reference: nothing to weigh');
    return items.map(() => 0n);
  }
  const floorOf = (p: bigint) => (p >= 0n ? p / W : -((-p + W - 1n) / W));
  const floors = items.map((it) => floorOf(total * it.weight));
  const remainders = items.map((it, i) => total * it.weight - floors[i]! * W);
  let missing = total - floors.reduce((s, f) => s + f, 0n);
  const order = items
    .map((_, i) => i)
    .sort((a, b) => {
      if (remainders[a] !== remainders[b]) return remainders[a]! > remainders[b]! ? -1 : 1;
      if (items[a]!.key !== items[b]!.key) return items[a]!.key > items[b]!.key ? -1 : 1;
      const na = items[a]!.name;
      const nb = items[b]!.name;
      return (na === undefined || nb === undefined ? 0 : sv.compare(na, nb)) || a - b; // no names: by position
    });
  const result = floors.slice();
  for (const i of order) {
    if (missing === 0n) break;
    result[i]! += 1n;
    missing -= 1n;
  }
  return result;
}

const reference = (total: number, items: readonly WeightItem[]) =>
  referenceAllocate(
    BigInt(total),
    items.map((it) => ({ weight: BigInt(it.weight), key: it.key, name: it.name })),
  ).map(Number);

// ------------------------------------------------------------------ arbitraries

/** Distinct names with Swedish letters, so that the name tie-break follows å, ä, ö after z. */
const namesArb = (n: number) =>
  fc.uniqueArray(fc.string({ unit: fc.constantFrom(...'aAbzZåÅäÄöÖoOé'), minLength: 1, maxLength: 4 }), {
    minLength: n,
    maxLength: n,
    comparator: (a, b) => sv.compare(a, b) === 0,
  });

/** Weights that often tie (small) and sometimes not (large); keys the weight itself or a small number. */
function itemsArb(maxWeight: number): fc.Arbitrary<WeightItem[]> {
  return fc
    .integer({ min: 1, max: 12 })
    .chain((n) =>
      fc
        .tuple(
          fc.array(
            fc.tuple(
              fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: maxWeight })),
              fc.oneof(fc.constant<number | null>(null), fc.integer({ min: 0, max: 3 })),
            ),
            { minLength: n, maxLength: n },
          ),
          namesArb(n),
        )
        .map(([ws, names]) => ws.map(([weight, key], i) => ({ weight, key: key ?? weight, name: names[i]! }))),
    );
}

const weightSum = (items: readonly WeightItem[]) => items.reduce((s, it) => s + BigInt(it.weight), 0n);
const abs = (x: bigint) => (x < 0n ? -x : x);

/** Inputs on the number path: |total| × ΣW < 2^52, the total positive, negative or zero. */
const numberPathArb = itemsArb(1_000_000)
  .filter((items) => weightSum(items) > 0n)
  .chain((items) => {
    const W = weightSum(items);
    const bound = Number((NUMBER_PATH_BOUND - 1n) / W);
    return fc.tuple(
      fc.oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc.integer({ min: -bound, max: bound }),
        // Just below the bound, where a product one step larger would leave the number path.
        fc.integer({ min: Math.max(0, bound - 3), max: bound }),
      ),
      fc.constant(items),
    );
  });

/** Inputs on the BigInt path: |total| × ΣW ≥ 2^52 (totals up to the safe bound, weights up to 2^40). */
const bigPathArb = itemsArb(2 ** 40)
  .filter((items) => weightSum(items) > 0n)
  .chain((items) => {
    const W = weightSum(items);
    const least = (NUMBER_PATH_BOUND + W - 1n) / W; // smallest |total| off the number path
    return fc.tuple(
      fc
        .bigInt({ min: least > MAX ? MAX : least, max: MAX })
        .chain((t) => fc.constantFrom(Number(t), -Number(t)))
        .filter((t) => abs(BigInt(t)) * W >= NUMBER_PATH_BOUND),
      fc.constant(items),
    );
  });

function checkAllocation(total: number, items: WeightItem[]): Kronor[] {
  const parts = allocateByWeights(kr(total), items);
  expect(parts).toEqual(reference(total, items));
  // The parts sum to the total, exactly, and each is within one krona of its exact share.
  const W = weightSum(items);
  expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(total));
  parts.forEach((p, i) => {
    expect(whole(p)).toBe(true);
    // |p − total × w / W| < 1  ⇔  |p × W − total × w| < W
    expect(abs(BigInt(p) * W - BigInt(total) * BigInt(items[i]!.weight)) < W).toBe(true);
  });
  return parts;
}

/** The result for the rows in another order, put back in the original order. */
function permuted(total: number, items: WeightItem[], order: number[]): Kronor[] {
  const parts = allocateByWeights(
    kr(total),
    order.map((i) => items[i]!),
  );
  const back = new Array<Kronor>(items.length);
  order.forEach((i, at) => (back[i] = parts[at]!));
  return back;
}
const orderArb = (n: number) =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i) => i),
    { minLength: n, maxLength: n },
  );

describe('allocateByWeights — largest remainder in whole kronor', () => {
  test('number path: equals the BigInt reference, sums to the total, each part within 1 of its share', () => {
    fc.assert(
      fc.property(numberPathArb, ([total, items]) => {
        expect(BigInt(Math.abs(total)) * weightSum(items) < NUMBER_PATH_BOUND).toBe(true);
        checkAllocation(total, items);
      }),
      { numRuns: 1000 },
    );
  });

  test('BigInt path (|total| × ΣW ≥ 2^52): equals the BigInt reference, sums exactly, each within 1', () => {
    fc.assert(
      fc.property(bigPathArb, ([total, items]) => {
        expect(BigInt(Math.abs(total)) * weightSum(items) >= NUMBER_PATH_BOUND).toBe(true);
        checkAllocation(total, items);
      }),
      { numRuns: 1000 },
    );
  });

  test('the same split on both paths: scaling every weight by c changes no share, only the path', () => {
    fc.assert(
      fc.property(numberPathArb, ([total, items]) => {
        fc.pre(total !== 0);
        const W = weightSum(items);
        // c × |total| × W ≥ 2^52 while c × W stays a safe integer (c × W ≤ 2^52 / |total| + W).
        const c = (NUMBER_PATH_BOUND + abs(BigInt(total)) * W - 1n) / (abs(BigInt(total)) * W);
        fc.pre(c > 1n && c * W <= MAX);
        const scaled = items.map((it) => ({ ...it, weight: Number(BigInt(it.weight) * c) }));
        expect(abs(BigInt(total)) * weightSum(scaled) >= NUMBER_PATH_BOUND).toBe(true);
        expect(allocateByWeights(kr(total), scaled)).toEqual(allocateByWeights(kr(total), items));
      }),
      { numRuns: 1000 },
    );
  });

  test('row order never changes the result, on either path', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(numberPathArb, bigPathArb)
          .chain(([total, items]) => fc.tuple(fc.constant(total), fc.constant(items), orderArb(items.length))),
        ([total, items, order]) => {
          expect(permuted(total, items, order)).toEqual(allocateByWeights(kr(total), items));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('ties: larger remainder, then larger key, then Swedish alphabetical order (å, ä, ö after z)', () => {
    const item = (name: string, weight: number, key = weight): WeightItem => ({ name, weight, key });
    // 1 krona over three equal weights: equal remainders, equal keys, the name decides.
    expect(allocateByWeights(kr(1), [item('Ö', 1), item('Z', 1), item('Å', 1)])).toEqual([0, 1, 0]);
    expect(allocateByWeights(kr(2), [item('Ö', 1), item('Ä', 1), item('Å', 1)])).toEqual([0, 1, 1]);
    // The larger key wins before the name.
    expect(allocateByWeights(kr(1), [item('A', 1, 1), item('B', 1, 2)])).toEqual([0, 1]);
    // The larger remainder wins before the key: 10 × 2/3 = 6.67, 10 × 1/3 = 3.33.
    expect(allocateByWeights(kr(10), [item('A', 1, 99), item('B', 2, 0)])).toEqual([3, 7]);
    // A negative total floors towards −∞ and gives the kronor back by the same rule: −10 → −3.33, −6.67.
    expect(allocateByWeights(kr(-10), [item('A', 1), item('B', 2)])).toEqual([-3, -7]);
    // The same ties far on the BigInt path.
    const big = 2 ** 51;
    expect(allocateByWeights(kr(1), [item('Ö', big), item('Z', big), item('Å', big)])).toEqual([0, 1, 0]);
    expect(allocateByWeights(kr(3 * 2 ** 50 + 1), [item('Ö', 1), item('Z', 1), item('Å', 1)])).toEqual([
      2 ** 50,
      2 ** 50 + 1,
      2 ** 50,
    ]);
  });

  test('nothing to weigh: zero stays zero, anything else is refused', () => {
    expect(allocateByWeights(kr(0), [])).toEqual([]);
    expect(allocateByWeights(kr(0), [{ name: 'A', weight: 0, key: 0 }])).toEqual([0]);
    expect(() => allocateByWeights(kr(5), [])).toThrow();
    expect(() => allocateByWeights(kr(5), [{ name: 'A', weight: 0, key: 0 }])).toThrow();
    expect(() => allocateByWeights(kr(5), [{ name: 'A', weight: 1.5, key: 0 }])).toThrow();
    expect(() => allocateByWeights(kr(5), [{ name: 'A', weight: -1, key: 0 }])).toThrow();
  });
});

// ------------------------------------------------------------------ checked arithmetic

const safeArb = fc.oneof(
  fc.maxSafeInteger(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  // Near the bound, where sums and products leave it.
  fc.bigInt({ min: MAX - 1000n, max: MAX }).chain((x) => fc.constantFrom(Number(x), -Number(x))),
  fc.bigInt({ min: 2n ** 52n - 1000n, max: 2n ** 52n + 1000n }).chain((x) => fc.constantFrom(Number(x), -Number(x))),
);

/** `f()` equals the exact value when that is a safe integer, else throws KronorOverflow. */
function exactOrOverflow(f: () => Kronor, exact: bigint): void {
  if (isSafe(exact)) {
    const r = f();
    expect(whole(r)).toBe(true);
    expect(BigInt(r)).toBe(exact);
  } else {
    expect(f).toThrow(KronorOverflow);
  }
}

describe('kronor arithmetic — exact or KronorOverflow', () => {
  test('add, sub and neg are exact below 2^53 and throw KronorOverflow past it', () => {
    fc.assert(
      fc.property(safeArb, safeArb, (a, b) => {
        exactOrOverflow(() => add(kr(a), kr(b)), BigInt(a) + BigInt(b));
        exactOrOverflow(() => sub(kr(a), kr(b)), BigInt(a) - BigInt(b));
        exactOrOverflow(() => neg(kr(a)), -BigInt(a));
      }),
      { numRuns: 2000 },
    );
  });

  test('times by a whole number is exact below 2^53 and throws KronorOverflow past it', () => {
    fc.assert(
      fc.property(
        safeArb,
        fc.oneof(fc.integer({ min: -13, max: 13 }), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), safeArb),
        (a, n) => exactOrOverflow(() => times(kr(a), n), BigInt(a) * BigInt(n)),
      ),
      { numRuns: 2000 },
    );
  });

  test('sumKr is exact or throws KronorOverflow, also when a partial sum leaves the range and comes back', () => {
    fc.assert(
      fc.property(fc.array(safeArb, { maxLength: 8 }), (values) => {
        const exact = values.reduce((s, v) => s + BigInt(v), 0n);
        let partialsSafe = true;
        let running = 0n;
        for (const v of values) {
          running += BigInt(v);
          if (!isSafe(running)) partialsSafe = false;
        }
        const f = () => sumKr(values.map(kr));
        if (partialsSafe) exactOrOverflow(f, exact);
        else if (!isSafe(exact)) expect(f).toThrow(KronorOverflow);
        else {
          // The exact sum is safe but a partial sum was not: the exact sum, or KronorOverflow, never another figure.
          let r: Kronor | undefined;
          try {
            r = f();
          } catch (e) {
            expect(e).toBeInstanceOf(KronorOverflow);
          }
          if (r !== undefined) expect(BigInt(r)).toBe(exact);
        }
      }),
      { numRuns: 2000 },
    );
    const top = kr(Number.MAX_SAFE_INTEGER);
    expect(() => sumKr([top, kr(1)])).toThrow(KronorOverflow);
    expect(() => sumKr([neg(top), kr(-1)])).toThrow(KronorOverflow);
    let r: Kronor | undefined;
    try {
      r = sumKr([top, kr(2), kr(-2)]);
    } catch (e) {
      expect(e).toBeInstanceOf(KronorOverflow);
    }
    if (r !== undefined) expect(r).toBe(Number.MAX_SAFE_INTEGER);
  });

  test('kr refuses fractions and unsafe integers; nothing returns a fraction or −0', () => {
    expect(() => kr(0.5)).toThrow();
    expect(() => kr(0.5)).not.toThrow(KronorOverflow);
    expect(() => kr(2 ** 53)).toThrow(KronorOverflow);
    expect(() => kr(Number.POSITIVE_INFINITY)).toThrow(KronorOverflow);
    expect(() => kr(Number.NaN)).toThrow(KronorOverflow);
    expect(() => times(kr(3), 0.5)).toThrow();
    expect(Object.is(kr(-0), 0)).toBe(true);
    expect(Object.is(neg(kr(0)), 0)).toBe(true);
    expect(Object.is(times(kr(-5), 0), 0)).toBe(true);
    expect(Object.is(add(kr(-0), kr(-0)), 0)).toBe(true);
  });
});

// ------------------------------------------------------------------ half away from zero

/** n / d rounded half away from zero, in BigInt. */
function referenceHalfAway(n: bigint, d: bigint): bigint {
  const a = abs(n);
  let q = a / d;
  if (2n * (a - q * d) >= d) q += 1n;
  return n < 0n ? -q : q;
}

describe("fraction (the kommuner's shares by long division in integers)", () => {
  test('is the value decimal.js division gives: 40 significant digits, half up', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 1, max: 1000 }),
          fc.integer({ min: 1, max: 20_000_000 }),
          fc.maxSafeNat().filter((d) => d > 0),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d, t) => {
          const n = Math.min(d, Math.floor(t * d));
          const ours = fraction(n, d);
          const theirs = new D(n).dividedBy(d);
          expect(ours.equals(theirs)).toBe(true);
          expect(ours.toString()).toBe(theirs.toString());
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('thirds, sevenths, the ends and the rounding of the last digit', () => {
    expect(fraction(1, 3).toString()).toBe(`0.${'3'.repeat(40)}`);
    expect(fraction(2, 3).toString()).toBe(`0.${'6'.repeat(39)}7`); // the 41st digit, 6, rounds up
    expect(fraction(1, 7).toFixed(12)).toBe('0.142857142857');
    expect(fraction(0, 9).toString()).toBe('0');
    expect(fraction(9, 9).toString()).toBe('1');
    expect(fraction(62_820, 168_456).toFixed(6)).toBe('0.372916'); // Eskilstuna's share in 2018 (seeds)
  });
});

describe('divHalfAway', () => {
  test('equals the BigInt reference for integers of either sign up to the safe bound', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), safeArb),
        fc.oneof(
          fc.integer({ min: 1, max: 24 }),
          fc.integer({ min: 1, max: 2_000_000_000 }),
          fc.maxSafeNat().filter((d) => d > 0),
        ),
        (n, d) => {
          const r = divHalfAway(n, d);
          expect(whole(r)).toBe(true);
          expect(BigInt(r)).toBe(referenceHalfAway(BigInt(n), BigInt(d)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('floorDiv and floorMod equal the BigInt floor (towards −∞) for any safe a and divisor', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), safeArb),
        fc.oneof(
          fc.integer({ min: 1, max: 24 }),
          fc.maxSafeNat().filter((d) => d > 0),
        ),
        (a, n) => {
          const A = BigInt(a);
          const N = BigInt(n);
          const r = ((A % N) + N) % N;
          expect(BigInt(floorDiv(a, n))).toBe((A - r) / N);
          expect(BigInt(floorMod(a, n))).toBe(r);
          expect(Object.is(floorMod(a, n), -0)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('halves go away from zero', () => {
    expect(divHalfAway(1, 2)).toBe(1);
    expect(divHalfAway(-1, 2)).toBe(-1);
    expect(divHalfAway(3, 2)).toBe(2);
    expect(divHalfAway(-3, 2)).toBe(-2);
    expect(divHalfAway(5, 12)).toBe(0);
    expect(divHalfAway(6, 12)).toBe(1);
    expect(divHalfAway(-6, 12)).toBe(-1);
    expect(Object.is(divHalfAway(-5, 12), 0)).toBe(true);
    // 15 000 000 × 8 / 12 (the 2005 part year).
    expect(divHalfAway(15_000_000 * 8, 12)).toBe(10_000_000);
  });
});
