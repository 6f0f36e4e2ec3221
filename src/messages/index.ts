/**
 * Every user-facing text: Swedish first, English as fallback for the task pane when Office's
 * display language is not Swedish. Workbook output, input errors and the command line are Swedish
 * (the workbook contract); code identifiers are English.
 */
import { monthOf, MonthIndex, YMD } from './engine/calendar';
import type { Money } from './engine/money';
import type { Check, CheckStatus, GoalId, Party } from './engine/types';

export type Lang = 'sv' | 'en';

const NBSP = '\u00a0';

/** 1308750 → "1 308 750" (non-breaking spaces), negatives with a minus sign. */
export function formatNumber(value: Money | number): string {
  const s = typeof value === 'number' ? String(Math.round(value)) : value.toFixed(0);
  const negative = s.startsWith('-');
  const digits = negative ? s.slice(1) : s;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return (negative ? '−' : '') + grouped;
}

export function formatKr(value: Money | number): string {
  return `${formatNumber(value)}${NBSP}kr`;
}

const MONTHS_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
/** jan, feb, …, maj, …, okt, … (the first three letters of the Swedish month names). */
export const MONTH_ABBR_SV = MONTHS_SV.map((m) => m.slice(0, 3));
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export function formatMonth(index: MonthIndex, lang: Lang = 'sv'): string {
  const { year, month } = monthOf(index);
  return `${(lang === 'sv' ? MONTHS_SV : MONTHS_EN)[month - 1]} ${year}`;
}

function formatDate(d: YMD, lang: Lang): string {
  return lang === 'sv' ? `${d.day} ${MONTHS_SV[d.month - 1]} ${d.year}` : `${d.day} ${MONTHS_EN[d.month - 1]} ${d.year}`;
}

export const GOAL_NAMES: Record<GoalId | 'unspreadable', string> = {
  liquidity: 'Lägsta likviditet',
  decisionRoom: 'Beslutsutrymme',
  minContributions: 'Lägsta medlemsavgifter',
  maxEquity: 'Högsta eget kapital',
  nonNegativeEquity: 'Eget kapital ej negativt',
  balancedBudget: 'Budget i balans',
  esfSeparate: 'ESF hålls isär',
  budgetDeadline: 'Budgetbeslut senast',
  threeYearPlan: 'Treårsplan',
  unspreadable: 'Insats utan månader',
};

const GOAL_NAMES_EN: Record<GoalId | 'unspreadable', string> = {
  liquidity: 'Minimum liquidity',
  decisionRoom: 'Decision room',
  minContributions: 'Minimum contributions',
  maxEquity: 'Maximum equity',
  nonNegativeEquity: 'Equity not negative',
  balancedBudget: 'Balanced budget',
  esfSeparate: 'ESF kept apart',
  budgetDeadline: 'Budget adopted by',
  threeYearPlan: 'Three-year plan',
  unspreadable: 'Intervention without months',
};

export const STATUS_SV: Record<CheckStatus, string> = { ok: 'OK', warning: 'Varning', failed: 'Ej uppfyllt' };
const STATUS_EN: Record<CheckStatus, string> = { ok: 'OK', warning: 'Warning', failed: 'Not met' };

export const PARTY_SV: Record<Party, string> = { state: 'Stat', region: 'Region', municipalities: 'Kommun' };

export function goalName(goal: GoalId | 'unspreadable', lang: Lang = 'sv'): string {
  return (lang === 'sv' ? GOAL_NAMES : GOAL_NAMES_EN)[goal];
}

export function statusLabel(status: CheckStatus, lang: Lang = 'sv'): string {
  return (lang === 'sv' ? STATUS_SV : STATUS_EN)[status];
}

