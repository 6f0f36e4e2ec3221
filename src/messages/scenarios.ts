/**
 * Scenarios (`Scenarier`): the errors a scenario's changes can have, in Swedish and English (shaped
 * like `errors.ts`, so that the lead can merge `SCENARIO_ERRORS` into `ERRORS`), the wording of an
 * input error that a scenario's change caused, and the words of the comparison sheet.
 */
import type { Lang } from './format';

const q = (s: string) => `”${s}”`;
const qe = (s: string) => `"${s}"`;
const list = (xs: readonly string[], quote: (s: string) => string, or: string) =>
  xs.length <= 1 ? xs.map(quote).join('') : `${xs.slice(0, -1).map(quote).join(', ')} ${or} ${quote(xs[xs.length - 1]!)}`;

interface Message<P> {
  sv: (p: P) => string;
  en: (p: P) => string;
}
const m = <P>(sv: (p: P) => string, en: (p: P) => string): Message<P> => ({ sv, en });

export const SCENARIO_ERRORS = {
  /** `Blad` names no sheet a scenario can change. */
  scenarioUnknownSheet: m<{ text: string; sheets: readonly string[] }>(
    (p) => `${q(p.text)} är inget blad som ett scenario kan ändra. Skriv ett av ${list(p.sheets, q, 'eller')}.`,
    (p) => `${qe(p.text)} is no sheet a scenario can change. Write one of ${list(p.sheets, qe, 'or')}.`,
  ),
  /** `Rad` names a row that the sheet does not have and cannot get (a parameter, post or goal that does not exist). */
  scenarioUnknownRow: m<{ sheet: string; text: string; known: readonly string[] }>(
    (p) => `Bladet ${q(p.sheet)} har ingen rad ${q(p.text)} och kan inte få en. Skriv en av ${list(p.known, q, 'eller')}.`,
    (p) => `The sheet ${qe(p.sheet)} has no row ${qe(p.text)} and cannot get one. Write one of ${list(p.known, qe, 'or')}.`,
  ),
  /** `Rad` matches more than one row of the sheet. */
  scenarioAmbiguousRow: m<{ sheet: string; text: string; cells: readonly string[] }>(
    (p) =>
      `${q(p.text)} passar flera rader på bladet ${q(p.sheet)} (${p.cells.join(', ')}). Ange radens Nr eller ett unikt namn.`,
    (p) =>
      `${qe(p.text)} matches several rows of the sheet ${qe(p.sheet)} (${p.cells.join(', ')}). Give the row's Nr or a unique name.`,
  ),
  /** `Kolumn` names no column of the sheet. */
  scenarioUnknownColumn: m<{ sheet: string; text: string; known: readonly string[] }>(
    (p) => `Bladet ${q(p.sheet)} har ingen kolumn ${q(p.text)}. Skriv en av ${list(p.known, q, 'eller')}.`,
    (p) => `The sheet ${qe(p.sheet)} has no column ${qe(p.text)}. Write one of ${list(p.known, qe, 'or')}.`,
  ),
  /** A new row (its `Rad` is not on the sheet) without all of the sheet's required columns. */
  scenarioNewRowMissing: m<{ sheet: string; row: string; columns: readonly string[] }>(
    (p) =>
      `Raden ${q(p.row)} finns inte på bladet ${q(p.sheet)} och läggs därför till i scenariot, men ${list(p.columns, q, 'och')} saknas. Ge ${p.columns.length > 1 ? 'dem' : 'den'} värden på egna rader i scenariot.`,
    (p) =>
      `The row ${qe(p.row)} is not on the sheet ${qe(p.sheet)}, so the scenario adds it, but ${list(p.columns, qe, 'and')} ${p.columns.length > 1 ? 'are' : 'is'} missing. Give ${p.columns.length > 1 ? 'them' : 'it'} values on rows of their own in the scenario.`,
  ),
  /** The same cell changed twice in one scenario. */
  scenarioDuplicateChange: m<{ scenario: string; firstCell: string }>(
    (p) => `Scenariot ${q(p.scenario)} ändrar samma cell redan på rad ${p.firstCell}. Ta bort en av raderna.`,
    (p) => `The scenario ${qe(p.scenario)} already changes the same cell on row ${p.firstCell}. Remove one of the rows.`,
  ),
  /** Sums beyond exact integer arithmetic in a scenario (the base's `overflow`, for one scenario). */
  scenarioOverflow: m<{ scenario: string }>(
    (p) => `Scenariot ${q(p.scenario)} ger belopp som är för stora för att räknas exakt. Kontrollera scenariots värden.`,
    (p) => `The scenario ${qe(p.scenario)} gives amounts too large to compute exactly. Check the scenario's values.`,
  ),
} satisfies Record<string, Message<never>>;

