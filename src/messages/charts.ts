/** The pane's charts: titles, legends, the table headers of their text alternative, axis amounts. */
import type { Lang } from './format';

export const CHART_TEXT = {
  sv: {
    title: 'Diagram',
    cashTitle: 'Kassa vid månadens slut och lägsta likviditet',
    equityTitle: 'Eget kapital vid årets slut och högsta eget kapital',
    cash: 'Kassa',
    floor: 'Lägsta likviditet',
    equity: 'Eget kapital',
    cap: 'Högsta eget kapital',
    month: 'Månad',
    year: 'År',
    tableNote: 'diagrammets siffror',
  },
  en: {
    title: 'Charts',
    cashTitle: 'Cash at month end and the liquidity floor',
    equityTitle: 'Equity at year end and the equity cap',
    cash: 'Cash',
    floor: 'Liquidity floor',
    equity: 'Equity',
    cap: 'Equity cap',
    month: 'Month',
    year: 'Year',
    tableNote: 'the chart’s figures',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** An amount on a chart's axis, short: "8 mkr", "500 tkr", "0 kr" ("8 M", "500 k", "0" in English). */
export function axisKr(n: number, lang: Lang = 'sv'): string {
  const a = Math.abs(n);
  const [div, sv, en] = a >= 1e6 ? [1e6, 'mkr', 'M'] : a >= 1e3 ? [1e3, 'tkr', 'k'] : [1, 'kr', ''];
  const v = Math.round((n / div) * 10) / 10;
  if (lang === 'en') return `${v}${en ? ` ${en}` : ''}`;
  return `${String(v).replace('.', ',').replace('-', '−')} ${sv}`;
}