/** The explanation of a check, in Swedish (workbook, CLI) or English (task pane fallback). */
export function checkMessage(check: Check, lang: Lang = 'sv'): string {
  const sv = lang === 'sv';
  const d = check.detail;
  const v = check.value as Money;
  const lim = check.limit as Money;
  const ok = check.status === 'ok';
  switch (d.code) {
    case 'liquidity':
      return sv
        ? `Lägsta likviditet ${formatKr(v)} i ${formatMonth(d.worstMonth)}; gränsen är ${formatKr(lim)}.${ok ? '' : ' Likviditeten underskrider gränsen.'}`
        : `Lowest cash ${formatKr(v)} in ${formatMonth(d.worstMonth, 'en')}; the limit is ${formatKr(lim)}.${ok ? '' : ' Cash falls below the limit.'}`;
    case 'decisionRoom':
      if (d.worstMonth === null) {
        return sv
          ? 'Ingen månad detta år kan bedömas: sexmånadersfönstret går förbi planens sista månad.'
          : "No month of this year can be judged: the window runs past the plan's last month.";
      }
      return sv
        ? `Lägsta beslutsutrymme ${formatKr(v)} i ${formatMonth(d.worstMonth)} (efter planerade insatser ${formatKr(d.afterPlanned!)}); gränsen är ${formatKr(lim)}.`
        : `Lowest decision room ${formatKr(v)} in ${formatMonth(d.worstMonth, 'en')} (after planned interventions ${formatKr(d.afterPlanned!)}); the limit is ${formatKr(lim)}.`;
    case 'minContributions':
      return ok
        ? sv
          ? `Medlemsavgifterna ${formatKr(v)} når gränsen ${formatKr(lim)}.`
          : `Contributions ${formatKr(v)} reach the limit ${formatKr(lim)}.`
        : sv
          ? `Medlemsavgifterna ${formatKr(v)} understiger ${formatKr(lim)}: beslut om finansiering ska innehålla en reservation.`
          : `Contributions ${formatKr(v)} are below ${formatKr(lim)}: funding decisions carry a reservation.`;
    case 'maxEquity': {
      const pct = d.percent
        ? ` (${d.percent.times(100).toDecimalPlaces(2).toString().replace('.', ',')} % av medlemsavgifterna)`
        : '';
      return sv
        ? `Eget kapital vid årets slut ${formatKr(v)}; högsta tillåtna ${formatKr(lim)}${pct}.${ok ? '' : ' Sparade medel överstiger rekommendationen.'}`
        : `Equity at year end ${formatKr(v)}; the maximum is ${formatKr(lim)}.${ok ? '' : ' Saved funds exceed the recommendation.'}`;
    }
    case 'nonNegativeEquity':
      return sv
        ? `Eget kapital vid årets slut ${formatKr(v)}.${ok ? '' : ' Negativt eget kapital: medlemmarna får täcka underskottet (22 §).'}`
        : `Equity at year end ${formatKr(v)}.${ok ? '' : ' Negative equity: members must cover the deficit.'}`;
    case 'balancedBudget':
      if (ok) return sv ? `Årets resultat ${formatKr(v)}.` : `The year's result is ${formatKr(v)}.`;
      return check.status === 'warning'
        ? sv
          ? `Underskott ${formatKr(v.negated())} som täcks av eget kapital (${formatKr(d.equityStart)} vid årets början).`
          : `A deficit of ${formatKr(v.negated())}, covered by equity (${formatKr(d.equityStart)} at the start of the year).`
        : sv
          ? `Underskott ${formatKr(v.negated())} som inte täcks av eget kapital (${formatKr(d.equityStart)} vid årets början).`
          : `A deficit of ${formatKr(v.negated())} that equity (${formatKr(d.equityStart)}) does not cover.`;
    case 'esfSeparate': {
      const diff = d.esfIncome.minus(d.esfCosts);
      if (diff.isZero()) {
        return sv
          ? `ESF-intäkter och ESF-finansierade kostnader är lika (${formatKr(d.esfIncome)}).`
          : `ESF income equals ESF-funded costs (${formatKr(d.esfIncome)}).`;
      }
      return diff.isPositive()
        ? sv
          ? `ESF-intäkterna ${formatKr(d.esfIncome)} överstiger ESF-finansierade kostnader ${formatKr(d.esfCosts)} med ${formatKr(diff)}: ESF-medel används till Finsam-verksamhet.`
          : `ESF income ${formatKr(d.esfIncome)} exceeds ESF-funded costs ${formatKr(d.esfCosts)} by ${formatKr(diff)}: ESF money pays for Finsam work.`
        : sv
          ? `ESF-finansierade kostnader ${formatKr(d.esfCosts)} överstiger ESF-intäkterna ${formatKr(d.esfIncome)} med ${formatKr(diff.negated())}: Finsam-medel används till ESF-verksamhet.`
          : `ESF-funded costs ${formatKr(d.esfCosts)} exceed ESF income ${formatKr(d.esfIncome)} by ${formatKr(diff.negated())}: Finsam money pays for ESF work.`;
    }
    case 'budgetDeadline':
      return sv
        ? `Budgeten beslutas ${formatDate(d.date, 'sv')}; senast ${formatDate(d.deadline, 'sv')} (23 §).`
        : `The budget is adopted on ${formatDate(d.date, 'en')}; the deadline is ${formatDate(d.deadline, 'en')}.`;
    case 'threeYearPlan':
      return sv
        ? `Planen omfattar ${d.years} år; kommunallagen (11 kap. 6 §) kräver en plan för tre år.`
        : `The plan covers ${d.years} years; the law requires a three-year plan.`;
    case 'unspreadable':
      return sv
        ? `Insatsen ”${d.intervention}” har ${formatKr(d.amount)} kvar men inga månader att fördela dem på (den slutade före planen).`
        : `Intervention "${d.intervention}" has ${formatKr(d.amount)} left but no months to spread it over.`;
  }
}

