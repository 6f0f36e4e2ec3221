/** The package writer on hand-made packages: escapes, minimal styles, calcChain, order of workbook elements. */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import * as zlib from 'zlib';
import { crc32, rewriteZip } from '../src/hosts/xlsx/package/zipWrite';
import type { OutputSheet } from '../src/workbook/grid';
import { headerLiteral } from '../src/workbook/grid';
import {
  decodeExcelEscapes,
  encodeExcelEscapes,
  InvalidOutputError,
  PackageWriteRequest,
  writePackage,
  XlsxPackage,
} from '../src/hosts/xlsx/package';
import { exceljsWorkbook } from './fixtures-gen/corpus';
import { CT, prefixedWorkbook, styledWorkbook } from './fixtures-gen/handmade';
import { checkWellFormed, elements, partsOf, text } from './fixtures-gen/packageParts';

const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/; // eslint-disable-line no-control-regex

function sheet(name: string, rows: OutputSheet['rows'], freezeRows = 0): OutputSheet {
  return { name, rows, widths: [20, 10], freezeRows };
}

function req(sheets: OutputSheet[], owned: string[] = []): PackageWriteRequest {
  return {
    sheets,
    owned,
    definedNames: sheets.map((s) => ({ name: `FinsamBudget_${s.name.replace(/[^A-Za-z]/g, '')}`, formula: `'${s.name}'!$A$1` })),
  };
}

async function roundTrip(bytes: Uint8Array, name: string) {
  const [g] = await (await XlsxPackage.open(bytes)).readSheets([name]);
  return g!;
}

