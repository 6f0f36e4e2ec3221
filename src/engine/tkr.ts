/**
 * Amounts in tkr that add up (domain.md, "Amounts in tkr"): the computation stays in kronor; for the
 * board sheets each table is a tree of totals and their parts, rounded from the top down — a total is
 * rounded (or given, when another table already shows it), and its parts share the total's shown tkr by
 * the largest remainder method. Every shown total then equals the sum of its shown parts, and each
 * part is within 1 tkr of its exact value (a part gets the floor or the floor + 1 of its exact tkr, and
 * a total off by less than one tkr still leaves between 0 and n tkr to give out).
 * Parts may be negative (costs): floors and remainders are taken towards minus infinity.
 */
import { floorDiv } from './kronor';
import type { Kronor } from './kronor';
import { divHalfAway } from './money';
import type { BalanceYear, BudgetYear, CostLinePlan, InterventionPlan, OpeningBalance } from './types';

export type Unit = 'kr' | 'tkr';

/** A total and its parts, in kronor; `shown` pins the total's shown value (a figure another table shows). */
export interface TkrNode {
  exact: number;
  shown?: number;
  parts?: TkrNode[];
}

/** The shown tree: each node's shown whole tkr, its parts' in the same order. */
export interface TkrShown {
  shown: number;
  parts: TkrShown[];
}

/** Kronor → whole tkr, half away from zero (a figure with no total to match). */
export function tkrOf(kronor: number): number {
  return divHalfAway(kronor, 1000);
}

/**
 * Share `total` (whole tkr) among parts with exact kronor values, by largest remainder: each part gets
 * the floor of its exact tkr, and the tkr still missing go one each to the largest remainders (ties to
 * the larger amount, then the earlier part). If more is missing than there are parts (only with pinned
 * figures far from their exact values), the rounds repeat; a surplus is taken back from the smallest
 * remainders. The shown parts always add up to `total`.
 */
export function allocateTkr(total: number, exacts: readonly number[]): number[] {
  const n = exacts.length;
  if (n === 0) return [];
  const floors = exacts.map((e) => floorDiv(e, 1000));
  const remainders = exacts.map((e, i) => e - floors[i]! * 1000);
  let missing = total - floors.reduce((a, b) => a + b, 0);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => remainders[b]! - remainders[a]! || Math.abs(exacts[b]!) - Math.abs(exacts[a]!) || a - b,
  );
  const result = floors.slice();
  while (missing > 0) {
    for (const i of order) {
      if (missing === 0) break;
      result[i]! += 1;
      missing -= 1;
    }
  }
  while (missing < 0) {
    for (let k = n - 1; k >= 0 && missing < 0; k--) {
      result[order[k]!]! -= 1;
      missing += 1;
    }
  }
  return result;
}

/** Round a tree from the top down: the root half away (or as pinned), each node's parts by `allocateTkr`. */
export function roundTree(node: TkrNode, shown: number = node.shown ?? tkrOf(node.exact)): TkrShown {
  const parts = node.parts ?? [];
  if (parts.length === 0) return { shown, parts: [] };
  const free = parts.map((p, i) => ({ p, i })).filter((x) => x.p.shown === undefined);
  const pinned = parts.reduce((s, p) => s + (p.shown ?? 0), 0);
  const given = allocateTkr(
    shown - pinned,
    free.map((x) => x.p.exact),
  );
  const values = parts.map((p) => p.shown ?? 0);
  free.forEach((x, k) => (values[x.i] = given[k]!));
  return { shown, parts: parts.map((p, i) => roundTree(p, values[i])) };
}

// ---------------------------------------------------------------- the board tables

/** A budget year's figures as the board sheets show them (kronor, or tkr that add up). */
export interface ShownBudgetYear {
  contributionsByParty: { state: number; region: number; municipalities: number };
  contributions: number;
  esfIncome: number;
  otherIncome: number;
  income: number;
  /** Costs as positive amounts of cost, per cost line and per intervention (in the plan's order). */
  costLines: number[];
  interventions: number[];
  decided: number;
  planned: number;
  interventionCosts: number;
  costs: number;
  operatingResult: number;
  financialIncome: number;
  result: number;
  equityStart: number;
  equityEnd: number;
}

export interface ShownBalance {
  fixedAssets: number;
  receivables: number;
  cash: number;
  currentAssets: number;
  assets: number;
  equity: number;
  /** The year's result (null for the opening balance). */
  result: number | null;
  longTermLiabilities: number;
  shortTermLiabilities: number;
  liabilities: number;
  claims: number;
  commitments: number;
}

