/**
 * The engine's input and output rows: plain data. Amounts are whole kronor (`Kronor`), inhabitants are
 * counts (`Count`), shares and growth are exact decimal fractions (`Ratio`). Goal settings and checks
 * are in goals.ts, the whole input and the whole plan in plan.ts (so that no two files import each
 * other).
 */
import type { MonthIndex, YMD } from './calendar';
import type { Count, Kronor } from './kronor';
import type { Ratio } from './money';
import type { RoundingMode } from './rounding';

export type { Ratio } from './money';

export type Party = 'state' | 'region' | 'municipalities';
export const PARTIES = ['state', 'region', 'municipalities'] as const satisfies readonly Party[];
export type Funding = 'finsam' | 'esf';
export type InterventionStatus = 'decided' | 'planned';
export type CostKind = 'operating' | 'depreciation';

export interface Settings {
  name: string;
  firstYear: number;
  yearCount: number;
  shares: Record<Party, Ratio>;
  rounding: RoundingMode;
  budgetDecisionDate: YMD | null;
  /** `Enhet`: the board sheets in kronor or in tkr that add up. */
  unit?: 'kr' | 'tkr';
}

export interface YearInput {
  year: number;
  /** Annual contributions of all parties together, on a full-year basis. */
  contributions: Kronor;
  /** Months operated, counted to the end of the year (8 = May–December). */
  months: number;
  esfIncome: Kronor;
  otherIncome: Kronor;
  financialIncome: Kronor;
  investments: Kronor;
  receivables: Kronor | null;
  shortTermLiabilities: Kronor | null;
  longTermLiabilities: Kronor | null;
}

export interface Member {
  name: string;
  party: Party;
  population: Count;
  pays: boolean;
  fromYear: number | null;
  toYear: number | null;
}

export interface Intervention {
  nr: string;
  name: string;
  owner: string;
  funding: Funding;
  status: InterventionStatus;
  start: YMD;
  end: YMD;
  total: Kronor;
  spentBefore: Kronor;
  /** Cost given for a plan year instead of the even spread. */
  yearAmounts: ReadonlyMap<number, Kronor>;
}

export interface CostLine {
  name: string;
  kind: CostKind;
  funding: Funding;
  growth: Ratio;
  amounts: ReadonlyMap<number, Kronor>;
}

export interface OpeningBalance {
  equity: Kronor;
  fixedAssets: Kronor;
  receivables: Kronor;
  cash: Kronor;
  shortTermLiabilities: Kronor;
  longTermLiabilities: Kronor;
}

// ---------------------------------------------------------------- outputs

export type Quarters = [Kronor, Kronor, Kronor, Kronor];

export interface Contribution {
  year: number;
  member: string;
  party: Party;
  population: Count;
  /** Share of its party: exact fraction (krona) or rounded per mille / 1000 (promille). */
  share: Ratio;
  amount: Kronor;
  /** Instalments at the start of each quarter; zero for quarters not operated. */
  quarters: Quarters;
}

export interface YearSplit {
  year: number;
  /** Total contributions of the year (part years: annual × months / 12). */
  total: Kronor;
  parties: Record<Party, Kronor>;
  quarterTotals: Quarters;
  /** First month operated in each quarter, or null. */
  quarterMonths: [number | null, number | null, number | null, number | null];
  members: Contribution[];
}

/**
 * A whole amount spread evenly over a run of consecutive months: each month gets `base`, and the first
 * `extra` months one krona more (the largest remainder rounding of amount / count, ties to the earlier
 * month), kept compact so that cash flows can be added up per run rather than per month.
 */
export interface MonthSpread {
  from: MonthIndex;
  to: MonthIndex;
  base: Kronor;
  extra: number;
}

export interface InterventionYear {
  year: number;
  amount: Kronor;
  remainingAfter: Kronor;
}

export interface InterventionPlan {
  intervention: Intervention;
  remainingAtStart: Kronor;
  years: InterventionYear[];
  /** Cost per plan month as runs of consecutive months (one per plan year with a cost), for liquidity. */
  spreads: MonthSpread[];
  /** Money remaining that has no month to be spread over. */
  unspreadable: Kronor;
}

export interface CostLineYear {
  year: number;
  amount: Kronor;
}

export interface CostLinePlan {
  line: CostLine;
  years: CostLineYear[];
}

export interface BudgetYear {
  year: number;
  /** `Medlemsavgifter` on a full-year basis, as entered. */
  annualContributions: Kronor;
  contributions: Kronor;
  contributionsByParty: Record<Party, Kronor>;
  esfIncome: Kronor;
  otherIncome: Kronor;
  operatingCosts: Kronor;
  depreciation: Kronor;
  interventionCosts: Kronor;
  esfCosts: Kronor;
  operatingResult: Kronor;
  financialIncome: Kronor;
  result: Kronor;
  equityStart: Kronor;
  equityEnd: Kronor;
}

export interface BalanceYear {
  year: number;
  fixedAssets: Kronor;
  receivables: Kronor;
  cash: Kronor;
  equity: Kronor;
  shortTermLiabilities: Kronor;
  longTermLiabilities: Kronor;
  commitments: Kronor;
}

export interface LiquidityMonth {
  month: MonthIndex;
  inflow: Kronor;
  outflow: Kronor;
  cash: Kronor;
  /** Null where the window runs past the plan's last month. */
  decisionRoom: Kronor | null;
  decisionRoomAfterPlanned: Kronor | null;
  /** Outflows of planned (undecided) interventions this month. */
  plannedOutflow: Kronor;
}

// ---------------------------------------------------------------- follow-up (uppföljning)

/** An income line of the follow-up: the `År` sheet's income columns. */
export type IncomeLine = 'contributions' | 'esfIncome' | 'otherIncome' | 'financialIncome';
export const INCOME_LINES = [
  'contributions',
  'esfIncome',
  'otherIncome',
  'financialIncome',
] as const satisfies readonly IncomeLine[];

/** What an `Utfall` row is about: an income line, a cost line or an intervention (by index in the input). */
export type OutcomePost =
  { kind: 'income'; line: IncomeLine } | { kind: 'cost'; index: number } | { kind: 'intervention'; index: number };

/** One `Utfall` row: the actual amount per month through `Uppföljning till och med`, and its own forecast. */
export interface OutcomeLine {
  post: OutcomePost;
  /** Actual amounts by month (months of the follow-up year up to `through`); a month not given is 0. */
  months: ReadonlyMap<MonthIndex, Kronor>;
  /** `Prognos helår`: the user's full-year forecast for the line, replacing the computed one. */
  forecast: Kronor | null;
}

/** The actual outcome of one year up to a month (the `Utfall` sheet and `Uppföljning till och med`). */
export interface Outcome {
  year: number;
  through: MonthIndex;
  lines: OutcomeLine[];
}
