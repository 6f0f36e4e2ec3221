/**
 * Bad input through the real command (in-process `main`): exit 1, the JSON error's sheet, cell, code
 * and message, nothing else reported as a knock-on where noted, and the file byte-identical. Also the
 * reading rules that must compute (sum rows that add up, NFC sheet names, rich-text hyperlinks) and
 * the warnings.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { runCli } from './helpers/cli';
import type { ErrorCode } from '../src/messages/errors';
import type { PlanJson } from '../src/workbook/json';
import type { TemplateSheet } from '../src/workbook/example';
import { exampleFile, sheetOf, tempDir } from './helpers/files';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type Sheets = TemplateSheet[];
/** The example, changed on its template sheets and then cell by cell in ExcelJS (formulas, rich text). */
async function book(name: string, mutate: (s: Sheets) => void, cells?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = await exampleFile(dir, `${name.replace(/\W+/g, '-')}.xlsx`, mutate);
  if (cells) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    cells(wb);
    await wb.xlsx.writeFile(file);
  }
  return file;
}
const rows = (s: Sheets, name: string) => sheetOf(s, name).rows;
const none = () => undefined;

type Case = [string, (s: Sheets) => void, ((wb: ExcelJS.Workbook) => void) | undefined, string, string, ErrorCode, RegExp];
const CASES: Case[] = [
  [
    'text as an amount',
    (s) => (rows(s, 'År')[1]![3] = 'två miljoner'),
    undefined,
    'År',
    'D2',
    'notANumber',
    /”två miljoner” är inte ett tal/,
  ],
  [
    'a fraction of a krona',
    (s) => (rows(s, 'År')[1]![1] = 16000000.5),
    undefined,
    'År',
    'B2',
    'notWholeKronor',
    /inte hela kronor/,
  ],
  ['1e308 as an amount', (s) => (rows(s, 'Insatser')[2]![7] = 1e308), undefined, 'Insatser', 'H3', 'amountTooLarge', /för stort/],
  [
    'a 45-digit amount',
    (s) => (rows(s, 'Kostnader')[1]![4] = '1'.repeat(45)),
    undefined,
    'Kostnader',
    'E2',
    'amountTooLarge',
    /för stort/,
  ],
  [
    'an amount above 10^12',
    (s) => (rows(s, 'År')[1]![4] = 1_000_000_000_001),
    undefined,
    'År',
    'E2',
    'amountTooLarge',
    /1 000 000 000 000 kr/,
  ],
  [
    'a bare share above 1',
    (s) => (rows(s, 'Inställningar')[4]![1] = 3),
    undefined,
    'Inställningar',
    'B5',
    'percentTooLarge',
    /större än 1 utan procenttecken/,
  ],
  [
    'text as a percentage',
    (s) => (rows(s, 'Kostnader')[1]![3] = 'mycket'),
    undefined,
    'Kostnader',
    'D2',
    'notAPercent',
    /inte en procentsats/,
  ],
  [
    'text as a date',
    (s) => (rows(s, 'Insatser')[2]![5] = 'snart'),
    undefined,
    'Insatser',
    'F3',
    'notADate',
    /”snart” är inte ett datum/,
  ],
  [
    'a date in 2300',
    (s) => (rows(s, 'Insatser')[2]![6] = '2300-01-01'),
    undefined,
    'Insatser',
    'G3',
    'yearOutOfRange',
    /mellan 1900 och 2200/,
  ],
  [
    'a date-formatted 150 000 000',
    (s) => (rows(s, 'Insatser')[2]![5] = 150000000),
    undefined,
    'Insatser',
    'F3',
    'notADate',
    /”150000000” är inte ett datum/,
  ],
  [
    'text as yes/no',
    (s) => (rows(s, 'Medlemmar')[1]![3] = 'kanske'),
    undefined,
    'Medlemmar',
    'D2',
    'notYesNo',
    /ska vara Ja eller Nej/,
  ],
  [
    'an unknown party',
    (s) => (rows(s, 'Medlemmar')[1]![1] = 'Kyrka'),
    undefined,
    'Medlemmar',
    'B2',
    'unknownChoice',
    /”Kyrka” är inte tillåtet/,
  ],
  [
    'an unknown status',
    (s) => (rows(s, 'Insatser')[2]![4] = 'Pausad'),
    undefined,
    'Insatser',
    'E3',
    'unknownChoice',
    /”Pausad” är inte tillåtet/,
  ],
  [
    'an unknown funding',
    (s) => (rows(s, 'Kostnader')[1]![2] = 'EU'),
    undefined,
    'Kostnader',
    'C2',
    'unknownChoice',
    /”EU” är inte tillåtet/,
  ],
  [
    'an unknown cost kind',
    (s) => (rows(s, 'Kostnader')[1]![1] = 'Hyra'),
    undefined,
    'Kostnader',
    'B2',
    'unknownChoice',
    /”Hyra” är inte tillåtet/,
  ],
  [
    'an unknown rounding',
    (s) => (rows(s, 'Inställningar')[7]![1] = 'öre'),
    undefined,
    'Inställningar',
    'B8',
    'unknownChoice',
    /”öre” är inte tillåtet/,
  ],
  [
    'an unknown parameter',
    (s) => rows(s, 'Inställningar').splice(1, 0, ['Valuta', 'SEK']),
    undefined,
    'Inställningar',
    'A2',
    'unknownParameter',
    /Okänd parameter ”Valuta”/,
  ],
  [
    'an unknown balance item',
    (s) => rows(s, 'Ingående balans').push(['Kassa', 5]),
    undefined,
    'Ingående balans',
    'A8',
    'unknownBalanceItem',
    /Okänd post ”Kassa”/,
  ],
  [
    'a duplicate year',
    (s) => rows(s, 'År').push([2025, 1, 12, 0, 0, 0, 0]),
    undefined,
    'År',
    'A5',
    'duplicate',
    /Året ”2025” finns redan \(A3\)/,
  ],
  [
    'a duplicate goal',
    (s) => rows(s, 'Mål').push(['Beslutsutrymme', 1, 'Ja']),
    undefined,
    'Mål',
    'A11',
    'duplicate',
    /Målet ”Beslutsutrymme” finns redan \(A3\)/,
  ],
  [
    'a duplicate parameter',
    (s) => rows(s, 'Inställningar').splice(2, 0, ['Förbund', 'Annat förbund']),
    undefined,
    'Inställningar',
    'A3',
    'duplicate',
    /Parametern ”Förbund” finns redan \(A2\)/,
  ],
  [
    'a missing Medlemsavgifter column',
    (s) => rows(s, 'År').forEach((r) => r.splice(1, 1)),
    undefined,
    'År',
    'G1',
    'missingColumn',
    /Kolumnen ”Medlemsavgifter” saknas/,
  ],
  [
    'a missing Inställningar sheet',
    (s) =>
      s.splice(
        s.findIndex((x) => x.name === 'Inställningar'),
        1,
      ),
    undefined,
    'Inställningar',
    'A1',
    'missingSheet',
    /Bladet ”Inställningar” saknas/,
  ],
  [
    'a year 1800 on År',
    (s) => (rows(s, 'År')[3]![0] = 1800),
    undefined,
    'År',
    'A4',
    'yearOutOfRange',
    /”1800” är inget rimligt år/,
  ],
  [
    'a first plan year 3000',
    (s) => (rows(s, 'Inställningar')[2]![1] = 3000),
    undefined,
    'Inställningar',
    'B3',
    'outOfRange',
    /mellan 1900 och 2200/,
  ],
  [
    'eleven plan years',
    (s) => (rows(s, 'Inställningar')[3]![1] = 11),
    undefined,
    'Inställningar',
    'B4',
    'outOfRange',
    /Antal planår ska vara mellan 1 och 10/,
  ],
  [
    'membership years inverted',
    (s) => {
      rows(s, 'Medlemmar')[0]!.push('Från år', 'Till år');
      rows(s, 'Medlemmar')[5]!.push(2026, 2025);
    },
    undefined,
    'Medlemmar',
    'F6',
    'membershipYearsInverted',
    /Till år \(2025\) ligger före Från år \(2026\)/,
  ],
  [
    'a membership year 1850',
    (s) => {
      rows(s, 'Medlemmar')[0]!.push('Från år');
      rows(s, 'Medlemmar')[5]!.push(1850);
    },
    undefined,
    'Medlemmar',
    'E6',
    'yearOutOfRange',
    /”1850” är inget rimligt år/,
  ],
  [
    'a population of 200 million',
    (s) => (rows(s, 'Medlemmar')[5]![2] = 200_000_000),
    undefined,
    'Medlemmar',
    'C6',
    'outOfRange',
    /mellan 0 och 100000000/,
  ],
  [
    'a fractional population',
    (s) => (rows(s, 'Medlemmar')[5]![2] = 9228.5),
    undefined,
    'Medlemmar',
    'C6',
    'notAnInteger',
    /ett antal invånare/,
  ],
  [
    'spent above the total',
    (s) => (rows(s, 'Insatser')[3]![8] = 300000),
    undefined,
    'Insatser',
    'I4',
    'spentAboveTotal',
    /Förbrukat före planår .* är mer än budget totalt/,
  ],
  [
    'a year amount outside the dates',
    (s) => (rows(s, 'Insatser')[3]![10] = 1000),
    undefined,
    'Insatser',
    'K4',
    'yearOutsidePeriod',
    /Ett belopp för 2025, men insatsen pågår 2024-01-01 – 2024-12-31/,
  ],
  [
    'a negative total budget',
    (s) => (rows(s, 'Insatser')[3]![7] = -5),
    undefined,
    'Insatser',
    'H4',
    'negative',
    /Budget totalt får inte vara negativ\./,
  ],
  [
    'an unbalanced opening balance',
    (s) => (rows(s, 'Ingående balans')[1]![1] = 1000000),
    undefined,
    'Ingående balans',
    'B2',
    'balanceMismatch',
    /skillnad 861\u00a0000\u00a0kr/,
  ],
  [
    'Summa kommuner that does not add up',
    (s) => rows(s, 'Medlemmar').push(['Summa kommuner', null, 168000]),
    undefined,
    'Medlemmar',
    'C14',
    'sumRowMismatch',
    /Summaraden ”Summa kommuner” har 168\u00a0000 i kolumnen ”Invånare”, men raderna ovanför summerar till 168\u00a0456 \(skillnad −456\)/,
  ],
  [
    'Summa kostnader that does not add up',
    (s) => rows(s, 'Kostnader').push(['Summa kostnader', null, null, null, 7000000]),
    undefined,
    'Kostnader',
    'E5',
    'sumRowMismatch',
    /summerar till 7\u00a0250\u00a0000 \(skillnad −250\u00a0000\)/,
  ],
  [
    'a sum row in Ingående balans that does not add up',
    (s) => rows(s, 'Ingående balans').splice(2, 0, ['Totalt', 1]),
    undefined,
    'Ingående balans',
    'B3',
    'sumRowMismatch',
    /summerar till 1\u00a0861\u00a0000/,
  ],
  [
    'two Invånare columns',
    (s) => rows(s, 'Medlemmar').forEach((r, i) => r.push(i === 0 ? 'Invånare' : 1)),
    undefined,
    'Medlemmar',
    'E1',
    'duplicateColumn',
    /Kolumnen ”Invånare” finns två gånger \(C1 och E1\)/,
  ],
  [
    'two 2025 columns',
    (s) => rows(s, 'Kostnader').forEach((r, i) => r.push(i === 0 ? 2025 : null)),
    undefined,
    'Kostnader',
    'H1',
    'duplicateColumn',
    /Kolumnen ”2025” finns två gånger \(F1 och H1\)/,
  ],
  [
    'a year column 2500',
    (s) => rows(s, 'Kostnader').forEach((r, i) => r.push(i === 0 ? '2500' : null)),
    undefined,
    'Kostnader',
    'H1',
    'yearOutOfRange',
    /”2500” är inget rimligt år/,
  ],
  [
    'two sheets named Medlemmar',
    (s) => s.push({ ...sheetOf(s, 'Medlemmar'), name: 'medlemmar ' }),
    undefined,
    'medlemmar ',
    'A1',
    'ambiguousSheet',
    /Flera blad motsvarar ”Medlemmar”: ”Medlemmar” och ”medlemmar ”/,
  ],
  [
    'a formula without a cached value',
    none,
    (wb) => (wb.getWorksheet('År')!.getCell('B3').value = { formula: 'B2*2' } as ExcelJS.CellFormulaValue),
    'År',
    'B3',
    'formulaWithoutValue',
    /formel utan beräknat värde/,
  ],
  [
    'a formula without a value where a default would apply',
    none,
    (wb) => (wb.getWorksheet('Medlemmar')!.getCell('D3').value = { formula: 'IF(1,"Ja","Nej")' } as ExcelJS.CellFormulaValue),
    'Medlemmar',
    'D3',
    'formulaWithoutValue',
    /Cellen D3 innehåller en formel/,
  ],
];

