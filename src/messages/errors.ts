/**
 * Input errors and warnings: each has a stable English `code` (tests and scripts match it; see
 * workbook.md) and its message in Swedish (the workbook contract, the command line, the JSON) and
 * English (the pane in English). Parameters are raw values, formatted here for each language.
 */
import { formatKr, formatNumber, Lang } from './format';
import { INPUT_WORDS } from './sheets';

const q = (s: string) => `”${s}”`;
const qe = (s: string) => `"${s}"`;
const list = (xs: readonly string[], quote: (s: string) => string, or: string) =>
  xs.length <= 1 ? xs.map(quote).join('') : `${xs.slice(0, -1).map(quote).join(', ')} ${or} ${quote(xs[xs.length - 1]!)}`;

/** Swedish "negativ" agreeing with what must not be negative: the contract's words by their gender and number. */
const NEGATIVE_FORM: ReadonlyMap<string, 'negativ' | 'negativt' | 'negativa'> = new Map([
  [INPUT_WORDS.interventions.columns.total, 'negativ'], // (en) budget
  [INPUT_WORDS.interventions.columns.spentBefore, 'negativt'], // (det) förbrukade
  [INPUT_WORDS.capTable.columns.from, 'negativt'], // (det belopp bandet gäller) från
  [INPUT_WORDS.capTable.columns.fixed, 'negativt'], // (ett) fast belopp
]);
function negativeAgreeing(what: string): string {
  const known = NEGATIVE_FORM.get(what);
  if (known) return known;
  const words = what.toLocaleLowerCase('sv').split(/\s+/);
  // "Antalet invånare", "Beloppet för 2025": a definite neuter head; "Medlemsavgifter", "Kortfristiga
  // skulder": a plural head; "Statens andel": a common-gender head.
  if (/et$/.test(words[0]!) && words.length > 1) return 'negativt';
  if (/(?:ar|er|or)$/.test(words[words.length - 1]!)) return 'negativa';
  return 'negativ';
}

/** What must not be negative, where it is not a header or label of the workbook: in each language. */
export const NEGATIVE_WHAT = {
  population: { sv: 'Antalet invånare', en: 'The number of inhabitants' },
  yearAmount: (year: number) => ({ sv: `Beloppet för ${year}`, en: `The amount for ${year}` }),
} as const;

interface Message<P> {
  sv: (p: P) => string;
  en: (p: P) => string;
}
const m = <P>(sv: (p: P) => string, en: (p: P) => string): Message<P> => ({ sv, en });

