/**
 * The goal registry's words: for each goal its name (the `Mål` sheet's row label, also its name in
 * `Kontroller` and the JSON) in Swedish and English, how its `Gräns` is read, how its value and limit
 * are shown, and its explanation. The engine half (settings, default, judging) is
 * `src/engine/goals.ts`; both are keyed by `GoalId`, so a goal missing here is a compile error.
 */
import type { YMD } from '../engine/calendar';
import { isoDate } from '../engine/calendar';
import { neg } from '../engine/kronor';
import type { Check, CheckKind, CheckOf, EquityCap, GoalId, GoalSettings } from '../engine/goals';
import type { Kronor } from '../engine/kronor';
import { formatDate, formatKr, formatMonth, formatPercent, Lang } from './format';

/** How a goal's `Gräns` cell is read on the `Mål` sheet, and the settings each kind gives. */
export interface LimitSettings {
  amount: { active: boolean; limit: Kronor };
  amountOrPercent: { active: boolean; limit: EquityCap | null };
  dayMonth: { active: boolean; month: number; day: number };
  none: { active: boolean };
}
export type LimitKind = keyof LimitSettings;
/** The kind of limit a goal's settings call for (the compiler checks each registry entry). */
export type LimitKindOf<G extends GoalId> = {
  [L in LimitKind]: LimitSettings[L] extends GoalSettings[G] ? (GoalSettings[G] extends LimitSettings[L] ? L : never) : never;
}[LimitKind];
/** How a check's value or limit is shown: kronor (with the amount format), a plain number, a date. */
export type Shown = 'kronor' | 'number' | 'date' | 'none';

interface CheckText<K extends CheckKind> {
  name: { sv: string; en: string };
  value: Shown;
  limit: Shown;
  explain: (c: CheckOf<K>, lang: Lang) => string;
}
interface GoalText<G extends GoalId> extends CheckText<G> {
  /** How the goal's `Gräns` is read. */
  limitKind: LimitKindOf<G>;
}

const kr = formatKr;