/** Input errors: always Swedish (the workbook contract). */
export const inputErrors = {
  missingSheet: (sheet: string) => `Bladet ”${sheet}” saknas. Det krävs för beräkningen.`,
  missingHeader: (sheet: string, columns: string[]) =>
    `Hittar ingen rubrikrad med ${columns.map((c) => `”${c}”`).join(', ')} bland de första 20 raderna på bladet ”${sheet}”.`,
  missingColumn: (column: string) => `Kolumnen ”${column}” saknas.`,
  required: (what: string) => `${what} måste fyllas i.`,
  notANumber: (text: string) => `”${text}” är inte ett tal. Skriv t.ex. 1 308 750 eller 1308750.`,
  notWholeKronor: (text: string) => `”${text}” är inte hela kronor.`,
  notAPercent: (text: string) => `”${text}” är inte en procentsats. Skriv t.ex. 25 % eller 0,25.`,
  percentTooLarge: (text: string) =>
    `”${text}” är större än 1 utan procenttecken. Skriv ${text} % eller som decimaltal (t.ex. 0,03).`,
  notADate: (text: string) => `”${text}” är inte ett datum. Skriv t.ex. 2024-01-15 eller 2024-01.`,
  notYesNo: (text: string) => `”${text}” ska vara Ja eller Nej.`,
  notAnInteger: (text: string, what: string) => `”${text}” ska vara ${what} (ett heltal).`,
  negative: (what: string) => `${what} får inte vara negativt.`,
  outOfRange: (what: string, min: number, max: number) => `${what} ska vara mellan ${min} och ${max}.`,
  unknownChoice: (text: string, choices: string[]) =>
    `”${text}” är inte tillåtet. Välj ${choices.map((c) => `”${c}”`).join(' eller ')}.`,
  unknownParameter: (text: string, known: string[]) => `Okänd parameter ”${text}”. Kända: ${known.join(', ')}.`,
  unknownGoal: (text: string, known: string[]) => `Okänt mål ”${text}”. Kända mål: ${known.join(', ')}.`,
  duplicate: (what: string, text: string, firstCell: string) => `${what} ”${text}” finns redan (${firstCell}).`,
  sharesSum: (total: string) => `Parternas andelar summerar till ${total} %, inte 100 %.`,
  stateEqualsOthers: (state: string, others: string) =>
    `Statens andel (${state} %) ska vara lika med regionens och kommunernas tillsammans (${others} %) enligt 5 § lagen (2003:1210).`,
  yearsMismatch: (expected: number[], found: number[]) =>
    `Bladet ska ha en rad för varje planår ${expected.join(', ')}; hittade ${found.length ? found.join(', ') : 'inga'}.`,
  yearNotInPlan: (year: number, first: number, last: number) => `År ${year} ligger utanför planen (${first}–${last}).`,
  endBeforeStart: (end: string, start: string) => `Slutdatum ${end} ligger före startdatum ${start}.`,
  spentAboveTotal: (spent: string, total: string) => `Förbrukat före planår (${spent}) är mer än budget totalt (${total}).`,
  yearOutsidePeriod: (year: number, start: string, end: string) =>
    `Ett belopp för ${year}, men insatsen pågår ${start} – ${end}.`,
  yearAmountsTooLarge: (given: string, remaining: string) =>
    `Beloppen per år (${given}) är mer än det som återstår av budgeten (${remaining}).`,
  noPayer: (party: string, year: number) => `Ingen betalande medlem i part ${party} år ${year}, men parten har en andel.`,
  noPopulation: (year: number) => `Kommunerna har tillsammans 0 invånare år ${year}: kommunernas andel kan inte fördelas.`,
  balanceMismatch: (assets: string, claims: string, diff: string) =>
    `Ingående balans går inte ihop: tillgångar ${assets} men eget kapital och skulder ${claims} (skillnad ${diff}).`,
  unknownBalanceItem: (text: string, known: string[]) => `Okänd post ”${text}”. Kända: ${known.join(', ')}.`,
  notOwnedSheet: (sheet: string) =>
    `Bladet ”${sheet}” finns redan men är inte skapat av Finsam Budget. Byt namn på det eller ta bort det; verktyget skriver aldrig över ett eget blad.`,
  dayMonth: (text: string) => `”${text}” är inte en dag och månad. Skriv t.ex. 30 november eller 11-30.`,
} as const;

