/**
 * The board sheets as a board member sees them on paper: the bundled example refreshed by the command
 * (in kronor, and with `Enhet` = tkr), printed to PDF by LibreOffice, read back with pdftotext. Each
 * page is mapped to its sheet by the page header (förbund · sheet · date); each sheet prints on the
 * pages it should, and each page holds its sheet's title and the row labels it should.
 * (The PNG pages in docs/screenshots/ are made from the same PDF by scripts/screenshots.js.)
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as path from 'path';
import { OUTPUT_WORDS } from '../src/messages/sheets';
import { templateSheets } from '../src/workbook/example';
import { cliPath, exampleFile, readBook, sheetOf, tempDir } from './helpers/files';
import { flat, pageTexts, requirePdfTools, sheetOfPage, toPdf } from './helpers/pdf';

const tools = requirePdfTools();
const maybe = tools ? describe : describe.skip;
const FORBUND = 'Samordningsförbundet RAR i Sörmland';
const EXAMPLE = path.resolve(__dirname, '..', 'examples', 'rar-sormland-2024.xlsx');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const N = (k: keyof typeof OUTPUT_WORDS) => OUTPUT_WORDS[k].name;

/** Pages per output sheet for the example (three plan years): Fördelning one year a page. */
const PAGES: Record<string, number> = {
  [N('summary')]: 1,
  [N('scenarios')]: 1,
  [N('split')]: 3,
  [N('interventions')]: 1,
  [N('budget')]: 1,
  [N('balance')]: 1,
  [N('liquidity')]: 1,
  [N('checks')]: 1,
};

interface Printed {
  xlsx: string;
  pages: { sheet: string | null; text: string }[];
  book: ExcelJS.Workbook;
}

let dir: string;
const printed: Record<'kr' | 'tkr', Printed> = {} as never;