function arrayBuffer(b: Uint8Array): ArrayBuffer {
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe('Excel escapes', () => {
  it('encode then decode gives any string back, and the encoded text has nothing XML forbids', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: fc.constantFrom('_', 'x', '0', '4', '1', 'F', '\u0001', '\uFFFF', '\uD800', 'a') }),
        ),
        (s) => {
          const enc = encodeExcelEscapes(s);
          expect(FORBIDDEN.test(enc)).toBe(false);
          expect(enc).not.toContain('\r');
          expect(decodeExcelEscapes(enc)).toBe(s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('writes control characters, U+FFFF, lone surrogates and literal escapes so that they read back exactly', async () => {
    const strings = [
      'a\u0001b',
      'end\uFFFF',
      'lit _x0041_ and _x005F_',
      'lone \uD800 surrogate',
      'pair 😀',
      'cr\r\nlf',
      '=SUM(A1)',
      '+1',
      '@x',
      '-2',
    ];
    const out = await writePackage(
      await styledWorkbook(),
      req([
        sheet(
          'Ut',
          strings.map((s) => [{ v: s, f: '@' }]),
        ),
      ]),
    );
    const parts = await partsOf(out);
    for (const [n, d] of parts) checkWellFormed(n, d);
    const xml = text(parts, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('a_x0001_b');
    expect(xml).toContain('end_xFFFF_');
    expect(xml).toContain('lit _x005F_x0041_ and _x005F_');
    expect(xml).not.toMatch(/<f>/);
    expect((await roundTrip(out, 'Ut')).values).toEqual(strings.map((s) => [s]));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(arrayBuffer(out));
    expect(wb.getWorksheet('Ut')!.getCell('A7').value).toBe('=SUM(A1)');
    expect(wb.getWorksheet('Ut')!.getCell('A7').formula).toBeUndefined();
  });

  it('refuses non-finite numbers, bad sheet names and two sheets of the same name', async () => {
    const base = await styledWorkbook();
    await expect(writePackage(base, req([sheet('Ut', [[{ v: NaN }]])]))).rejects.toMatchObject({ reason: 'number' });
    await expect(writePackage(base, req([sheet('A/B', [])]))).rejects.toBeInstanceOf(InvalidOutputError);
    await expect(writePackage(base, req([sheet('x'.repeat(32), [])]))).rejects.toMatchObject({ reason: 'sheetName' });
    await expect(writePackage(base, req([sheet('Ut', []), sheet('ut', [])]))).rejects.toMatchObject({ reason: 'duplicateSheet' });
  });
});

describe('package edits', () => {
  it('creates a styles part where there is none, and keeps x: prefixes in workbook.xml', async () => {
    const original = await prefixedWorkbook();
    const out = await writePackage(
      original,
      req([
        sheet(
          'Budget',
          [
            [{ v: 'Rubrik', bold: true }],
            [
              { v: 0.25, f: '0%' },
              { v: 1308750, f: '# ##0' },
            ],
          ],
          1,
        ),
      ]),
    );
    const parts = await partsOf(out);
    for (const [n, d] of parts) if (n !== 'xl/worksheets/sheet2.xml') checkWellFormed(n, d); // ill-formed on purpose
    expect(parts.get('xl/worksheets/sheet2.xml')!.equals((await partsOf(original)).get('xl/worksheets/sheet2.xml')!)).toBe(true);
    const wb = text(parts, 'xl/workbook.xml');
    expect(wb).toContain('<x:sheet name="Budget" sheetId="8" rel:id="rId3"/>');
    expect(wb).toMatch(/<x:definedName name="FinsamBudget_Budget">'Budget'!\$A\$1<\/x:definedName>/);
    expect(wb).toMatch(/<\/x:definedNames><x:calcPr fullCalcOnLoad="1"\/><\/x:workbook>$/);
    expect(wb).toContain('<x:definedName name="_xlnm.Print_Titles" localSheetId="2">\'Budget\'!$1:$1</x:definedName>');
    expect(text(parts, '[Content_Types].xml')).toContain(`<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>`);
    expect(text(parts, '[Content_Types].xml')).toContain(
      `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${CT.worksheet}"/>`,
    );
    const g = await roundTrip(out, 'Budget');
    expect(g.values).toEqual([['Rubrik'], [0.25, 1308750]]);
    expect(g.formats).toEqual([[null], ['0%', '# ##0']]);
  });

  it('writes bold, number formats, frozen rows and widths that ExcelJS sees, also without a styles part', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Medlemmar').addRow(['Medlem', 'Invånare']);
    plain.addWorksheet('Budget').getCell('A1').value = 'Gammal';
    plain.definedNames.add("'Budget'!$A$1", 'FinsamBudget_Budget');
    const zip = await JSZip.loadAsync(await plain.xlsx.writeBuffer());
    zip.remove('xl/styles.xml');
    zip.file(
      '[Content_Types].xml',
      (await zip.file('[Content_Types].xml')!.async('string')).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''),
    );
    zip.file(
      'xl/_rels/workbook.xml.rels',
      (await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).replace(/<Relationship [^>]*styles"[^>]*\/>/, ''),
    );
    const original = await zip.generateAsync({ type: 'uint8array' });
    expect(text(await partsOf(original), 'xl/_rels/workbook.xml.rels')).not.toContain('styles');
    const out = await writePackage(
      original,
      req(
        [
          sheet(
            'Budget',
            [
              [{ v: 'Rubrik', bold: true }],
              [
                { v: 0.25, f: '0%' },
                { v: 1308750, f: '# ##0' },
              ],
            ],
            1,
          ),
        ],
        ['Budget'],
      ),
    );
    expect(text(await partsOf(out), 'xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles.xml"/);
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(arrayBuffer(out));
    const ws = ej.getWorksheet('Budget')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').numFmt).toBe('# ##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(20);
  });

  it('adds to existing styles without moving them, reusing formats it finds', async () => {
    const original = await styledWorkbook();
    const out = await writePackage(
      original,
      req([
        sheet('Ut', [
          [
            { v: 1, f: '# ##0" kr"' },
            { v: 2, f: '0.0' },
            { v: 3, f: '0.0', bold: true },
            { v: 4, bold: true },
          ],
        ]),
      ]),
    );
    const styles = text(await partsOf(out), 'xl/styles.xml');
    expect(styles).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="# ##0&quot; kr&quot;"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>',
    );
    // The one output font (Calibri 11), plain and bold, added after the workbook's own.
    expect(styles).toContain(
      '<fonts count="3"><font/><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>',
    );
    expect(styles).toContain(
      '<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="10"/><xf numFmtId="164" fontId="1"',
    );
    const g = await roundTrip(out, 'Ut');
    expect(g.formats).toEqual([['# ##0" kr"', '0.0', '0.0', null]]);
    // The input sheet still reads as before.
    expect((await roundTrip(out, 'Medlemmar')).formats).toEqual((await roundTrip(original, 'Medlemmar')).formats);
  });

  it('removes calcChain, replaces an owned sheet in place (renaming its case), drops its printer settings, repairs a #REF! mark', async () => {
    const zip = await JSZip.loadAsync(await exceljsWorkbook());
    zip.file(
      'xl/calcChain.xml',
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="6"/></calcChain>',
    );
    let ct = await zip.file('[Content_Types].xml')!.async('string');
    ct = ct.replace(
      '</Types>',
      `<Override PartName="/xl/calcChain.xml" ContentType="${CT.calcChain}"/><Override PartName="/xl/printerSettings/printerSettings1.bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/></Types>`,
    );
    zip.file('[Content_Types].xml', ct);
    let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
    rels = rels.replace(
      '</Relationships>',
      '<Relationship Id="rIdCC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    zip.file('xl/_rels/workbook.xml.rels', rels);
    const pkg0 = await XlsxPackage.open(await zip.generateAsync({ type: 'uint8array' }));
    const budgetPart = pkg0.info.sheets.find((s) => s.name === 'Budget')!.part;
    zip.file(
      budgetPart.replace(/([^/]+)$/, '_rels/$1.rels'),
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/printerSettings" Target="../printerSettings/printerSettings1.bin"/></Relationships>',
    );
    zip.file('xl/printerSettings/printerSettings1.bin', Buffer.from([1, 2, 3]));
    let wbXml = await zip.file('xl/workbook.xml')!.async('string');
    wbXml = wbXml
      .replace('name="Budget"', 'name="budget"')
      .replace('</definedNames>', '<definedName name="FinsamBudget_Kontroller">#REF!$A$1</definedName></definedNames>');
    zip.file('xl/workbook.xml', wbXml);
    const original = await zip.generateAsync({ type: 'uint8array' });

    const out = await writePackage(original, {
      ...req([sheet('Budget', [[{ v: 'Ny' }]])], ['budget']),
      removeDefinedNames: ['FinsamBudget_Kontroller'],
    });
    const parts = await partsOf(out);
    for (const [n, d] of parts) checkWellFormed(n, d);
    expect(parts.has('xl/calcChain.xml')).toBe(false);
    expect(parts.has('xl/printerSettings/printerSettings1.bin')).toBe(false);
    expect(parts.has(budgetPart.replace(/([^/]+)$/, '_rels/$1.rels'))).toBe(false);
    expect(text(parts, '[Content_Types].xml')).not.toMatch(/calcChain|printerSettings1/);
    expect(text(parts, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    const after = await XlsxPackage.open(out);
    expect(after.info.sheets.map((s) => s.name)).toEqual(pkg0.info.sheets.map((s) => s.name));
    expect(after.info.sheets.find((s) => s.name === 'Budget')!.part).toBe(budgetPart);
    expect(after.info.definedNames.map((d) => d.name)).not.toContain('FinsamBudget_Kontroller');
    expect(after.info.definedNames.filter((d) => d.name === 'Kommunerna')).toHaveLength(1);
    expect((await roundTrip(out, 'Budget')).values).toEqual([['Ny']]);
    expect(text(parts, 'xl/workbook.xml')).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
    expect(elements(text(parts, 'xl/workbook.xml'), 'calcPr')).toHaveLength(1);
  });
});

describe('zip writing', () => {
  it('copies unchanged entries as they are: a rewrite without changes gives the original bytes back', async () => {
    const original = await exceljsWorkbook();
    expect(Buffer.from(rewriteZip(original, new Map(), () => new Uint8Array())!).equals(original)).toBe(true);
    const styled = await styledWorkbook();
    expect(Buffer.from(rewriteZip(styled, new Map(), () => new Uint8Array())!).equals(styled)).toBe(true);
  });

  it('gives up on what it does not handle (the writer then uses JSZip), and Node zlib can deflate', async () => {
    expect(rewriteZip(new Uint8Array([1, 2, 3]), new Map(), () => new Uint8Array())).toBeNull();
    const original = await exceljsWorkbook();
    const out = await writePackage(original, req([sheet('Ut', [[{ v: 'zlib' }]])], ['Budget']), {
      deflateRaw: (d) => zlib.deflateRawSync(d),
    });
    expect((await roundTrip(out, 'Ut')).values).toEqual([['zlib']]);
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

const NO_HF = { left: '', center: '', right: '' };

describe('cell styles, links, print setup and the active sheet', () => {
  it('writes wrap, fill, colour, alignment, internal links, print setup and selects the active sheet', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Medlemmar').addRow(['Medlem']);
    const original = new Uint8Array(await plain.xlsx.writeBuffer());
    const kontroller: OutputSheet = {
      name: 'Kontroller',
      widths: [20, 40],
      freezeRows: 1,
      active: true,
      print: {
        orientation: 'landscape',
        fitToWidth: true,
        repeatRows: 2,
        area: 'A1:C40',
        rowBreaks: [20, 10, 20],
        // Excel's header syntax, as the renderer writes it (headerLiteral doubles a name's `&`).
        header: { left: headerLiteral('RAR & Sörmland'), center: '&A', right: '' },
        footer: { left: '', center: '', right: 'Sida &P' },
      },
      rows: [
        [{ v: 'Status', bold: true, align: 'center' }],
        [
          { v: 'Ej uppfyllt', fill: 'F4CCCC', color: '9C0006' },
          { v: 'En lång förklaring som inte får plats på en rad i en kolumn som är fyrtio tecken bred', wrap: true },
          { v: 'Se cellen', link: "'Insatser per år'!B5" },
        ],
      ],
    };
    const out = await writePackage(original, req([kontroller]));
    const parts = await partsOf(out);
    for (const [n, d] of parts) checkWellFormed(n, d);
    const xml = text(parts, 'xl/worksheets/sheet2.xml');
    expect(xml).toContain('<hyperlinks><hyperlink ref="C2" location="\'Insatser per år\'!B5"/></hyperlinks>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    // Header and footer as given: the name's `&` doubled (literal), `&A` and `&P` Excel's codes.
    expect(xml).toContain(
      '<oddHeader>&amp;LRAR &amp;&amp; Sörmland&amp;C&amp;A</oddHeader><oddFooter>&amp;RSida &amp;P</oddFooter>',
    );
    // Breaks before the 0-based rows 10 and 20: after the 1-based rows 10 and 20, once each, in order.
    expect(xml).toContain(
      '<rowBreaks count="2" manualBreakCount="2"><brk id="10" max="16383" man="1"/><brk id="20" max="16383" man="1"/></rowBreaks>',
    );
    // The wrapped explanation takes two lines: its row is written two lines tall.
    expect(xml).toContain('<row r="2" ht="30" customHeight="1">');
    expect(xml).toContain('<row r="1">');
    expect(xml).toContain('<sheetView tabSelected="1" workbookViewId="0">');
    const wbXml = text(parts, 'xl/workbook.xml');
    expect(wbXml).toMatch(/<workbookView\b[^>]*activeTab="1"/);
    expect(wbXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">\'Kontroller\'!$1:$2</definedName>');
    expect(wbXml).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">\'Kontroller\'!$A$1:$C$40</definedName>');
    expect(wbXml.match(/_xlnm\.Print_Area/g)).toHaveLength(1);
    // The next refresh without a print area removes ours; with one page it fits the height too.
    const again = await writePackage(
      out,
      req([{ ...kontroller, print: { ...kontroller.print!, area: undefined, onePage: true } }], ['Kontroller']),
    );
    const againParts = await partsOf(again);
    expect(text(againParts, 'xl/workbook.xml')).not.toContain('Print_Area');
    expect(text(againParts, 'xl/worksheets/sheet2.xml')).toContain('fitToWidth="1" fitToHeight="1"');
    const ej = new ExcelJS.Workbook();
    await ej.xlsx.load(arrayBuffer(out));
    const ws = ej.getWorksheet('Kontroller')!;
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4CCCC' } });
    expect(ws.getCell('A2').font?.color).toEqual({ argb: 'FF9C0006' });
    expect(ws.getCell('B2').alignment?.wrapText).toBe(true);
    expect(ws.getCell('A2').font?.name).toBe('Calibri');
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it('does not select the active sheet where another sheet is selected (that would group them)', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Medlemmar', { views: [{ tabSelected: true } as Partial<ExcelJS.WorksheetView>] }).addRow(['Medlem']);
    const out = await writePackage(
      new Uint8Array(await plain.xlsx.writeBuffer()),
      req([{ ...sheet('Ut', [[{ v: 1 }]]), active: true }]),
    );
    const parts = await partsOf(out);
    expect(text(parts, 'xl/worksheets/sheet2.xml')).not.toContain('tabSelected');
  });

  it.each(['A1:ZZZZ9', 'A0:B2', 'Blad!A1:B2', ''])('refuses the print area %j before writing anything', async (area) => {
    const print = { orientation: 'portrait' as const, fitToWidth: true, repeatRows: 0, area, header: NO_HF, footer: NO_HF };
    await expect(writePackage(await styledWorkbook(), req([{ ...sheet('Ut', [[{ v: 1 }]]), print }]))).rejects.toMatchObject({
      reason: 'printArea',
    });
  });

  it('refuses a colour that is not six hex digits', async () => {
    await expect(writePackage(await styledWorkbook(), req([sheet('Ut', [[{ v: 1, fill: 'red' }]])]))).rejects.toBeInstanceOf(
      InvalidOutputError,
    );
  });
});
