/** Hand-made packages: the odd shapes other programs write, built part by part. */
import JSZip from 'jszip';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export async function zipOf(parts: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export function contentTypes(overrides: [string, string][], defaults: [string, string][] = []): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    defaults.map(([e, t]) => `<Default Extension="${e}" ContentType="${t}"/>`).join('') +
    overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
    '</Types>'
  );
}

export const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
};

export function rels(items: [string, string, string][]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;
}

/**
 * A workbook as a non-Excel writer might make it: `x:` prefixes, absolute targets, no styles part, no
 * shared strings, cells without `r`, rows out of order, every cell type.
 */
export async function prefixedWorkbook(): Promise<Buffer> {
  const sheet1 =
    `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
    '<x:row r="3"><x:c r="B3"><x:v>3.5</x:v></x:c></x:row>' +
    '<x:row r="1"><x:c t="inlineStr"><x:is><x:t>Rubrik</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Rik </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>text</x:t></x:r></x:is></x:c>' +
    '<x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#REF!</x:v></x:c></x:row>' +
    '<x:row r="2"><x:c r="A2" t="str"><x:f>"a"&amp;"b"</x:f><x:v>ab</x:v></x:c><x:c r="B2"><x:f>1/0+A1</x:f></x:c>' +
    '<x:c r="C2" t="inlineStr"><x:is><x:t>ctrl_x0001_ ffff_xFFFF_ lit_x005F_x0041_ x_x0041_</x:t></x:is></x:c><x:c r="D2" t="b"><x:v>0</x:v></x:c></x:row>' +
    '</x:sheetData></x:worksheet>';
  return zipOf({
    '[Content_Types].xml': contentTypes([
      ['/xl/workbook.xml', CT.workbook],
      ['/xl/worksheets/sheet1.xml', CT.worksheet],
      ['/xl/worksheets/sheet2.xml', CT.worksheet],
    ]),
    '_rels/.rels': rels([['rId1', 'officeDocument', '/xl/workbook.xml']]).replace(
      /Type="[^"]*officeDocument"/,
      `Type="${REL}/officeDocument"`,
    ),
    'xl/workbook.xml':
      `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets>` +
      '<x:sheet name="Data" sheetId="1" rel:id="rId1"/><x:sheet name="Trasig" sheetId="7" state="veryHidden" rel:id="rId2"/></x:sheets>' +
      '<x:definedNames><x:definedName name="Lokal" localSheetId="1">Trasig!$A$1</x:definedName><x:definedName name="Global">Data!$A$1:$B$3</x:definedName></x:definedNames>' +
      '</x:workbook>',
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'worksheet', '/xl/worksheets/sheet1.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
    ]),
    'xl/worksheets/sheet1.xml': sheet1,
    // Ill-formed: must never be unpacked unless asked for.
    'xl/worksheets/sheet2.xml': '<worksheet><sheetData><row></sheetData>',
  });
}

/** Shared strings with rich text, phonetic runs and xml:space; styles with custom and built-in formats. */
export async function styledWorkbook(): Promise<Buffer> {
  const sst =
    `<sst xmlns="${MAIN}" count="4" uniqueCount="4">` +
    '<si><t xml:space="preserve">  Medlem  </t></si>' +
    '<si><r><t>Rik</t></r><r><rPr><b/></rPr><t xml:space="preserve"> text</t></r><rPh sb="0" eb="1"><t>FONETISK</t></rPh></si>' +
    '<si><t>ctrl_x0001_end</t></si>' +
    '<si><t>rad\nbryt</t></si>' +
    '</sst>';
  const styles =
    `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="# ##0&quot; kr&quot;"/></numFmts>` +
    '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>';
  const sheet =
    `<worksheet xmlns="${MAIN}"><dimension ref="B2:E4"/><sheetData>` +
    '<row r="2"><c r="B2" t="s"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" t="s" s="0"><v>2</v></c><c r="E2" t="s"><v>3</v></c></row>' +
    '<row r="4"><c r="B4" s="1"><v>45306</v></c><c r="C4" s="2"><v>0.25</v></c><c r="D4" s="3"><v>1308750</v></c><c r="E4" s="4"><v>0.0304</v></c></row>' +
    '</sheetData></worksheet>';
  return zipOf({
    '[Content_Types].xml': contentTypes([
      ['/xl/workbook.xml', CT.workbook],
      ['/xl/worksheets/sheet1.xml', CT.worksheet],
      ['/xl/styles.xml', CT.styles],
      ['/xl/sharedStrings.xml', CT.sst],
    ]),
    '_rels/.rels': rels([['rId1', 'officeDocument', 'xl/workbook.xml']]),
    'xl/workbook.xml': `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr date1904="1"/><sheets><sheet name="Medlemmar" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': rels([
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId2', 'styles', 'styles.xml'],
      ['rId3', 'sharedStrings', 'sharedStrings.xml'],
    ]),
    'xl/worksheets/sheet1.xml': sheet,
    'xl/styles.xml': styles,
    'xl/sharedStrings.xml': sst,
  });
}