export const ERRORS = {
  missingSheet: m<{ sheet: string }>(
    (p) => `Bladet ${q(p.sheet)} saknas. Det krävs för beräkningen.`,
    (p) => `The sheet ${qe(p.sheet)} is missing. The computation needs it.`,
  ),
  missingHeader: m<{ sheet: string; columns: readonly string[] }>(
    (p) => `Hittar ingen rubrikrad med ${p.columns.map(q).join(', ')} bland de första 20 raderna på bladet ${q(p.sheet)}.`,
    (p) => `No header row with ${p.columns.map(qe).join(', ')} among the first 20 rows of the sheet ${qe(p.sheet)}.`,
  ),
  missingColumn: m<{ column: string }>(
    (p) => `Kolumnen ${q(p.column)} saknas.`,
    (p) => `The column ${qe(p.column)} is missing.`,
  ),
  required: m<{ what: string }>(
    (p) => `${p.what} måste fyllas i.`,
    (p) => `${p.what} must be filled in.`,
  ),
  notANumber: m<{ text: string }>(
    (p) => `${q(p.text)} är inte ett tal. Skriv t.ex. 1 308 750 eller 1308750.`,
    (p) => `${qe(p.text)} is not a number. Write e.g. 1 308 750 or 1308750.`,
  ),
  notWholeKronor: m<{ text: string }>(
    (p) => `${q(p.text)} är inte hela kronor.`,
    (p) => `${qe(p.text)} is not whole kronor.`,
  ),
  notAPercent: m<{ text: string }>(
    (p) => `${q(p.text)} är inte en procentsats. Skriv t.ex. 25 % eller 0,25.`,
    (p) => `${qe(p.text)} is not a percentage. Write e.g. 25 % or 0.25.`,
  ),
  percentTooLarge: m<{ text: string }>(
    (p) => `${q(p.text)} är större än 1 utan procenttecken. Skriv ${p.text} % eller som decimaltal (t.ex. 0,03).`,
    (p) => `${qe(p.text)} is above 1 without a percent sign. Write ${p.text} % or a decimal fraction (e.g. 0.03).`,
  ),
  notADate: m<{ text: string }>(
    (p) => `${q(p.text)} är inte ett datum. Skriv t.ex. 2024-01-15 eller 2024-01.`,
    (p) => `${qe(p.text)} is not a date. Write e.g. 2024-01-15 or 2024-01.`,
  ),
  notYesNo: m<{ text: string }>(
    (p) => `${q(p.text)} ska vara Ja eller Nej.`,
    (p) => `${qe(p.text)} must be Ja (yes) or Nej (no).`,
  ),
  notAnInteger: m<{ text: string; what: { sv: string; en: string } }>(
    (p) => `${q(p.text)} ska vara ${p.what.sv} (ett heltal).`,
    (p) => `${qe(p.text)} must be ${p.what.en} (a whole number).`,
  ),
  /** `what`: a column header or row label (the workbook's own word, in both languages), or a phrase in each. */
  negative: m<{ what: string | { sv: string; en: string } }>(
    (p) => {
      const sv = typeof p.what === 'string' ? p.what : p.what.sv;
      return `${sv} får inte vara ${negativeAgreeing(sv)}.`;
    },
    (p) => `${typeof p.what === 'string' ? p.what : p.what.en} must not be negative.`,
  ),
  outOfRange: m<{ what: string; min: number; max: number }>(
    (p) => `${p.what} ska vara mellan ${p.min} och ${p.max}.`,
    (p) => `${p.what} must be between ${p.min} and ${p.max}.`,
  ),
  unknownChoice: m<{ text: string; choices: readonly string[] }>(
    (p) => `${q(p.text)} är inte tillåtet. Välj ${p.choices.map(q).join(' eller ')}.`,
    (p) => `${qe(p.text)} is not allowed. Choose ${list(p.choices, qe, 'or')}.`,
  ),
  unknownParameter: m<{ text: string; known: readonly string[] }>(
    (p) => `Okänd parameter ${q(p.text)}. Kända: ${p.known.join(', ')}.`,
    (p) => `Unknown parameter ${qe(p.text)}. Known: ${p.known.join(', ')}.`,
  ),
  unknownGoal: m<{ text: string; known: readonly string[] }>(
    (p) => `Okänt mål ${q(p.text)}. Kända mål: ${p.known.join(', ')}.`,
    (p) => `Unknown goal ${qe(p.text)}. Known goals: ${p.known.join(', ')}.`,
  ),
  unknownBalanceItem: m<{ text: string; known: readonly string[] }>(
    (p) => `Okänd post ${q(p.text)}. Kända: ${p.known.join(', ')}.`,
    (p) => `Unknown item ${qe(p.text)}. Known: ${p.known.join(', ')}.`,
  ),
  duplicate: m<{ what: { sv: string; en: string }; text: string; firstCell: string }>(
    (p) => `${p.what.sv} ${q(p.text)} finns redan (${p.firstCell}).`,
    (p) => `${p.what.en} ${qe(p.text)} appears twice (first at ${p.firstCell}).`,
  ),
  sharesSum: m<{ total: string }>(
    (p) => `Parternas andelar summerar till ${p.total} %, inte 100 %.`,
    (p) => `The parties' shares add up to ${p.total} %, not 100 %.`,
  ),
  stateEqualsOthers: m<{ state: string; others: string }>(
    (p) =>
      `Statens andel (${p.state} %) ska vara lika med regionens och kommunernas tillsammans (${p.others} %) enligt 5 § lagen (2003:1210).`,
    (p) =>
      `The state's share (${p.state} %) must equal the region's and the municipalities' together (${p.others} %), by section 5 of the act (2003:1210).`,
  ),
  yearsMismatch: m<{ expected: readonly number[]; found: readonly number[] }>(
    (p) =>
      `Bladet ska ha en rad för varje planår ${p.expected.join(', ')}; hittade ${p.found.length ? p.found.join(', ') : 'inga'}.`,
    (p) =>
      `The sheet needs a row for each plan year ${p.expected.join(', ')}; found ${p.found.length ? p.found.join(', ') : 'none'}.`,
  ),
  endBeforeStart: m<{ end: string; start: string }>(
    (p) => `Slutdatum ${p.end} ligger före startdatum ${p.start}.`,
    (p) => `The end date ${p.end} is before the start date ${p.start}.`,
  ),
  spentAboveTotal: m<{ spent: number; total: number }>(
    (p) => `Förbrukat före planår (${formatKr(p.spent)}) är mer än budget totalt (${formatKr(p.total)}).`,
    (p) => `Spent before the plan (${formatKr(p.spent)}) is more than the total budget (${formatKr(p.total)}).`,
  ),
  yearOutsidePeriod: m<{ year: number; start: string; end: string }>(
    (p) => `Ett belopp för ${p.year}, men insatsen pågår ${p.start} – ${p.end}.`,
    (p) => `An amount for ${p.year}, but the intervention runs ${p.start} – ${p.end}.`,
  ),
  yearAmountsTooLarge: m<{ given: number; remaining: number }>(
    (p) => `Beloppen per år (${formatKr(p.given)}) är mer än det som återstår av budgeten (${formatKr(p.remaining)}).`,
    (p) => `The amounts per year (${formatKr(p.given)}) are more than what remains of the budget (${formatKr(p.remaining)}).`,
  ),
  noPayer: m<{ party: { sv: string; en: string }; year: number }>(
    (p) => `Ingen betalande medlem i part ${p.party.sv} år ${p.year}, men parten har en andel.`,
    (p) => `No paying member of the party ${p.party.en} in ${p.year}, but the party has a share.`,
  ),
  noPopulation: m<{ year: number }>(
    (p) => `Kommunerna har tillsammans 0 invånare år ${p.year}: kommunernas andel kan inte fördelas.`,
    (p) => `The municipalities have 0 inhabitants together in ${p.year}: their share cannot be split.`,
  ),
  balanceMismatch: m<{ assets: number; claims: number }>(
    (p) =>
      `Ingående balans går inte ihop: tillgångar ${formatKr(p.assets)} men eget kapital, avsättningar och skulder ${formatKr(p.claims)} (skillnad ${formatKr(p.assets - p.claims)}).`,
    (p) =>
      `The opening balance does not add up: assets ${formatKr(p.assets)} but equity, provisions and liabilities ${formatKr(p.claims)} (difference ${formatKr(p.assets - p.claims)}).`,
  ),
  notOwnedSheet: m<{ sheet: string }>(
    (p) =>
      `Bladet ${q(p.sheet)} finns redan men är inte skapat av Finsam Budget. Byt namn på det eller ta bort det; verktyget skriver aldrig över ett eget blad.`,
    (p) =>
      `The sheet ${qe(p.sheet)} exists but was not created by Finsam Budget. Rename or delete it; the tool never overwrites a sheet of yours.`,
  ),
  dayMonth: m<{ text: string }>(
    (p) => `${q(p.text)} är inte en dag och månad. Skriv t.ex. 30 november eller 11-30.`,
    (p) => `${qe(p.text)} is not a day and month. Write e.g. 30 november or 11-30.`,
  ),
  amountTooLarge: m<{ text: string }>(
    (p) => `${q(p.text)} är för stort. Belopp får vara högst 1 000 000 000 000 kr (plus eller minus).`,
    (p) => `${qe(p.text)} is too large. Amounts may be at most 1 000 000 000 000 kr (plus or minus).`,
  ),
  overflow: m<Record<string, never>>(
    () => 'Summorna blir större än verktyget kan räkna exakt. Kontrollera att beloppen är i kronor och inte för stora.',
    () => 'The totals exceed what the tool can compute exactly. Check that the amounts are in kronor and not too large.',
  ),
  sumRowMismatch: m<{ column: string; label: string; given: number; sum: number }>(
    (p) =>
      `Summaraden ${q(p.label)} har ${formatNumber(p.given)} i kolumnen ${q(p.column)}, men raderna ovanför summerar till ${formatNumber(p.sum)} (skillnad ${formatNumber(p.given - p.sum)}).`,
    (p) =>
      `The sum row ${qe(p.label)} has ${formatNumber(p.given)} in the column ${qe(p.column)}, but the rows above add up to ${formatNumber(p.sum)} (difference ${formatNumber(p.given - p.sum)}).`,
  ),
  duplicateColumn: m<{ column: string; firstCell: string; cell: string }>(
    (p) => `Kolumnen ${q(p.column)} finns två gånger (${p.firstCell} och ${p.cell}). Ta bort eller byt namn på den ena.`,
    (p) => `The column ${qe(p.column)} appears twice (${p.firstCell} and ${p.cell}). Remove or rename one of them.`,
  ),
  formulaWithoutValue: m<{ cell: string }>(
    (p) =>
      `Cellen ${p.cell} innehåller en formel utan beräknat värde (filen har sparats av ett program som inte räknar). Öppna och spara filen i Excel eller LibreOffice, eller skriv in värdet.`,
    (p) =>
      `The cell ${p.cell} holds a formula without a calculated value (the file was saved by a program that does not calculate). Open and save the file in Excel or LibreOffice, or enter the value.`,
  ),
  invalidDate: m<{ cell: string }>(
    (p) => `Cellen ${p.cell} är formaterad som datum men värdet är inget giltigt datum (för stort eller för litet tal).`,
    (p) => `The cell ${p.cell} is formatted as a date but its value is no valid date (a number too large or too small).`,
  ),
  ambiguousSheet: m<{ sheet: string; sheets: readonly string[] }>(
    (p) =>
      `Flera blad motsvarar ${q(p.sheet)}: ${p.sheets.map(q).join(' och ')} (namnen skiljer sig bara i stora/små bokstäver, mellanslag eller teckenkodning). Byt namn på eller ta bort det som inte ska användas.`,
    (p) =>
      `Several sheets match ${qe(p.sheet)}: ${list(p.sheets, qe, 'and')} (the names differ only in case, spaces or character encoding). Rename or delete the one that should not be used.`,
  ),
  yearOutOfRange: m<{ text: string; min: number; max: number }>(
    (p) => `${q(p.text)} är inget rimligt år: år ska vara mellan ${p.min} och ${p.max}.`,
    (p) => `${qe(p.text)} is not a plausible year: years must be between ${p.min} and ${p.max}.`,
  ),
  membershipYearsInverted: m<{ fromYear: number; toYear: number }>(
    (p) => `Till år (${p.toYear}) ligger före Från år (${p.fromYear}).`,
    (p) => `Till år (to year, ${p.toYear}) is before Från år (from year, ${p.fromYear}).`,
  ),
  /** Warning: a year column for a year outside the plan. */
  yearOutsidePlan: m<{ year: number; first: number; last: number }>(
    (p) => `Kolumnen ${p.year} används inte: planen gäller ${p.first}–${p.last}.`,
    (p) => `The column ${p.year} is not used: the plan covers ${p.first}–${p.last}.`,
  ),
  /** Warning: money of an intervention that no month of the plan can take (the check `unspreadable` too). */
  unspreadable: m<{ intervention: string; amount: number; cause: 'endedBeforePlan' | 'allYearsGiven' | 'noOperatedMonths' }>(
    (p) =>
      `Insatsen ${q(p.intervention)} har ${formatKr(p.amount)} kvar som inte fördelas på någon månad: ${
        p.cause === 'endedBeforePlan'
          ? 'den slutade före planen.'
          : p.cause === 'allYearsGiven'
            ? 'varje planår under insatsen har ett angivet belopp, och beloppen räcker inte till hela budgeten.'
            : 'insatsens månader under planen är inga verksamhetsmånader.'
      }`,
    (p) =>
      `Intervention ${qe(p.intervention)} has ${formatKr(p.amount)} left that no month takes: ${
        p.cause === 'endedBeforePlan'
          ? 'it ended before the plan.'
          : p.cause === 'allYearsGiven'
            ? 'every plan year of the intervention has a given amount, and they do not use the whole budget.'
            : "the intervention's months within the plan are not operated months."
      }`,
  ),
  // Scenarios (`Scenarier`): what a scenario's changes can get wrong.
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
  /** `Kapitaltak`: the first band does not start at 0 kr. */
  capBandsStart: m<{ from: number }>(
    (p) => `Det första bandet börjar på ${formatKr(p.from)}; banden ska börja på 0 kr så att varje budget har ett tak.`,
    (p) => `The first band starts at ${formatKr(p.from)}; the bands must start at 0 kr so that every budget has a cap.`,
  ),
  /** `Kapitaltak`: a band's `Från` not above the band before it. */
  capBandsOrder: m<{ from: number; previous: number }>(
    (p) => `Bandet börjar på ${formatKr(p.from)}, inte över bandet före (${formatKr(p.previous)}); banden ska stiga uppåt.`,
    (p) => `The band starts at ${formatKr(p.from)}, not above the band before it (${formatKr(p.previous)}); the bands must rise.`,
  ),
  /** `Mål`: `Högsta eget kapital` with the Gräns `Kapitaltak`, but no (usable) `Kapitaltak` sheet. */
  capTableMissing: m<{ sheet: string }>(
    (p) =>
      `Gränsen hämtas från bladet ${q(p.sheet)}, men bladet saknas eller har inga band. Lägg till bladet eller ange ett belopp eller en procentsats.`,
    (p) =>
      `The limit comes from the sheet ${qe(p.sheet)}, but the sheet is missing or has no bands. Add the sheet or give an amount or a percentage.`,
  ),
  /** `Uppföljning till och med` in a year that is neither a plan year nor the year before the first. */
  followUpOutsidePlan: m<{ text: string; first: number; last: number }>(
    (p) =>
      `Uppföljning till och med ${q(p.text)} ligger utanför planen: ange en månad ${p.first - 1} (prognosår) eller ${p.first}–${p.last}.`,
    (p) =>
      `Follow-up through ${qe(p.text)} is outside the plan: give a month of ${p.first - 1} (prognosis year) or ${p.first}–${p.last}.`,
  ),
  /** `Uppföljning till och med` is set but the workbook has no `Utfall` sheet. */
  outcomeSheetMissing: m<{ sheet: string }>(
    (p) => `Uppföljning till och med är ifylld men bladet ${q(p.sheet)} saknas. Lägg till bladet med utfallet, eller töm cellen.`,
    (p) =>
      `Follow-up through is filled in but the sheet ${qe(p.sheet)} is missing. Add the sheet with the outcome, or empty the cell.`,
  ),
  /** A `Post` on `Utfall` that is no cost line, intervention or income line. */
  outcomeUnknownPost: m<{ text: string; costs: string; interventions: string; income: readonly string[] }>(
    (p) =>
      `Okänd post ${q(p.text)}. Posten ska vara en kostnadspost på bladet ${q(p.costs)}, en insats Nr eller namn på bladet ${q(p.interventions)}, eller ${list(p.income, q, 'eller')}.`,
    (p) =>
      `Unknown item ${qe(p.text)}. The item must be a cost line on the sheet ${qe(p.costs)}, an intervention's Nr or name on the sheet ${qe(p.interventions)}, or ${list(p.income, qe, 'or')}.`,
  ),
  /** A month column of `Utfall` with amounts, in another year than the follow-up's. */
  outcomeMonthOutsideYear: m<{ month: string; year: number }>(
    (p) =>
      `Kolumnen ${p.month} har belopp, men uppföljningen gäller ${p.year}. Ta bort kolumnen eller ändra Uppföljning till och med.`,
    (p) =>
      `The column ${p.month} holds amounts, but the follow-up is of ${p.year}. Remove the column or change Follow-up through.`,
  ),
  /** An amount in a month after `Uppföljning till och med`. */
  outcomeMonthAfterThrough: m<{ month: string; through: string }>(
    (p) =>
      `Ett utfall för ${p.month}, men Uppföljning till och med är ${p.through}. Flytta fram Uppföljning till och med eller töm cellen.`,
    (p) => `An outcome for ${p.month}, but Follow-up through is ${p.through}. Move Follow-up through forward or empty the cell.`,
  ),
  /** Months up to `Uppföljning till och med` without a column on `Utfall`. */
  outcomeMonthMissing: m<{ months: readonly string[] }>(
    (p) =>
      `Bladet saknar kolumn för ${p.months.join(', ')}. Lägg till en kolumn per månad (t.ex. 2024-01), även när utfallet är 0.`,
    (p) =>
      `The sheet has no column for ${p.months.join(', ')}. Add a column per month (e.g. 2024-01), also when the outcome is 0.`,
  ),
  /** Warning: an `Utfall` sheet while `Uppföljning till och med` is empty. */
  outcomeIgnored: m<{ parameter: string }>(
    (p) => `Bladet används inte: ${p.parameter} på Inställningar är tom.`,
    (p) => `The sheet is not used: ${p.parameter} on Inställningar is empty.`,
  ),
} satisfies Record<string, Message<never>>;

export type ErrorCode = keyof typeof ERRORS;
export type ErrorParams<C extends ErrorCode> = Parameters<(typeof ERRORS)[C]['sv']>[0];

/** The message of an error in the given language. */
export function errorMessage<C extends ErrorCode>(code: C, params: ErrorParams<C>, lang: Lang = 'sv'): string {
  const message = ERRORS[code] as Message<ErrorParams<C>>;
  return message[lang](params);
}

/** The label of a warning line (command line, pane). */
export const WARNING_LABEL = { sv: 'Varning', en: 'Warning' } as const;
/** The heading above the warnings in the command's summary. */
export const warningsHeading = (n: number, lang: Lang = 'sv'): string => (lang === 'sv' ? `Varningar: ${n}` : `Warnings: ${n}`);

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