export type ScenarioErrorCode = keyof typeof SCENARIO_ERRORS;
export type ScenarioErrorParams<C extends ScenarioErrorCode> = Parameters<(typeof SCENARIO_ERRORS)[C]['sv']>[0];

export function scenarioErrorMessage<C extends ScenarioErrorCode>(
  code: C,
  params: ScenarioErrorParams<C>,
  lang: Lang = 'sv',
): string {
  const message = SCENARIO_ERRORS[code] as Message<ScenarioErrorParams<C>>;
  return message[lang](params);
}

/**
 * An input error that arose in a scenario's changed inputs, as the `Scenarier` cell reports it: on a
 * changed cell (`direct`: the change's own value is wrong), or elsewhere (the changes caused it
 * indirectly; it is then reported on the scenario's first row).
 */
export function causedMessage(
  p: { scenario: string; sheet: string; cell: string; message: string; direct: boolean },
  lang: Lang = 'sv',
): string {
  const where = p.cell ? `${p.sheet}!${p.cell}` : p.sheet;
  if (lang === 'sv') {
    return p.direct
      ? `Scenariot ${q(p.scenario)} (${where}): ${p.message}`
      : `Scenariot ${q(p.scenario)}: ändringarna ger ett fel på ${where || 'arbetsboken'}, som inte ändras direkt av scenariot: ${p.message}`;
  }
  return p.direct
    ? `Scenario ${qe(p.scenario)} (${where}): ${p.message}`
    : `Scenario ${qe(p.scenario)}: its changes cause an error at ${where || 'the workbook'}, which the scenario does not change itself: ${p.message}`;
}

/**
 * The comparison sheet. Its name cannot be `Scenarier`: that is the input sheet's name (workbook.md
 * names both `Scenarier`, and one workbook cannot hold two sheets of one name) — see the report.
 */
export const SCENARIO_SHEET_WORDS = {
  name: 'Scenariojämförelse',
  title: 'Scenarier jämförda med grundbudgeten',
  columns: {
    item: 'Post',
    base: 'Grundbudget',
    difference: (scenario: string) => `Skillnad: ${scenario}`,
  },
  rows: {
    contributions: 'Summa medlemsavgifter',
    contributionParty: (party: string) => `Medlemsavgift ${party}`,
    result: 'Årets resultat',
    equityEnd: 'Eget kapital vid årets slut',
    lowestCash: 'Lägsta kassa vid månadsslut',
    lowestDecisionRoom: 'Lägsta beslutsutrymme',
    room: 'Utrymme för nya insatser',
    goals: 'Mål',
    wholePlan: 'Hela planen',
  },
  /** A goal's status changed by the scenario: "OK → Ej uppfyllt". */
  statusChange: (from: string, to: string) => `${from} → ${to}`,
  /** A scenario that could not be computed. */
  notComputed: 'Ej beräknat (fel)',
  errors: {
    heading: 'Fel i scenarierna (scenariot räknas inte förrän de är rättade)',
    columns: { scenario: 'Scenario', cell: 'Cell', message: 'Meddelande' },
  },
  note: 'Varje scenario är grundbudgeten med scenariots ändringar från bladet Scenarier, beräknat i sin helhet och prövat mot samma mål. Skillnad = scenario − grundbudget.',
} as const;
