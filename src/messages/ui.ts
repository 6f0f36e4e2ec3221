import { formatKr, Lang, MONTHS } from './format';

/** Task pane texts: Swedish, with English when Office's display language is not Swedish. */
const UI_SV = {
  appTitle: 'Finsam Budget',
  compute: 'Beräkna',
  computing: 'Beräknar…',
  phaseReading: 'Läser underlaget…',
  phaseComputing: 'Beräknar budget, likviditet och kontroller…',
  phaseWriting: 'Skriver Sammanfattning, Budget och de andra beräknade bladen…',
  phaseStep: (step: number) => `Steg ${step} av 3`,
  resultWritten: (time: string) => `Beräknat och skrivet ${time}`,
  resultInputErrors: (n: number, time: string) => `Inget skrevs: ${n} fel i indata (${time})`,
  resultFailed: 'Inget skrevs.',
  autoRecompute: 'Automatisk omräkning',
  autoHint: 'Räknar om när du ändrar underlaget.',
  stale: 'Underlaget har ändrats sedan senaste beräkningen: de beräknade bladen är inaktuella.',
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
  checksCount: (ok: number, warn: number, failed: number) =>
    `${ok} OK, ${warn === 1 ? '1 varning' : `${warn} varningar`}, ${failed} ej uppfyllda`,
  onlyProblems: 'Visa bara avvikelser',
  noProblems: 'Inga avvikelser: alla kontroller är uppfyllda.',
  groupCount: (problems: number, total: number) => (problems === 0 ? `${total} OK` : `${problems} av ${total} avviker`),
  wholePlan: 'Hela planen',
  createTemplate: 'Skapa mall',
  createTemplateHint:
    'Lägger till underlagets blad (Inställningar, År, Medlemmar med flera) med exemplet (RAR i Sörmland 2024). Befintliga blad skrivs aldrig över.',
  templateCreated: 'Underlaget med exemplet är tillagt. Tryck Beräkna.',
  templateCreatedAuto: 'Underlaget med exemplet är tillagt och beräknat. Skriv in förbundets egna siffror över exemplets.',
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
  waitingForExcel: 'Väntar på Excel…',
  slowExcel: 'Excel svarar långsamt. Fönstret startar så snart Excel är redo.',
  statusLabel: 'Status',
  emptyTitle: 'Arbetsboken har inget underlag än',
  emptyHint:
    'Tryck Skapa mall: den lägger till underlagets blad (Inställningar, År, Medlemmar med flera) ifyllda med ett exempel som du sedan skriver över med förbundets siffror. Befintliga blad ändras inte.',
  previewLabel: 'Rad',
  scenariosTitle: 'Scenarier',
  scenariosHint: 'Från bladet Scenarier. Välj ett för att se dess sammanfattning och kontroller; inget skrivs.',
  scenarioBase: 'Grundbudget',
  scenarioDifference: 'Skillnad mot grundbudgeten',
  scenarioRoom: 'Utrymme för nya insatser',
  scenarioShowing: (name: string) => `Scenariot ${name} (visas bara här, inget skrivs)`,
  scenarioBack: 'Visa grundbudgeten',
  scenarioChecksTitle: (name: string) => `Kontroller: ${name}`,
} as const;

