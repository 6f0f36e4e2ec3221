/** The pane's words for the follow-up (uppföljning): Swedish and English, in step. */
import { formatKr, Lang, MONTHS } from './format';

export interface FollowUpUi {
  title: (year: number, month: number, prognosis: boolean) => string;
  toDate: string;
  forecast: string;
  budget: string;
  actual: string;
  deviation: string;
  income: string;
  costs: string;
  result: string;
  equityEnd: string;
  largest: string;
  noneMarked: (percent: number, kronor: number) => string;
  goals: string;
  sheetHint: string;
  /** The follow-up year's card in the summary. */
  yearLabel: (year: number) => string;
}

export const FOLLOW_UP_UI: Record<Lang, FollowUpUi> = {
  sv: {
    title: (year, month, prognosis) =>
      `${prognosis ? 'Prognos' : 'Uppföljning'} ${year}, utfall till och med ${MONTHS.sv[month - 1]}`,
    toDate: 'Hittills i år',
    forecast: 'Helår',
    budget: 'Budget',
    actual: 'Utfall',
    deviation: 'Avvikelse',
    income: 'Intäkter',
    costs: 'Kostnader',
    result: 'Resultat',
    equityEnd: 'Eget kapital vid årets slut',
    largest: 'Största avvikelser',
    noneMarked: (percent, kronor) => `Inga avvikelser över tröskeln (${percent} % och ${formatKr(kronor)}).`,
    goals: 'Målen enligt prognosen',
    sheetHint: 'Alla rader finns på bladet Uppföljning.',
    yearLabel: (year) => `Prognos ${year}`,
  },
  en: {
    title: (year, month, prognosis) =>
      `${prognosis ? 'Forecast' : 'Follow-up'} ${year}, actual outcome through ${MONTHS.en[month - 1]}`,
    toDate: 'Year to date',
    forecast: 'Full year',
    budget: 'Budget',
    actual: 'Actual',
    deviation: 'Deviation',
    income: 'Income',
    costs: 'Costs',
    result: 'Result',
    equityEnd: 'Equity at year end',
    largest: 'Largest deviations',
    noneMarked: (percent, kronor) => `No deviation beyond the threshold (${percent} % and ${formatKr(kronor)}).`,
    goals: 'The goals on the forecast',
    sheetHint: 'Every line is on the sheet Uppföljning.',
    yearLabel: (year) => `Forecast ${year}`,
  },
};

/** The command's summary line for the follow-up (Swedish: the command's output is part of the contract). */
export function followUpCliLine(p: {
  year: number;
  month: number;
  prognosis: boolean;
  actualToDate: number;
  budgetToDate: number;
  forecast: number;
  budget: number;
  largest: readonly string[];
}): string {
  const head = `  ${p.prognosis ? 'Prognos' : 'Uppföljning'} ${p.year} till och med ${MONTHS.sv[p.month - 1]}:`;
  const largest = p.largest.length > 0 ? `; största avvikelser: ${p.largest.map((name) => `”${name}”`).join(', ')}` : '';
  return `${head} resultat hittills ${formatKr(p.actualToDate)} (budget ${formatKr(p.budgetToDate)}), prognos helår ${formatKr(p.forecast)} (budget ${formatKr(p.budget)})${largest}`;
}