/** Command line texts (Swedish). */
export const cliText = {
  usage: `Användning:
  finsam-budget refresh <arbetsbok.xlsx> [--out <fil.xlsx>] [--json] [--strict]
  finsam-budget template <fil.xlsx>

Slutkoder: 0 beräknat, 1 fel i indata (inget skrivet), 2 felaktigt anrop eller oläslig fil,
3 med --strict när något mål är Ej uppfyllt.`,
  unreadable: (file: string, reason: string) => `Kan inte läsa ”${file}” som en Excel-arbetsbok (.xlsx): ${reason}`,
  exists: (file: string) => `Filen ”${file}” finns redan; mallen skriver inte över den.`,
  templateWritten: (file: string) => `Mallen med exemplet (RAR i Sörmland, plan 2024–2026) är skriven till ${file}.`,
  inputErrors: (n: number) => `${n} fel i indata; ingenting har skrivits:`,
  written: (file: string, ms: number) => `Utdatabladen är skrivna till ${file} (${ms} ms).`,
  summaryHeader: (name: string, first: number, last: number) => `${name || 'Förbundet'}: plan ${first}–${last}`,
  yearLine: (year: number, result: string, equity: string, lowCash: string) =>
    `  ${year}: resultat ${result}, eget kapital ${equity}, lägsta likviditet ${lowCash}`,
  checksHeader: (ok: number, warn: number, failed: number) => `Kontroller: ${ok} OK, ${warn} varningar, ${failed} ej uppfyllda`,
  writeFailed: (reason: string) => `Kunde inte skriva arbetsboken: ${reason}`,
} as const;