type UiTexts = {
  [K in keyof typeof UI_SV]: (typeof UI_SV)[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};

const UI_EN: UiTexts = {
  appTitle: 'Finsam Budget',
  compute: 'Compute',
  computing: 'Computing…',
  phaseReading: 'Reading the input…',
  phaseComputing: 'Computing budget, liquidity and checks…',
  phaseWriting: 'Writing Sammanfattning, Budget and the other computed sheets…',
  phaseStep: (step) => `Step ${step} of 3`,
  resultWritten: (time) => `Computed and written at ${time}`,
  resultInputErrors: (n, time) => `Nothing written: ${n === 1 ? 'one input error' : `${n} input errors`} (${time})`,
  resultFailed: 'Nothing was written.',
  autoRecompute: 'Automatic recalculation',
  autoHint: 'Recomputes when you edit the input.',
  stale: 'The input has changed since the last computation: the computed sheets are out of date.',
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
  checksCount: (ok, warn, failed) => `${ok} OK, ${warn === 1 ? '1 warning' : `${warn} warnings`}, ${failed} not met`,
  onlyProblems: 'Show only deviations',
  noProblems: 'No deviations: every check is met.',
  groupCount: (problems, total) => (problems === 0 ? `${total} OK` : `${problems} of ${total} deviate`),
  wholePlan: 'Whole plan',
  createTemplate: 'Create template',
  createTemplateHint:
    'Adds the input sheets (Inställningar, År, Medlemmar and more) with the example (RAR i Sörmland 2024). Existing sheets are never overwritten.',
  templateCreated: 'The input sheets with the example were added. Press Compute.',
  templateCreatedAuto:
    'The input sheets with the example were added and computed. Type your förbund’s own figures over the example’s.',
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
  waitingForExcel: 'Waiting for Excel…',
  slowExcel: 'Excel is slow to answer. The pane starts as soon as Excel is ready.',
  statusLabel: 'Status',
  emptyTitle: 'The workbook has no input sheets yet',
  emptyHint:
    'Press Create template: it adds the input sheets (Inställningar, År, Medlemmar and more) filled in with an example that you then overwrite with your förbund’s figures. Existing sheets are not changed.',
  previewLabel: 'Row',
  scenariosTitle: 'Scenarios',
  scenariosHint: 'From the Scenarier sheet. Choose one to see its summary and checks; nothing is written.',
  scenarioBase: 'Base budget',
  scenarioDifference: 'Difference from the base',
  scenarioRoom: 'Room for new grants',
  scenarioShowing: (name) => `The scenario ${name} (shown here only, nothing is written)`,
  scenarioBack: 'Show the base budget',
  scenarioChecksTitle: (name) => `Checks: ${name}`,
};

export type Ui = UiTexts;
export const ui: Record<Lang, Ui> = { sv: UI_SV, en: UI_EN };

/** Swedish for any Swedish display language (sv, sv-SE, sv-FI), English otherwise. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}

/** A time of day as the pane shows it: 09:41 (local time). */
export function clockTime(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * How far a figure is from its goal's limit: a cap (highest allowed) or a floor (lowest allowed).
 * "699 000 kr över taket 2 700 000 kr", "1 200 000 kr över golvet 500 000 kr".
 */
export function limitNote(kind: 'cap' | 'floor', value: number, limit: number, lang: Lang = 'sv'): string {
  const gap = formatKr(Math.abs(value - limit));
  const above = value > limit;
  if (lang === 'sv')
    return kind === 'cap'
      ? `${gap} ${above ? 'över' : 'under'} taket ${formatKr(limit)}`
      : `${gap} ${above || value === limit ? 'över' : 'under'} golvet ${formatKr(limit)}`;
  return kind === 'cap'
    ? `${gap} ${above ? 'above' : 'below'} the cap of ${formatKr(limit)}`
    : `${gap} ${above || value === limit ? 'above' : 'below'} the floor of ${formatKr(limit)}`;
}

/**
 * The room for new grants of a year as one sentence (domain.md, "Room for new grants"): "Utrymme för
 * nya insatser 2025: 1 234 000 kr — begränsas av Lägsta likviditet i november". `month` is the binding
 * month's index within its year (1–12) and its year, or null (year-end equity binds); `goal` is the
 * binding goal's name in the pane's language, null when no goal limits the room.
 */
export function roomSentence(
  p: { year: number; amount: number | null; goal: string | null; month: { month: number; year: number } | null },
  lang: Lang = 'sv',
): string {
  const monthText = p.month ? `${MONTHS[lang][p.month.month - 1]}${p.month.year === p.year ? '' : ` ${p.month.year}`}` : null;
  if (lang === 'sv') {
    const head = `Utrymme för nya insatser ${p.year}`;
    if (p.amount === null) return `${head}: inget av målen begränsar det`;
    const by = p.goal ? ` — begränsas av ${p.goal}${monthText ? ` i ${monthText}` : ''}` : '';
    return `${head}: ${formatKr(p.amount)}${by}`;
  }
  const head = `Room for new grants ${p.year}`;
  if (p.amount === null) return `${head}: none of the goals limits it`;
  const by = p.goal ? ` — limited by ${p.goal}${monthText ? ` in ${monthText}` : ''}` : '';
  return `${head}: ${formatKr(p.amount)}${by}`;
}