export const GOAL_TEXT: { [G in GoalId]: GoalText<G> } & { unspreadable: CheckText<'unspreadable'> } = {
  liquidity: {
    name: { sv: 'Lägsta likviditet', en: 'Minimum liquidity' },
    limitKind: 'amount',
    value: 'kronor',
    limit: 'kronor',
    explain: (c, lang) =>
      lang === 'sv'
        ? `Lägsta likviditet ${kr(c.value)} i ${formatMonth(c.detail.worstMonth)}; gränsen är ${kr(c.limit)}.${c.status === 'ok' ? '' : ' Likviditeten underskrider gränsen.'}`
        : `Lowest cash ${kr(c.value)} in ${formatMonth(c.detail.worstMonth, 'en')}; the limit is ${kr(c.limit)}.${c.status === 'ok' ? '' : ' Cash falls below the limit.'}`,
  },
  decisionRoom: {
    name: { sv: 'Beslutsutrymme', en: 'Decision room' },
    limitKind: 'amount',
    value: 'kronor',
    limit: 'kronor',
    explain: (c, lang) => {
      const d = c.detail;
      if (d.worstMonth === null || c.value === null) {
        return lang === 'sv'
          ? 'Ingen månad detta år kan bedömas: beslutshorisonten sträcker sig förbi planens sista månad.'
          : "No month of this year can be judged: the decision horizon runs past the plan's last month.";
      }
      return lang === 'sv'
        ? `Lägsta beslutsutrymme ${kr(c.value)} i ${formatMonth(d.worstMonth)} (efter planerade insatser ${kr(d.afterPlanned ?? c.value)}); gränsen är ${kr(c.limit)}.`
        : `Lowest decision room ${kr(c.value)} in ${formatMonth(d.worstMonth, 'en')} (after planned interventions ${kr(d.afterPlanned ?? c.value)}); the limit is ${kr(c.limit)}.`;
    },
  },
  minContributions: {
    name: { sv: 'Lägsta medlemsavgifter', en: 'Minimum contributions' },
    limitKind: 'amount',
    value: 'kronor',
    limit: 'kronor',
    explain: (c, lang) =>
      c.status === 'ok'
        ? lang === 'sv'
          ? `Medlemsavgifterna ${kr(c.value)} når upp till gränsen ${kr(c.limit)}.`
          : `Contributions ${kr(c.value)} reach the limit ${kr(c.limit)}.`
        : lang === 'sv'
          ? `Medlemsavgifterna ${kr(c.value)} understiger ${kr(c.limit)}: beslut om finansiering ska innehålla en reservation om eventuell justering av ersättningen.`
          : `Contributions ${kr(c.value)} are below ${kr(c.limit)}: funding decisions carry a reservation that the funding may be adjusted.`,
  },
  maxEquity: {
    name: { sv: 'Högsta eget kapital', en: 'Maximum equity' },
    limitKind: 'amountOrPercent',
    value: 'kronor',
    limit: 'kronor',
    explain: (c, lang) => {
      const ok = c.status === 'ok';
      // The cap's basis: a share of the contributions, with the band's fixed amount and source (`Kapitaltak`).
      const d = c.detail;
      const fixed = d.fixed ? (lang === 'sv' ? ` + ${kr(d.fixed)}` : ` + ${kr(d.fixed)}`) : '';
      const source = d.source ? (lang === 'sv' ? `, enligt ${d.source}` : `, per ${d.source}`) : '';
      const pct = d.percent
        ? lang === 'sv'
          ? ` (${formatPercent(d.percent, 2)} % av medlemsavgifterna${fixed}${source})`
          : ` (${formatPercent(d.percent, 2)} % of contributions${fixed}${source})`
        : '';
      const over = kr(c.value - c.limit);
      return lang === 'sv'
        ? ok
          ? `Eget kapital vid årets slut ${kr(c.value)} ryms inom riktvärdet ${kr(c.limit)}${pct}.`
          : `Eget kapital vid årets slut ${kr(c.value)} överstiger riktvärdet ${kr(c.limit)}${pct} med ${over}.`
        : ok
          ? `Equity at year end ${kr(c.value)} is within the guideline ${kr(c.limit)}${pct}.`
          : `Equity at year end ${kr(c.value)} exceeds the guideline ${kr(c.limit)}${pct} by ${over}.`;
    },
  },
  nonNegativeEquity: {
    name: { sv: 'Eget kapital ej negativt', en: 'Equity not negative' },
    limitKind: 'none',
    value: 'kronor',
    limit: 'number',
    explain: (c, lang) =>
      lang === 'sv'
        ? `Eget kapital vid årets slut ${kr(c.value)}.${c.status === 'ok' ? '' : ' Negativt eget kapital: medlemmarna får täcka underskottet (22 §).'}`
        : `Equity at year end ${kr(c.value)}.${c.status === 'ok' ? '' : ' Negative equity: members must cover the deficit.'}`,
  },
  balancedBudget: {
    name: { sv: 'Budget i balans', en: 'Balanced budget' },
    limitKind: 'none',
    value: 'kronor',
    limit: 'number',
    explain: (c, lang) => {
      const sv = lang === 'sv';
      if (c.status === 'ok') return sv ? `Årets resultat ${kr(c.value)}.` : `The year's result is ${kr(c.value)}.`;
      const deficit = kr(neg(c.value));
      const equity = kr(c.detail.equityStart);
      return c.status === 'warning'
        ? sv
          ? `Underskottet på ${deficit} täcks av eget kapital (${equity} vid årets början).`
          : `A deficit of ${deficit}, covered by equity (${equity} at the start of the year).`
        : sv
          ? `Underskottet på ${deficit} täcks inte av eget kapital (${equity} vid årets början).`
          : `A deficit of ${deficit} that equity (${equity}) does not cover.`;
    },
  },
  esfSeparate: {
    name: { sv: 'ESF hålls isär', en: 'ESF kept apart' },
    limitKind: 'none',
    value: 'kronor',
    limit: 'kronor',
    explain: (c, lang) => {
      const sv = lang === 'sv';
      const { esfIncome, esfCosts } = c.detail;
      const diff = esfIncome - esfCosts;
      if (diff === 0) {
        return sv
          ? `ESF-intäkterna och de ESF-finansierade kostnaderna är lika stora (${kr(esfIncome)}).`
          : `ESF income equals ESF-funded costs (${kr(esfIncome)}).`;
      }
      return diff > 0
        ? sv
          ? `ESF-intäkterna ${kr(esfIncome)} överstiger de ESF-finansierade kostnaderna ${kr(esfCosts)} med ${kr(diff)}: ESF-medel används till Finsam-verksamhet.`
          : `ESF income ${kr(esfIncome)} exceeds ESF-funded costs ${kr(esfCosts)} by ${kr(diff)}: ESF money pays for Finsam work.`
        : sv
          ? `De ESF-finansierade kostnaderna ${kr(esfCosts)} överstiger ESF-intäkterna ${kr(esfIncome)} med ${kr(-diff)}: Finsam-medel används till ESF-verksamhet.`
          : `ESF-funded costs ${kr(esfCosts)} exceed ESF income ${kr(esfIncome)} by ${kr(-diff)}: Finsam money pays for ESF work.`;
    },
  },
  budgetDeadline: {
    name: { sv: 'Budgetbeslut senast', en: 'Budget adopted by' },
    limitKind: 'dayMonth',
    value: 'date',
    limit: 'date',
    explain: (c, lang) =>
      lang === 'sv'
        ? `Budgeten beslutas den ${formatDate(c.value)}; sista dag är den ${formatDate(c.limit)} (23 §).`
        : `The budget is adopted on ${formatDate(c.value, 'en')}; the deadline is ${formatDate(c.limit, 'en')}.`,
  },
  threeYearPlan: {
    name: { sv: 'Treårsplan', en: 'Three-year plan' },
    limitKind: 'none',
    value: 'number',
    limit: 'number',
    explain: (c, lang) =>
      lang === 'sv'
        ? `Planen omfattar ${c.value} år; kommunallagen (11 kap. 6 §) kräver en plan för tre år.`
        : `The plan covers ${c.value} years; the law requires a three-year plan.`,
  },
  unspreadable: {
    name: { sv: 'Insats utan månader', en: 'Intervention without months' },
    value: 'kronor',
    limit: 'none',
    explain: (c, lang) =>
      lang === 'sv'
        ? `Insatsen ”${c.detail.intervention}” har ${kr(c.value)} kvar men inga månader att fördela beloppet på (den slutade före planen).`
        : `Intervention "${c.detail.intervention}" has ${kr(c.value)} left but no months to spread it over.`,
  },
};

/** The `Mål` sheet's row for the decision horizon (a setting of the decision room, not a goal). */
export const HORIZON_ROW = { sv: 'Beslutshorisont', en: 'Decision horizon' } as const;

export function goalName(goal: CheckKind, lang: Lang = 'sv'): string {
  return GOAL_TEXT[goal].name[lang];
}

/** The explanation of a check, in Swedish (workbook, command line, JSON) or English (the pane). */
export function checkMessage(check: Check, lang: Lang = 'sv'): string {
  // One cast where TypeScript cannot follow the correlation between `check.goal` and its text.
  const text = GOAL_TEXT[check.goal] as CheckText<CheckKind>;
  return text.explain(check, lang);
}

/** A check's value or limit as the JSON and `Kontroller` carry it: a number, an ISO date, or null. */
export function shownValue(v: number | YMD | null, shown: Shown): number | string | null {
  if (v === null || shown === 'none') return null;
  if (typeof v === 'number') return v;
  return isoDate(v);
}