describe('bad input: exit 1, sheet, cell, code and message, the file byte-identical', () => {
  test.each(CASES)('%s', async (label, mutate, cells, sheet, cell, errorCode, message) => {
    const file = await book(label, mutate, cells);
    const before = await fs.readFile(file);
    const text = await runCli(['refresh', file]);
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/ingenting har skrivits/);
    const { code, out } = await runCli(['refresh', file, '--json']);
    expect(code).toBe(1);
    const doc = JSON.parse(out) as PlanJson;
    expect(doc.errors).toContainEqual({ sheet, cell, code: errorCode, message: expect.stringMatching(message) as string });
    expect(doc.contributions).toEqual([]);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });
});

async function json(file: string): Promise<{ code: number; doc: PlanJson; out: string }> {
  const { code, out } = await runCli(['refresh', file, '--json']);
  return { code, doc: JSON.parse(out) as PlanJson, out };
}

describe('every error of every sheet, without knock-ons', () => {
  // With the plan years unknown, År's rows are checked for their year only (which rows are plan years
  // and which history needs the plan), every other sheet in full.
  test('an error on Inställningar does not hide the other sheets', async () => {
    const file = await book('all-sheets', (s) => {
      rows(s, 'Inställningar')[2]![1] = 'tjugo';
      rows(s, 'År')[1]![0] = 'tjugofyra';
      rows(s, 'Medlemmar')[1]![1] = 'Kyrka';
      rows(s, 'Mål')[1]![2] = 'kanske';
    });
    const { code, doc } = await json(file);
    expect(code).toBe(1);
    expect(doc.errors.map((e) => `${e.sheet}!${e.cell}:${e.code}`)).toEqual([
      'Inställningar!B3:notAnInteger',
      'År!A2:notAnInteger',
      'Medlemmar!B2:unknownChoice',
      'Mål!C2:notYesNo',
    ]);
  });

  test('an end date before the start does not also report the year amount', async () => {
    const file = await book('end-before-start', (s) => (rows(s, 'Insatser')[2]![6] = new Date(Date.UTC(2023, 0, 31))));
    const { doc } = await json(file);
    expect(doc.errors.map((e) => `${e.cell}:${e.code}`)).toEqual(['G3:endBeforeStart']);
  });

  test('a negative total does not also report spent above total', async () => {
    const file = await book('negative-total', (s) => (rows(s, 'Insatser')[2]![7] = -1));
    const { doc } = await json(file);
    expect(doc.errors.map((e) => `${e.cell}:${e.code}`)).toEqual(['H3:negative']);
  });

  test('an unknown party of the only region member does not also report a region without payer', async () => {
    const file = await book('no-payer-knock-on', (s) => (rows(s, 'Medlemmar')[3]![1] = 'Regon'));
    const { doc } = await json(file);
    expect(doc.errors.map((e) => `${e.cell}:${e.code}`)).toEqual(['B4:unknownChoice']);
  });

  test('an unreadable year on År does not also report a missing plan year', async () => {
    const file = await book('year-knock-on', (s) => (rows(s, 'År')[2]![0] = 'tjugofem'));
    const { doc } = await json(file);
    expect(doc.errors.map((e) => `${e.cell}:${e.code}`)).toEqual(['A3:notAnInteger']);
  });
});