/** Task pane texts: Swedish, with English when Office's display language is not Swedish. */
const UI_SV = {
  appTitle: 'Finsam Budget',
  compute: 'Beräkna',
  computing: 'Beräknar…',
  phaseReading: 'Läser indatabladen…',
  phaseComputing: 'Beräknar budget, likviditet och kontroller…',
  phaseWriting: 'Skriver utdatabladen…',
  done: (ms: number) => `Klart på ${ms} ms.`,
  doneDetail: (read: number, compute: number, write: number) => `Läsa ${read} ms, beräkna ${compute} ms, skriva ${write} ms`,
  autoRecompute: 'Automatisk omräkning',
  autoHint: 'Räknar om när du ändrar ett indatablad.',
  stale: 'Indata har ändrats sedan senaste beräkningen: utdatabladen är inaktuella.',
  inputErrorsTitle: (n: number) =>
    n === 1 ? 'Ett fel i indata. Ingenting har skrivits.' : `${n} fel i indata. Ingenting har skrivits.`,
  goToCell: 'Gå till cell',
  showCell: 'Visa cell',
  summaryTitle: 'Sammanfattning per år',
  result: 'Årets resultat',
  equityEnd: 'Eget kapital vid årets slut',
  lowestCash: 'Lägsta likviditet',
  decisionRoom: 'Lägsta beslutsutrymme',
  notJudged: 'bedöms ej',
  checksTitle: 'Kontroller',
  checksCount: (ok: number, warn: number, failed: number) => `${ok} OK, ${warn} varningar, ${failed} ej uppfyllda`,
  wholePlan: 'Hela planen',
  createTemplate: 'Skapa mall',
  createTemplateHint: 'Lägger till indatabladen med exemplet (RAR i Sörmland 2024). Befintliga blad skrivs aldrig över.',
  templateCreated: 'Indatabladen med exemplet är tillagda. Tryck Beräkna.',
  templateExists: (names: string[]) => `Mallen lades inte till: bladen ${names.join(', ')} finns redan.`,
  standaloneTitle: 'Förhandsvisning utanför Excel',
  standaloneHint: 'Tillägget körs utanför Excel. Här räknar du på en .xlsx-fil i webbläsaren och laddar ner resultatet.',
  openFile: 'Öppna arbetsbok (.xlsx)',
  usingExample: 'Exemplet: RAR i Sörmland, plan 2024–2026',
  usingFile: (name: string) => `Arbetsbok: ${name}`,
  download: 'Ladda ner beräknad arbetsbok',
  unreadable: (name: string, reason: string) => `Kan inte läsa ”${name}” som en Excel-arbetsbok: ${reason}`,
  cellShown: (ref: string) => `Cell ${ref}`,
  failed: (reason: string) => `Något gick fel: ${reason}`,
  loading: 'Startar…',
  statusLabel: 'Status',
} as const;

type UiTexts = {
  [K in keyof typeof UI_SV]: (typeof UI_SV)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const UI_EN: UiTexts = {
  appTitle: 'Finsam Budget',
  compute: 'Compute',
  computing: 'Computing…',
  phaseReading: 'Reading the input sheets…',
  phaseComputing: 'Computing budget, liquidity and checks…',
  phaseWriting: 'Writing the output sheets…',
  done: (ms) => `Done in ${ms} ms.`,
  doneDetail: (read, compute, write) => `Read ${read} ms, compute ${compute} ms, write ${write} ms`,
  autoRecompute: 'Automatic recalculation',
  autoHint: 'Recomputes when you edit an input sheet.',
  stale: 'The input has changed since the last computation: the output sheets are out of date.',
  inputErrorsTitle: (n) => (n === 1 ? 'One input error. Nothing was written.' : `${n} input errors. Nothing was written.`),
  goToCell: 'Go to cell',
  showCell: 'Show cell',
  summaryTitle: 'Summary per year',
  result: 'Result',
  equityEnd: 'Equity at year end',
  lowestCash: 'Lowest cash',
  decisionRoom: 'Lowest decision room',
  notJudged: 'not judged',
  checksTitle: 'Checks',
  checksCount: (ok, warn, failed) => `${ok} OK, ${warn} warnings, ${failed} not met`,
  wholePlan: 'Whole plan',
  createTemplate: 'Create template',
  createTemplateHint: 'Adds the input sheets with the example (RAR i Sörmland 2024). Existing sheets are never overwritten.',
  templateCreated: 'The input sheets with the example were added. Press Compute.',
  templateExists: (names) => `The template was not added: the sheets ${names.join(', ')} already exist.`,
  standaloneTitle: 'Preview outside Excel',
  standaloneHint: 'The add-in runs outside Excel. Compute an .xlsx file in the browser and download the result.',
  openFile: 'Open workbook (.xlsx)',
  usingExample: 'The example: RAR i Sörmland, plan 2024–2026',
  usingFile: (name) => `Workbook: ${name}`,
  download: 'Download computed workbook',
  unreadable: (name, reason) => `Cannot read "${name}" as an Excel workbook: ${reason}`,
  cellShown: (ref) => `Cell ${ref}`,
  failed: (reason) => `Something went wrong: ${reason}`,
  loading: 'Starting…',
  statusLabel: 'Status',
};

export type Ui = UiTexts;
export const ui: Record<Lang, Ui> = { sv: UI_SV as unknown as Ui, en: UI_EN };

/** Swedish for any Swedish display language (sv, sv-SE, sv-FI), English otherwise. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
