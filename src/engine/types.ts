/** The engine's input and output: plain data, decimal.js for money. */
import type { Money } from './money';
import type { MonthIndex, YMD } from './calendar';
import type { MonthSpread } from './interventions';

export type Party = 'state' | 'region' | 'municipalities';
export const PARTIES: readonly Party[] = ['state', 'region', 'municipalities'];
export type RoundingMode = 'krona' | 'promille';
export type Funding = 'finsam' | 'esf';
export type InterventionStatus = 'decided' | 'planned';
export type CostKind = 'operating' | 'depreciation';

export interface Settings {
  name: string;
  firstYear: number;
  yearCount: number;
  shares: Record<Party, Money>;
  rounding: RoundingMode;
  budgetDecisionDate: YMD | null;
}

export interface YearInput {
  year: number;
  /** Annual contributions of all parties together, on a full-year basis. */
  contributions: Money;
  /** Months operated, counted to the end of the year (8 = May–December). */
  months: number;
  esfIncome: Money;
  otherIncome: Money;
  financialIncome: Money;
  investments: Money;
  receivables: Money | null;
  shortTermLiabilities: Money | null;
  longTermLiabilities: Money | null;
}

export interface Member {
  name: string;
  party: Party;
  population: Money;
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
  total: Money;
  spentBefore: Money;
  /** Cost given for a plan year instead of the even spread. */
  yearAmounts: ReadonlyMap<number, Money>;
}

export interface CostLine {
  name: string;
  kind: CostKind;
  funding: Funding;
  growth: Money;
  amounts: ReadonlyMap<number, Money>;
}

export interface OpeningBalance {
  equity: Money;
  fixedAssets: Money;
  receivables: Money;
  cash: Money;
  shortTermLiabilities: Money;
  longTermLiabilities: Money;
}

export type GoalId =
  | 'liquidity'
  | 'decisionRoom'
  | 'minContributions'
  | 'maxEquity'
  | 'nonNegativeEquity'
  | 'balancedBudget'
  | 'esfSeparate'
  | 'budgetDeadline'
  | 'threeYearPlan';

export type Limit = { kind: 'amount'; value: Money } | { kind: 'percent'; value: Money };

export interface Goals {
  liquidity: { active: boolean; limit: Money };
  decisionRoom: { active: boolean; limit: Money };
  horizonMonths: number;
  minContributions: { active: boolean; limit: Money };
  maxEquity: { active: boolean; limit: Limit | null };
  nonNegativeEquity: { active: boolean };
  balancedBudget: { active: boolean };
  esfSeparate: { active: boolean };
  budgetDeadline: { active: boolean; month: number; day: number };
  threeYearPlan: { active: boolean };
}

export interface PlanInput {
  settings: Settings;
  years: YearInput[];
  members: Member[];
  interventions: Intervention[];
  costLines: CostLine[];
  opening: OpeningBalance;
  goals: Goals;
}

// ---------------------------------------------------------------- outputs

export interface Contribution {
  year: number;
  member: string;
  party: Party;
  population: Money;
  /** Share of its party: exact fraction (krona) or rounded per mille / 1000 (promille). */
  share: Money;
  amount: Money;
  /** Instalments at the start of each quarter; zero for quarters not operated. */
  quarters: [Money, Money, Money, Money];
}

export interface YearSplit {
  year: number;
  /** Total contributions of the year (part years: annual × months / 12). */
  total: Money;
  parties: Record<Party, Money>;
  quarterTotals: [Money, Money, Money, Money];
  /** First month operated in each quarter, or null. */
  quarterMonths: [number | null, number | null, number | null, number | null];
  members: Contribution[];
}

export interface InterventionYear {
  year: number;
  amount: Money;
  remainingAfter: Money;
}

export interface InterventionPlan {
  intervention: Intervention;
  remainingAtStart: Money;
  years: InterventionYear[];
  /** Cost per plan month as runs of consecutive months (one per plan year with a cost), for liquidity. */
  spreads: MonthSpread[];
  /** Money remaining that has no month to be spread over. */
  unspreadable: Money;
}

export interface CostLineYear {
  year: number;
  amount: Money;
}

export interface CostLinePlan {
  line: CostLine;
  years: CostLineYear[];
}

export interface BudgetYear {
  year: number;
  /** `Medlemsavgifter` on a full-year basis, as entered. */
  annualContributions: Money;
  contributions: Money;
  contributionsByParty: Record<Party, Money>;
  esfIncome: Money;
  otherIncome: Money;
  operatingCosts: Money;
  depreciation: Money;
  interventionCosts: Money;
  esfCosts: Money;
  operatingResult: Money;
  financialIncome: Money;
  result: Money;
  equityStart: Money;
  equityEnd: Money;
}

export interface BalanceYear {
  year: number;
  fixedAssets: Money;
  receivables: Money;
  cash: Money;
  equity: Money;
  shortTermLiabilities: Money;
  longTermLiabilities: Money;
  commitments: Money;
}

export interface LiquidityMonth {
  month: MonthIndex;
  inflow: Money;
  outflow: Money;
  cash: Money;
  /** Null where the window runs past the plan's last month. */
  decisionRoom: Money | null;
  decisionRoomAfterPlanned: Money | null;
  /** Outflows of planned (undecided) interventions this month. */
  plannedOutflow: Money;
}

export type CheckStatus = 'ok' | 'warning' | 'failed';

/** Where on the output sheets a check's value stands; the workbook layer turns it into A1. */
export type CheckTarget =
  | { kind: 'liquidityCash'; month: MonthIndex }
  | { kind: 'decisionRoom'; month: MonthIndex }
  | { kind: 'budget'; year: number; line: 'annualContributions' | 'result' | 'equityEnd' | 'esfIncome' }
  | { kind: 'balanceEquity'; year: number }
  | { kind: 'settings'; parameter: string }
  | { kind: 'intervention'; index: number; year: number | null };

export interface Check {
  goal: GoalId | 'unspreadable';
  year: number | null;
  month: MonthIndex | null;
  status: CheckStatus;
  value: Money | string | number | null;
  limit: Money | string | number | null;
  /** Parameters for the message text (see messages.ts). */
  detail: CheckDetail;
  target: CheckTarget | null;
}

export type CheckDetail =
  | { code: 'liquidity'; worstMonth: MonthIndex }
  | { code: 'decisionRoom'; worstMonth: MonthIndex | null; afterPlanned: Money | null }
  | { code: 'minContributions' }
  | { code: 'maxEquity'; percent: Money | null }
  | { code: 'nonNegativeEquity' }
  | { code: 'balancedBudget'; equityStart: Money }
  | { code: 'esfSeparate'; esfIncome: Money; esfCosts: Money }
  | { code: 'budgetDeadline'; deadline: YMD; date: YMD }
  | { code: 'threeYearPlan'; years: number }
  | { code: 'unspreadable'; intervention: string; amount: Money };

export interface Plan {
  input: PlanInput;
  years: number[];
  splits: YearSplit[];
  interventions: InterventionPlan[];
  costLines: CostLinePlan[];
  budget: BudgetYear[];
  balance: BalanceYear[];
  liquidity: LiquidityMonth[];
  checks: Check[];
}