describe('real sheets that compute', () => {
  const eskilstuna2024 = (doc: PlanJson) => doc.contributions.find((c) => c.year === 2024 && c.member === 'Eskilstuna');

  test('"Summa kommuner" that adds up is not billed', async () => {
    const file = await book('summa-ok', (s) => {
      rows(s, 'Medlemmar').push(['Summa kommuner', null, 168456, null]);
      rows(s, 'Kostnader').push(['Summa kostnader', null, null, null, 7250000]);
    });
    const { code, doc } = await json(file);
    expect(code).toBe(0);
    expect(doc.contributions.some((c) => /Summa/.test(c.member))).toBe(false);
    expect(eskilstuna2024(doc)).toMatchObject({ share: '0.372916', amount: 1491665 });
    expect(doc.budget[0]!.operatingCosts).toBe(7250000);
  });

  test('an NFD "År" sheet is found; a rich-text hyperlink reads as its text', async () => {
    const file = await book(
      'nfd',
      (s) => (sheetOf(s, 'År').name = 'År'.normalize('NFD')),
      (wb) => {
        wb.getWorksheet('Insatser')!.getCell('B3').value = {
          text: { richText: [{ text: 'Sikta mot ' }, { font: { bold: true }, text: 'arbetslivet' }] },
          hyperlink: 'https://example.org',
        } as unknown as ExcelJS.CellValue;
      },
    );
    const { code, doc } = await json(file);
    expect(code).toBe(0);
    expect(doc.interventions.map((i) => i.name)).toContain('Sikta mot arbetslivet');
    expect(JSON.stringify(doc)).not.toMatch(/object Object/);
  });

  test('a year column outside the plan holding amounts is a warning (JSON), not an error', async () => {
    const file = await book('warning-year', (s) => rows(s, 'Kostnader').forEach((r, i) => r.push(i === 0 ? 2023 : 100)));
    const { code, doc } = await json(file);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([
      {
        sheet: 'Kostnader',
        cell: 'H1',
        code: 'yearOutsidePlan',
        message: 'Kolumnen 2023 används inte: planen gäller 2024–2026.',
      },
    ]);
  });

  test('money left when every year has a given amount is a warning saying so', async () => {
    const file = await book('unspreadable', (s) => {
      rows(s, 'Insatser')[4]![10] = 100000;
      rows(s, 'Insatser')[4]![11] = 100000;
    });
    const { code, doc } = await json(file);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([
      {
        sheet: 'Insatser',
        cell: 'B5',
        code: 'unspreadable',
        message: expect.stringMatching(
          /1\u00a0900\u00a0000\u00a0kr kvar .* varje planår under insatsen har ett angivet belopp/,
        ) as string,
      },
    ]);
    expect(doc.warnings[0]!.message).not.toMatch(/slutade före planen/);
  });

  test('an intervention that ended before the plan is said to have ended before it', async () => {
    const file = await book('ended-before', (s) => {
      rows(s, 'Insatser')[3]![5] = new Date(Date.UTC(2022, 0, 1));
      rows(s, 'Insatser')[3]![6] = new Date(Date.UTC(2023, 5, 30));
      rows(s, 'Insatser')[3]![9] = null;
    });
    const { code, doc } = await json(file);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([
      expect.objectContaining({
        sheet: 'Insatser',
        cell: 'B4',
        code: 'unspreadable',
        message: expect.stringMatching(/slutade före planen/) as string,
      }),
    ]);
  });
});

test('the files are in the temporary folder', () => {
  expect(path.isAbsolute(dir)).toBe(true);
});
