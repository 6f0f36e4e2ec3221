/** Sheet and column names of the workbook contract (what users see: Swedish). */
export const INPUT_SHEETS = {
  settings: 'Inställningar',
  years: 'År',
  members: 'Medlemmar',
  interventions: 'Insatser',
  costs: 'Kostnader',
  opening: 'Ingående balans',
  goals: 'Mål',
} as const;

export const REQUIRED_SHEETS = [INPUT_SHEETS.settings, INPUT_SHEETS.years, INPUT_SHEETS.members];

export const OUTPUT_SHEETS = {
  split: 'Fördelning',
  interventions: 'Insatser per år',
  budget: 'Budget',
  balance: 'Balansplan',
  liquidity: 'Likviditet',
  checks: 'Kontroller',
} as const;

export const OUTPUT_SHEET_NAMES: string[] = Object.values(OUTPUT_SHEETS);

/**
 * The ownership mark: a workbook-level defined name per output sheet, referring to its A1 cell.
 * Both Excel (Office.js) and ExcelJS keep defined names when saving.
 */
export const OWNER_PREFIX = 'FinsamBudget_';
export function ownerMarkName(sheet: string): string {
  const ascii = sheet
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '');
  return `${OWNER_PREFIX}${ascii}`;
}

export const SETTINGS_PARAMS = {
  name: 'Förbund',
  firstYear: 'Första planår',
  yearCount: 'Antal planår',
  stateShare: 'Statens andel',
  regionShare: 'Regionens andel',
  municipalShare: 'Kommunernas andel',
  rounding: 'Avrundning',
  budgetDecision: 'Budgetbeslut',
} as const;

export const GOAL_ROWS = {
  liquidity: 'Lägsta likviditet',
  decisionRoom: 'Beslutsutrymme',
  horizon: 'Beslutshorisont',
  minContributions: 'Lägsta medlemsavgifter',
  maxEquity: 'Högsta eget kapital',
  nonNegativeEquity: 'Eget kapital ej negativt',
  balancedBudget: 'Budget i balans',
  esfSeparate: 'ESF hålls isär',
  budgetDeadline: 'Budgetbeslut senast',
  threeYearPlan: 'Treårsplan',
} as const;

export const BALANCE_ITEMS = {
  equity: 'Eget kapital',
  fixedAssets: 'Anläggningstillgångar',
  receivables: 'Fordringar',
  cash: 'Kassa och bank',
  shortTermLiabilities: 'Kortfristiga skulder',
  longTermLiabilities: 'Långfristiga skulder',
} as const;
