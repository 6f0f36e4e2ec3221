/** Swedish (and English) formatting of numbers, amounts, months and dates for people to read. */
import { monthOf, MonthIndex, YMD } from '../engine/calendar';
import type { Ratio } from '../engine/money';

export type Lang = 'sv' | 'en';

const NBSP = '\u00a0';

/** 1308750 → "1 308 750" (non-breaking spaces), negatives with a minus sign. */
export function formatNumber(value: number): string {
  const s = String(Math.round(value));
  const negative = s.startsWith('-');
  const digits = negative ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (negative ? '−' : '') + grouped;
}

export function formatKr(value: number): string {
  return `${formatNumber(value)}${NBSP}kr`;
}

export const MONTHS: Record<Lang, readonly string[]> = {
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** jan, feb, …, maj, …, okt, … (the first three letters of the Swedish month names). */
export const MONTH_ABBR_SV = MONTHS.sv.map((m) => m.slice(0, 3));

export function formatMonth(index: MonthIndex, lang: Lang = 'sv'): string {
  const { year, month } = monthOf(index);
  return `${MONTHS[lang][month - 1]} ${year}`;
}

export function formatDate(d: YMD, lang: Lang = 'sv'): string {
  return `${d.day} ${MONTHS[lang][d.month - 1]} ${d.year}`;
}

/** A fraction as a Swedish percentage with up to `decimals` decimals: 0.0304 → "3,04". */
export function formatPercent(fraction: Ratio, decimals: number, lang: Lang = 'sv'): string {
  const s = fraction.times(100).toDecimalPlaces(decimals).toString();
  return lang === 'sv' ? s.replace('.', ',') : s;
}