export interface ShownInterventions {
  /** Per intervention: remaining at the start, the plan years' amounts, remaining after the last year. */
  rows: { remainingAtStart: number; amounts: number[]; remainingAfter: number }[];
  decided: { remainingAtStart: number; amounts: number[]; remainingAfter: number };
  planned: { remainingAtStart: number; amounts: number[]; remainingAfter: number };
  all: { remainingAtStart: number; amounts: number[]; remainingAfter: number };
}

export interface ShownPlan {
  unit: Unit;
  budget: ShownBudgetYear[];
  /** The opening balance first, then each year end. */
  balance: ShownBalance[];
  interventions: ShownInterventions;
}

/** What the board tables are built from (a Plan has all of it). */
export interface BoardFacts {
  budget: readonly BudgetYear[];
  balance: readonly BalanceYear[];
  costLines: readonly CostLinePlan[];
  interventions: readonly InterventionPlan[];
  opening: OpeningBalance;
}

const leaf = (exact: number, shown?: number): TkrNode => (shown === undefined ? { exact } : { exact, shown });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
/** Minus, without a negative zero. */
const minus = (x: number) => (x === 0 ? 0 : -x);

/**
 * The board tables' figures. In kronor they are the plan's own; in tkr, equity at each year end is
 * rounded half away, a year's result is the difference of the shown equity (so the equity rows add
 * up and agree between Sammanfattning, Budget and Balansplan), and the statement below it is rounded
 * from the result down; the balance sheet from its total down, equity pinned to the budget's; the
 * interventions' amounts are the budget's, their totals the sums of the shown amounts.
 */
export function shownPlan(f: BoardFacts, unit: Unit): ShownPlan {
  return unit === 'kr' ? inKronor(f) : inTkr(f);
}