function refresh(input: string, out: string): void {
  const r = spawnSync(process.execPath, [cliPath(), 'refresh', input, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`refresh ${input}: exit ${r.status}: ${r.stderr}`);
}

/** A sheet's title (A1) and the labels of its column A below the header, within its print area. */
function labelsOf(book: ExcelJS.Workbook, sheet: string): { title: string; labels: string[] } {
  const ws = book.getWorksheet(sheet)!;
  const labels: string[] = [];
  ws.getColumn(1).eachCell((cell, row) => {
    if (row <= 3) return;
    if (typeof cell.value === 'string' && cell.value.trim() !== '') labels.push(cell.value);
    // Likviditet's rows are months: shown "jan 2024" (a Swedish LibreOffice's `mmm yyyy`).
    if (cell.value instanceof Date) labels.push(`${MONTHS[cell.value.getUTCMonth()]} ${cell.value.getUTCFullYear()}`);
  });
  return { title: ws.getCell('A1').text, labels };
}

maybe('the board sheets printed by LibreOffice', () => {
  beforeAll(async () => {
    dir = await tempDir();
    // The bundled example as the template writes it (with its scenario), in tkr.
    const tkrInput = await exampleFile(
      dir,
      'tkr-in.xlsx',
      (s) => {
        sheetOf(s, 'Inställningar').rows.find((r) => r[0] === 'Enhet')![1] = 'tkr';
      },
      templateSheets,
    );
    const files = { kr: path.join(dir, 'kr.xlsx'), tkr: path.join(dir, 'tkr.xlsx') };
    refresh(EXAMPLE, files.kr);
    refresh(tkrInput, files.tkr);
    const [krPdf, tkrPdf] = await toPdf(dir, [files.kr, files.tkr]);
    for (const [unit, pdf] of [
      ['kr', krPdf!],
      ['tkr', tkrPdf!],
    ] as const) {
      const xlsx = files[unit];
      printed[unit] = {
        xlsx,
        pages: pageTexts(pdf).map((text) => ({ sheet: sheetOfPage(text, FORBUND), text })),
        book: await readBook(xlsx),
      };
    }
  }, 300_000);
  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  describe.each(['kr', 'tkr'] as const)('Enhet %s', (unit) => {
    test('each output sheet prints on its pages: Sammanfattning, Budget and Balansplan one each', () => {
      const { pages } = printed[unit];
      const counts: Record<string, number> = {};
      for (const p of pages) if (p.sheet) counts[p.sheet] = (counts[p.sheet] ?? 0) + 1;
      expect(counts).toEqual(PAGES);
      // The output pages come together, in the order the sheets are written, after the input sheets.
      const ours = pages.map((p) => p.sheet).filter((s): s is string => s !== null);
      expect([...new Set(ours)]).toEqual(Object.keys(PAGES));
      const first = pages.findIndex((p) => p.sheet !== null);
      expect(pages.slice(first).every((p) => p.sheet !== null)).toBe(true);
    });

    test("every page holds its sheet's title and header; the sheet's pages hold its row labels", () => {
      const { pages, book } = printed[unit];
      for (const sheet of Object.keys(PAGES)) {
        const { title, labels } = labelsOf(book, sheet);
        const mine = pages.filter((p) => p.sheet === sheet).map((p) => flat(p.text));
        expect(labels.length).toBeGreaterThan(0);
        for (const text of mine) expect(text).toContain(flat(title));
        const all = mine.join(' ');
        for (const label of labels)
          expect({ sheet, label, found: all.includes(flat(label)) }).toEqual({ sheet, label, found: true });
      }
    });

    test('Fördelning prints one plan year a page, each with its members and its total', () => {
      const pages = printed[unit].pages.filter((p) => p.sheet === N('split')).map((p) => p.text);
      [2024, 2025, 2026].forEach((year, i) => {
        const text = pages[i]!;
        expect(text).toMatch(new RegExp(`^\\s*${year}\\s*$`, 'm'));
        for (const other of [2024, 2025, 2026].filter((y) => y !== year))
          expect(text).not.toMatch(new RegExp(`^\\s*${other}\\s*$`, 'm'));
        expect(text).toMatch(/Eskilstuna\s+62 820\s+37,29 %\s+1 491 665/);
        expect(text).toMatch(/Vingåker\s+5 113\s+3,04 %\s+121 409/);
        expect(text).toMatch(/Totalt\s+16 000 000\s+4 000 000\s+4 000 000\s+4 000 000\s+4 000 000/);
      });
    });

    test('Sammanfattning: the statement and both charts, in Swedish numbers; not the charts’ data (the print area)', () => {
      const page = printed[unit].pages.find((p) => p.sheet === N('summary'))!.text;
      if (unit === 'kr') {
        expect(page).toMatch(/Summa intäkter\s+18 000 000\s+18 000 000\s+18 000 000/);
        expect(page).toMatch(/Summa kostnader\s+-16 462 000/);
        expect(page).toMatch(/Årets resultat\s+1 538 000\s+196 835\s+-214 010/);
      } else {
        expect(page).toMatch(/Summa intäkter\s+18 000\s+18 000\s+18 000/);
        expect(page).toMatch(/Årets resultat\s+1 538\s+197\s+-214/);
      }
      // The charts: their legends and the months on the cash chart's axis (not date serial numbers).
      const W = OUTPUT_WORDS.summary;
      expect(page).toContain(W.data.cash);
      expect(page).toContain(W.data.equity(unit));
      expect(page).toContain(W.data.cap(unit));
      expect(page).toMatch(/jan 2024/);
      expect(page).not.toMatch(/4529\d/);
      // The charts' data (month by month) stands right of the print area: none of it is printed.
      expect(page).not.toContain(W.data.month);
      expect(page).not.toMatch(/5 294 833/);
    });
  });

  test('the package: Sammanfattning’s _xlnm.Print_Area, local to the sheet, spans the statement and the charts', async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(printed.kr.xlsx));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const areas = [...workbook.matchAll(/<definedName name="_xlnm.Print_Area" localSheetId="(\d+)">([^<]+)<\/definedName>/g)];
    expect(areas.map((m) => names[Number(m[1])])).toEqual([N('summary')]);
    const ws = printed.kr.book.getWorksheet(N('summary'))!;
    // Columns A–D (item and three years); rows through the charts' anchors (two charts side by side).
    const drawingPart = Object.keys(zip.files).find((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f))!;
    const drawing = await zip.file(drawingPart)!.async('string');
    const lastRow = Math.max(...[...drawing.matchAll(/<xdr:to>.*?<xdr:row>(\d+)<\/xdr:row>/g)].map((m) => Number(m[1])));
    expect(areas[0]![2]).toBe(`'${N('summary')}'!$A$1:$D$${lastRow}`);
    // The charts' data starts in column F, outside the area.
    expect(ws.getCell('F4').value).toBe(OUTPUT_WORDS.summary.data.month);
  });
});
