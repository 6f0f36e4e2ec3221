import type { Lang } from './format';

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
export const ui: Record<Lang, Ui> = { sv: UI_SV, en: UI_EN };

/** Swedish for any Swedish display language (sv, sv-SE, sv-FI), English otherwise. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('sv') ? 'sv' : 'en';
}