/** The figures in tkr that add up: each table a tree of totals and parts, rounded from the top down. */
function inTkr(f: BoardFacts): ShownPlan {
  const decidedIdx = f.interventions.flatMap((p, i) => (p.intervention.status === 'decided' ? [i] : []));
  const plannedIdx = f.interventions.flatMap((p, i) => (p.intervention.status === 'planned' ? [i] : []));
  const openingEquity = tkrOf(f.opening.equity);
  const equityEnds = f.budget.map((b) => tkrOf(b.equityEnd));

  const budget = f.budget.map((b, yi): ShownBudgetYear => {
    const equityStart = yi === 0 ? openingEquity : equityEnds[yi - 1]!;
    const equityEnd = equityEnds[yi]!;
    const lineCosts = f.costLines.map((c) => c.years[yi]!.amount as number);
    const ivCosts = f.interventions.map((p) => p.years[yi]!.amount as number);
    const neg = (xs: number[]) => xs.map(minus);
    // The result and its parts: income, minus costs, financial income.
    const tree: TkrNode = {
      exact: b.result,
      parts: [
        {
          exact: b.operatingResult,
          parts: [
            {
              exact: b.contributions + b.esfIncome + b.otherIncome,
              parts: [
                {
                  exact: b.contributions,
                  parts: [
                    leaf(b.contributionsByParty.state),
                    leaf(b.contributionsByParty.region),
                    leaf(b.contributionsByParty.municipalities),
                  ],
                },
                leaf(b.esfIncome),
                leaf(b.otherIncome),
              ],
            },
            {
              exact: minus(b.operatingCosts + b.interventionCosts),
              parts: [
                ...neg(lineCosts).map((x) => leaf(x)),
                { exact: minus(sum(decidedIdx.map((i) => ivCosts[i]!))), parts: decidedIdx.map((i) => leaf(minus(ivCosts[i]!))) },
                { exact: minus(sum(plannedIdx.map((i) => ivCosts[i]!))), parts: plannedIdx.map((i) => leaf(minus(ivCosts[i]!))) },
              ],
            },
          ],
        },
        leaf(b.financialIncome),
      ],
    };
    const t = roundTree(tree, equityEnd - equityStart);
    const [operating, financial] = t.parts as [TkrShown, TkrShown];
    const [income, costs] = operating.parts as [TkrShown, TkrShown];
    const [contributions, esf, other] = income.parts as [TkrShown, TkrShown, TkrShown];
    const [state, region, municipalities] = contributions.parts.map((p) => p.shown) as [number, number, number];
    const lines = costs.parts.slice(0, lineCosts.length).map((p) => minus(p.shown));
    const decided = costs.parts[lineCosts.length]!;
    const planned = costs.parts[lineCosts.length + 1]!;
    const interventions = ivCosts.map(() => 0);
    decidedIdx.forEach((i, k) => (interventions[i] = minus(decided.parts[k]!.shown)));
    plannedIdx.forEach((i, k) => (interventions[i] = minus(planned.parts[k]!.shown)));
    return {
      contributionsByParty: { state, region, municipalities },
      contributions: contributions.shown,
      esfIncome: esf.shown,
      otherIncome: other.shown,
      income: income.shown,
      costLines: lines,
      interventions,
      decided: minus(decided.shown),
      planned: minus(planned.shown),
      interventionCosts: minus(decided.shown + planned.shown),
      costs: minus(costs.shown),
      operatingResult: operating.shown,
      financialIncome: financial.shown,
      result: t.shown,
      equityStart,
      equityEnd,
    };
  });

  const o = f.opening;
  const decidedAtStart = sum(decidedIdx.map((i) => f.interventions[i]!.remainingAtStart));
  const columns = [
    { ...o, commitments: decidedAtStart, equityShown: openingEquity, result: null as number | null },
    ...f.balance.map((b, yi) => ({ ...b, equityShown: equityEnds[yi]!, result: budget[yi]!.result })),
  ];
  const balance = columns.map((c): ShownBalance => {
    const assetsExact = c.fixedAssets + c.receivables + c.cash;
    const total = tkrOf(assetsExact);
    const assets = roundTree(
      {
        exact: assetsExact,
        parts: [
          leaf(c.fixedAssets, tkrOf(c.fixedAssets)),
          { exact: c.receivables + c.cash, parts: [leaf(c.receivables), leaf(c.cash)] },
        ],
      },
      total,
    );
    const claimsExact = c.equity + c.longTermLiabilities + c.shortTermLiabilities;
    // Year ends balance by construction (cash is the balancing item); an opening balance may not.
    const claimsTotal = claimsExact === assetsExact ? total : tkrOf(claimsExact);
    const claims = roundTree(
      {
        exact: claimsExact,
        parts: [
          leaf(c.equity, c.equityShown),
          {
            exact: c.longTermLiabilities + c.shortTermLiabilities,
            parts: [leaf(c.longTermLiabilities), leaf(c.shortTermLiabilities)],
          },
        ],
      },
      claimsTotal,
    );
    const current = assets.parts[1]!;
    const liabilities = claims.parts[1]!;
    return {
      fixedAssets: assets.parts[0]!.shown,
      receivables: current.parts[0]!.shown,
      cash: current.parts[1]!.shown,
      currentAssets: current.shown,
      assets: total,
      equity: c.equityShown,
      result: c.result,
      longTermLiabilities: liabilities.parts[0]!.shown,
      shortTermLiabilities: liabilities.parts[1]!.shown,
      liabilities: liabilities.shown,
      claims: claimsTotal,
      commitments: tkrOf(c.commitments),
    };
  });

  // Insatser per år: the amounts are the budget's; the remaining amounts rounded by status group.
  const remainingShown = (pick: (p: InterventionPlan) => Kronor): number[] => {
    const shown = f.interventions.map(() => 0);
    for (const idx of [decidedIdx, plannedIdx]) {
      const exacts = idx.map((i) => pick(f.interventions[i]!) as number);
      const values = allocateTkr(tkrOf(sum(exacts)), exacts);
      idx.forEach((i, k) => (shown[i] = values[k]!));
    }
    return shown;
  };
  const atStart = remainingShown((p) => p.remainingAtStart);
  const after = remainingShown((p) => p.years[p.years.length - 1]!.remainingAfter);
  const rows = f.interventions.map((_, i) => ({
    remainingAtStart: atStart[i]!,
    amounts: budget.map((b) => b.interventions[i]!),
    remainingAfter: after[i]!,
  }));
  const group = (idx: number[]) => ({
    remainingAtStart: sum(idx.map((i) => rows[i]!.remainingAtStart)),
    amounts: budget.map((_, yi) => sum(idx.map((i) => rows[i]!.amounts[yi]!))),
    remainingAfter: sum(idx.map((i) => rows[i]!.remainingAfter)),
  });
  const all = Array.from({ length: rows.length }, (_, i) => i);
  return {
    unit: 'tkr',
    budget,
    balance,
    interventions: { rows, decided: group(decidedIdx), planned: group(plannedIdx), all: group(all) },
  };
}

