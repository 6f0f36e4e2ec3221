/**
 * The workbook's enumerated values: for each, its label in Swedish (what the workbook shows and the
 * JSON carries) and English (the pane in English), and the spellings accepted on input. One place for
 * each value: tables keyed by the engine's unions (`satisfies Record<…>`), so that a new value is a
 * compile error until it has its words here.
 */
import type { CheckStatus } from '../engine/goals';
import type { RoundingMode } from '../engine/rounding';
import type { CostKind, Funding, InterventionStatus, Party } from '../engine/types';
import type { Lang } from './format';

export interface Term {
  sv: string;
  en: string;
  /** Spellings accepted on input besides the Swedish label (compared case-insensitively). */
  also?: readonly string[];
}

export const PARTY = {
  state: { sv: 'Stat', en: 'State', also: ['staten'] },
  region: { sv: 'Region', en: 'Region', also: ['regionen', 'landsting', 'landstinget'] },
  municipalities: { sv: 'Kommun', en: 'Municipality', also: ['kommunerna'] },
} as const satisfies Record<Party, Term>;

/** The parties as the budget names them ("Medlemsavgift staten"). */
export const PARTY_DEFINITE = {
  state: { sv: 'staten', en: 'the state' },
  region: { sv: 'regionen', en: 'the region' },
  municipalities: { sv: 'kommunerna', en: 'the municipalities' },
} as const satisfies Record<Party, Term>;

export const STATUS = {
  decided: { sv: 'Beslutad', en: 'Decided' },
  planned: { sv: 'Planerad', en: 'Planned' },
} as const satisfies Record<InterventionStatus, Term>;

export const FUNDING = {
  finsam: { sv: 'Finsam', en: 'Finsam' },
  esf: { sv: 'ESF', en: 'ESF' },
} as const satisfies Record<Funding, Term>;

export const COST_KIND = {
  operating: { sv: 'Drift', en: 'Operating' },
  depreciation: { sv: 'Avskrivning', en: 'Depreciation', also: ['avskrivningar'] },
} as const satisfies Record<CostKind, Term>;

export const ROUNDING = {
  krona: { sv: 'krona', en: 'krona', also: ['kronor'] },
  promille: { sv: 'promille', en: 'per mille', also: ['‰'] },
} as const satisfies Record<RoundingMode, Term>;

/** `Enhet` on `Inställningar`: the board sheets' unit. */
export const UNIT = {
  kr: { sv: 'kr', en: 'SEK', also: ['kronor'] },
  tkr: { sv: 'tkr', en: 'SEK thousands', also: ['tusental kronor', 'tusen kronor'] },
} as const satisfies Record<'kr' | 'tkr', Term>;

export const CHECK_STATUS = {
  ok: { sv: 'OK', en: 'OK' },
  warning: { sv: 'Varning', en: 'Warning' },
  failed: { sv: 'Ej uppfyllt', en: 'Not met' },
} as const satisfies Record<CheckStatus, Term>;

export function term<K extends string>(table: Record<K, Term>, key: K, lang: Lang = 'sv'): string {
  return table[key][lang];
}

/**
 * Lower case as Swedish writes it. Unicode's language-specific case mappings are for Lithuanian,
 * Turkish and Azeri only (SpecialCasing.txt), so for Swedish `toLowerCase` gives exactly what
 * `toLocaleLowerCase('sv')` gives, without resolving the locale on every call (a cost per cell).
 */
export function lowerCaseSv(s: string): string {
  return s.toLowerCase();
}

/** Input spelling → value, for a choice column (labels and their other spellings, lower case). */
const spellingCache = new WeakMap<object, Map<string, string>>();
export function spellings<K extends string>(table: Record<K, Term>): Map<string, K> {
  const cached = spellingCache.get(table);
  if (cached) return cached as Map<string, K>;
  const map = new Map<string, K>();
  spellingCache.set(table, map);
  for (const key of Object.keys(table) as K[]) {
    const t = table[key];
    for (const s of [t.sv, ...(t.also ?? [])]) map.set(lowerCaseSv(s), key);
  }
  return map;
}

export function statusLabel(status: CheckStatus, lang: Lang = 'sv'): string {
  return CHECK_STATUS[status][lang];
}
