/** The package reader: cell types, escapes, odd writers, unreadable files, limits. */
import JSZip from 'jszip';
import { isDateFormat, UnreadablePackageError, XlsxPackage } from '../src/hosts/xlsx/package';
import { contentTypes, prefixedWorkbook, rels, styledWorkbook, zipOf } from './fixtures-gen/handmade';

async function kindOf(bytes: Uint8Array): Promise<string> {
  try {
    await XlsxPackage.open(bytes);
    return 'opened';
  } catch (e) {
    if (e instanceof UnreadablePackageError) return e.kind;
    throw e;
  }
}

describe('reading what other programs write', () => {
  it('reads prefixed XML, absolute targets, no styles or shared strings, every cell type', async () => {
    const pkg = await XlsxPackage.open(await prefixedWorkbook());
    expect(pkg.info.sheets.map((s) => [s.name, s.sheetId, s.state, s.kind, s.part, s.index])).toEqual([
      ['Data', 1, 'visible', 'worksheet', 'xl/worksheets/sheet1.xml', 0],
      ['Trasig', 7, 'veryHidden', 'worksheet', 'xl/worksheets/sheet2.xml', 1],
    ]);
    expect(pkg.info.definedNames).toEqual([
      { name: 'Lokal', localSheetId: 1, formula: 'Trasig!$A$1', hidden: false },
      { name: 'Global', localSheetId: null, formula: 'Data!$A$1:$B$3', hidden: false },
    ]);
    const [g] = await pkg.readSheets(['Data']);
    expect(g!.rowOffset).toBe(0);
    expect(g!.colOffset).toBe(0);
    expect(g!.values).toEqual([
      ['Rubrik', 'Rik text', true, '#REF!'],
      ['ab', null, 'ctrl\u0001 ffff\uFFFF lit_x0041_ xA', false],
      [null, 3.5],
    ]);
    expect(g!.formulasWithoutValue).toEqual([{ row: 1, col: 1 }]);
    expect(g!.formats.flat().every((f) => f === null)).toBe(true);
  });

  it('never unpacks a sheet that is not asked for (an ill-formed one is only an error when read)', async () => {
    const pkg = await XlsxPackage.open(await prefixedWorkbook());
    await expect(pkg.readSheets(['Data'])).resolves.toHaveLength(1);
    const err = await pkg.readSheets(['Trasig']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadablePackageError);
    expect((err as UnreadablePackageError).kind).toBe('corrupt');
  });

  it('reads shared strings (rich text, phonetic runs left out, spaces kept) and number formats', async () => {
    const pkg = await XlsxPackage.open(await styledWorkbook());
    expect(pkg.info.date1904).toBe(true);
    const [g] = await pkg.readSheets(['Medlemmar']);
    expect([g!.rowOffset, g!.colOffset]).toEqual([1, 1]);
    expect(g!.values).toEqual([['  Medlem  ', 'Rik text', 'ctrl\u0001end', 'rad\nbryt'], [], [45306, 0.25, 1308750, 0.0304]]);
    expect(g!.formats[2]).toEqual(['yyyy-mm-dd', '0%', '# ##0" kr"', '0.00%']);
    expect(isDateFormat(g!.formats[2]![0])).toBe(true);
    expect(g!.formats[2]!.slice(1).map(isDateFormat)).toEqual([false, false, false]);
  });

  it('keeps a sheet with cells far apart small (empty rows share one frozen array)', async () => {
    const zip = await JSZip.loadAsync(await styledWorkbook());
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="B1048576"><v>2</v></c></row></sheetData></worksheet>',
    );
    const [g] = await (await XlsxPackage.open(await zip.generateAsync({ type: 'uint8array' }))).readSheets(['Medlemmar']);
    expect(g!.values).toHaveLength(1048576);
    expect(g!.values[0]).toEqual([1]);
    expect(g!.values[1048575]).toEqual([null, 2]);
    expect(g!.values[500]).toBe(g!.values[501]);
    expect(Object.isFrozen(g!.values[500])).toBe(true);
  });

  it('knows date formats', () => {
    for (const f of ['yyyy-mm-dd', 'd/m/yyyy', '[$-41D]mmmm yyyy', 'h:mm', '[h]:mm:ss', 'mmm-yy'])
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    for (const f of ['General', '0%', '# ##0 "kr"', '#,##0.00;[Red]-#,##0.00', '0.00E+00', '"dag" 0', null])
      expect([f, isDateFormat(f)]).toEqual([f, false]);
  });
});

describe('files that are not workbooks are named for what they are', () => {
  it('tells .xls, encrypted workbooks, CSV, OpenDocument, other zips and damage apart', async () => {
    const cfb = (extra: string) => {
      const b = Buffer.alloc(2048);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(extra, 'utf16le').copy(b, 1024);
      return b;
    };
    expect(await kindOf(cfb('Workbook'))).toBe('xls');
    expect(await kindOf(cfb('EncryptedPackage'))).toBe('encrypted');
    expect(await kindOf(Buffer.from('Medlem;Part\nEskilstuna;Kommun\n'))).toBe('text');
    expect(await kindOf(Buffer.from([0, 1, 2, 3, 4, 200]))).toBe('notZip');
    expect(await kindOf(Buffer.alloc(0))).toBe('notZip');
    expect(await kindOf(await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<a/>' }))).toBe(
      'ods',
    );
    const docx = await zipOf({
      '[Content_Types].xml': contentTypes([
        ['/word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
      ]),
      '_rels/.rels': rels([['rId1', 'officeDocument', 'word/document.xml']]),
      'word/document.xml': '<document/>',
    });
    expect(await kindOf(docx)).toBe('notWorkbook');
    const good = await styledWorkbook();
    expect(await kindOf(good.subarray(0, good.length - 30))).toBe('corrupt');
    const zip = await JSZip.loadAsync(good);
    zip.file('xl/workbook.xml', '<workbook><sheets>');
    expect(await kindOf(await zip.generateAsync({ type: 'uint8array' }))).toBe('corrupt');
  });

  it('refuses what is over the limits before unpacking it', async () => {
    const pkg = await prefixedWorkbook();
    const err = await XlsxPackage.open(pkg, { maxTotalBytes: 100 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'tooLarge' });
    const open = await XlsxPackage.open(pkg, { maxCells: 3 });
    await expect(open.readSheets(['Data'])).rejects.toMatchObject({ kind: 'tooLarge' });
    const small = await XlsxPackage.open(pkg, { maxPartBytes: 680 });
    await expect(small.readSheets(['Data'])).rejects.toMatchObject({ kind: 'tooLarge' });
  });
});
