/**
 * Why a refresh of an .xlsx file refuses to write (Swedish and English): things in the workbook it
 * could not keep, an output name taken by a sheet of the user's, a text Excel cannot hold, a workbook
 * too large to read safely. The host layer's typed errors carry the facts; the words are here.
 */
import type { Lang } from './format';

export type PackageProblem =
  | { code: 'cannotKeep'; items: readonly { kind: string; sheet: string; part: string }[] }
  | { code: 'notOwned'; sheet: string }
  | { code: 'cellTextTooLong'; sheet: string; cell: string; length: number }
  | { code: 'invalidOutput'; sheet: string; reason: string }
  | { code: 'tooLarge'; file: string };

const KIND: Record<string, { sv: string; en: string }> = {
  drawing: { sv: 'ett diagram, en bild eller en figur', en: 'a chart, picture or shape' },
  table: { sv: 'en tabell', en: 'a table' },
  pivotTable: { sv: 'en pivottabell', en: 'a pivot table' },
  pivotSource: { sv: 'en pivottabell som hämtar sina data härifrån', en: 'a pivot table that takes its data from here' },
  comments: { sv: 'kommentarer', en: 'comments' },
  vmlDrawing: { sv: 'kommentarer eller kontroller', en: 'comments or controls' },
  oleObject: { sv: 'ett inbäddat objekt', en: 'an embedded object' },
  ctrlProp: { sv: 'en formulärkontroll', en: 'a form control' },
  notWorksheet: { sv: 'ett diagramblad med samma namn', en: 'a chart sheet of the same name' },
  strictOoxml: { sv: 'formatet Strict Open XML', en: 'the Strict Open XML format' },
};

const what = (kind: string, lang: Lang) => KIND[kind]?.[lang] ?? (lang === 'sv' ? `innehåll (${kind})` : `content (${kind})`);

export function packageProblemText(problem: PackageProblem, lang: Lang = 'sv'): string {
  const sv = lang === 'sv';
  switch (problem.code) {
    case 'cannotKeep': {
      const list = problem.items.map((i) =>
        i.kind === 'strictOoxml'
          ? what(i.kind, lang)
          : sv
            ? `${what(i.kind, lang)} på bladet ”${i.sheet}”`
            : `${what(i.kind, lang)} on the sheet "${i.sheet}"`,
      );
      const unique = [...new Set(list)].join(sv ? '; ' : '; ');
      return sv
        ? `Ingenting har skrivits: arbetsboken har ${unique}, som skulle gå förlorat när verktyget skriver om sina beräknade blad. Flytta det till ett eget blad (eller spara som vanlig .xlsx) och försök igen.`
        : `Nothing was written: the workbook has ${unique}, which would be lost when the tool rewrites its computed sheets. Move it to a sheet of your own (or save as a normal .xlsx) and try again.`;
    }
    case 'notOwned':
      return sv
        ? `Ingenting har skrivits: bladet ”${problem.sheet}” finns redan men är inte skapat av Finsam Budget. Byt namn på det eller ta bort det.`
        : `Nothing was written: the sheet "${problem.sheet}" exists but was not created by Finsam Budget. Rename or delete it.`;
    case 'cellTextTooLong':
      return sv
        ? `Ingenting har skrivits: texten i ${problem.sheet}!${problem.cell} skulle bli ${problem.length} tecken, mer än Excels gräns 32 767. Korta namnet i underlaget.`
        : `Nothing was written: the text in ${problem.sheet}!${problem.cell} would be ${problem.length} characters, more than Excel's limit of 32 767. Shorten the name in the input.`;
    case 'invalidOutput':
      return sv
        ? `Ingenting har skrivits: bladet ”${problem.sheet}” kan inte skrivas (${problem.reason}).`
        : `Nothing was written: the sheet "${problem.sheet}" cannot be written (${problem.reason}).`;
    case 'tooLarge':
      return sv
        ? `Filen ”${problem.file}” är för stor för att läsas säkert (mer än en miljon celler eller 1 GB uppackat). Ta bort blad eller rader som inte behövs och försök igen.`
        : `"${problem.file}" is too large to read safely (over a million cells or 1 GB unpacked). Remove sheets or rows that are not needed and try again.`;
  }
}
