/** Command line texts (Swedish: the command's output is part of the workbook contract). */
export const cliText = {
  usage: `Användning:
  finsam-budget refresh <arbetsbok.xlsx> [--out <fil.xlsx>] [--json] [--strict]
  finsam-budget template <fil.xlsx> [--empty]

Slutkoder: 0 beräknat, 1 fel i indata (inget skrivet), 2 felaktigt anrop eller oläslig fil,
3 med --strict när något mål är Ej uppfyllt.`,
  unreadable: (file: string, reason: string) => `Kan inte läsa ”${file}” som en Excel-arbetsbok (.xlsx): ${reason}`,
  exists: (file: string) => `Filen ”${file}” finns redan; mallen skriver inte över den.`,
  templateWritten: (file: string) => `Mallen med exemplet (RAR i Sörmland, plan 2024–2026) är skriven till ${file}.`,
  emptyTemplateWritten: (file: string) => `En tom mall (rubriker, målens standardvärden, inga data) är skriven till ${file}.`,
  inputErrors: (n: number) => `${n} fel i indata; ingenting har skrivits:`,
  written: (file: string, ms: number) => `De beräknade bladen är skrivna till ${file} (${ms} ms).`,
  summaryHeader: (name: string, first: number, last: number) => `${name || 'Förbundet'}: plan ${first}–${last}`,
  yearLine: (year: string, result: string, equity: string, lowCash: string) =>
    `  ${year}: resultat ${result}, eget kapital ${equity}, lägsta likviditet ${lowCash}`,
  /** A scenario of `Scenarier` (the comparison is on `Scenariojämförelse`): its result per year. */
  scenarioLine: (name: string, results: readonly string[]) => `  Scenario ”${name}”: resultat ${results.join(', ')}`,
  checksHeader: (ok: number, warn: number, failed: number) => `Kontroller: ${ok} OK, ${warn} varningar, ${failed} ej uppfyllda`,
  writeFailed: (reason: string) => `Kunde inte skriva arbetsboken: ${reason}`,
} as const;