/**
 * The figures in kronor: the plan's own. The statement's totals are the sums of the parts the sheets
 * show (they are the plan's totals: the engine adds up the same parts), costs as positive amounts.
 */
function inKronor(f: BoardFacts): ShownPlan {
  const { rows, decided: decidedGroup, planned: plannedGroup, all, byYear } = kronorRows(f.interventions, f.budget.length);
  const budget = f.budget.map((b, yi): ShownBudgetYear => ({
    contributionsByParty: {
      state: b.contributionsByParty.state,
      region: b.contributionsByParty.region,
      municipalities: b.contributionsByParty.municipalities,
    },
    contributions: b.contributions,
    esfIncome: b.esfIncome,
    otherIncome: b.otherIncome,
    income: b.contributions + b.esfIncome + b.otherIncome,
    costLines: f.costLines.map((c) => c.years[yi]!.amount),
    interventions: byYear[yi]!,
    decided: decidedGroup.amounts[yi]!,
    planned: plannedGroup.amounts[yi]!,
    interventionCosts: decidedGroup.amounts[yi]! + plannedGroup.amounts[yi]!,
    costs: b.operatingCosts + b.interventionCosts,
    operatingResult: b.operatingResult,
    financialIncome: b.financialIncome,
    result: b.result,
    equityStart: yi === 0 ? f.opening.equity : f.budget[yi - 1]!.equityEnd,
    equityEnd: b.equityEnd,
  }));
  const o = f.opening;
  const columns = [
    { ...o, commitments: decidedGroup.remainingAtStart, result: null as number | null },
    ...f.balance.map((b, yi) => ({ ...b, result: budget[yi]!.result })),
  ];
  const balance = columns.map((c): ShownBalance => ({
    fixedAssets: c.fixedAssets,
    receivables: c.receivables,
    cash: c.cash,
    currentAssets: c.receivables + c.cash,
    assets: c.fixedAssets + c.receivables + c.cash,
    equity: c.equity,
    result: c.result,
    longTermLiabilities: c.longTermLiabilities,
    shortTermLiabilities: c.shortTermLiabilities,
    liabilities: c.longTermLiabilities + c.shortTermLiabilities,
    claims: c.equity + c.longTermLiabilities + c.shortTermLiabilities,
    commitments: c.commitments,
  }));
  return {
    unit: 'kr',
    budget,
    balance,
    interventions: { rows, decided: decidedGroup, planned: plannedGroup, all },
  };
}

type ShownRow = ShownInterventions['rows'][number];

/**
 * The interventions' rows in kronor, their sums by status and in all, and each year's amounts in row
 * order: one pass over the interventions (each one's years lie together), plain loops — 2 000 rows.
 */
function kronorRows(
  interventions: readonly InterventionPlan[],
  yearCount: number,
): { rows: ShownRow[]; decided: ShownRow; planned: ShownRow; all: ShownRow; byYear: number[][] } {
  // The sums pass 2^31 kronor, which V8 keeps as doubles: objects of the rows' shape holding them would turn
  // every row's fields to doubles (2 000 objects migrated, the code reading them deoptimized). Another
  // key order is another shape.
  const emptyRow = (): ShownRow => ({ amounts: new Array<number>(yearCount).fill(0), remainingAtStart: 0, remainingAfter: 0 });
  const decided = emptyRow();
  const planned = emptyRow();
  const byYear: number[][] = [];
  for (let yi = 0; yi < yearCount; yi++) byYear.push(new Array<number>(interventions.length));
  const rows: ShownRow[] = [];
  for (let i = 0; i < interventions.length; i++) {
    const p = interventions[i]!;
    const group = p.intervention.status === 'decided' ? decided : planned;
    const amounts = new Array<number>(yearCount);
    for (let yi = 0; yi < yearCount; yi++) {
      const a: number = p.years[yi]!.amount;
      amounts[yi] = a;
      byYear[yi]![i] = a;
      group.amounts[yi]! += a;
    }
    const remainingAfter: number = p.years[p.years.length - 1]!.remainingAfter;
    group.remainingAtStart += p.remainingAtStart;
    group.remainingAfter += remainingAfter;
    rows.push({ remainingAtStart: p.remainingAtStart, amounts, remainingAfter });
  }
  const all: ShownRow = {
    amounts: decided.amounts.map((a, yi) => a + planned.amounts[yi]!),
    remainingAtStart: decided.remainingAtStart + planned.remainingAtStart,
    remainingAfter: decided.remainingAfter + planned.remainingAfter,
  };
  return { rows, decided, planned, all, byYear };
}
