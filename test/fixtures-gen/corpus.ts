/** The fidelity corpus: workbooks made by ExcelJS, LibreOffice and openpyxl, each with a previous output sheet. */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { runPython, sofficeConvert } from './tools';

/** A 2×2 red PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** A workbook with the features ExcelJS can write, and a previous output sheet `Budget` (marked). */
export async function exceljsWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Medlemmar');
  data.addRow(['Medlem', 'Part', 'Invånare']);
  data.addRow(['Eskilstuna', 'Kommun', 106000]);
  data.addRow(['Strängnäs', 'Kommun', 37000]);
  data.addRow(['Region Sörmland', 'Region', null]);
  data.getCell('D1').value = 'Escape _x0041_ \u0001 text';
  data.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"Stat,Region,Kommun"'] };
  data.addConditionalFormatting({
    ref: 'C2:C4',
    rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: ['50000'], style: { font: { bold: true } } }],
  });
  data.getCell('A2').note = 'En kommentar';
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  data.addImage(img, { tl: { col: 5, row: 1 }, ext: { width: 20, height: 20 } });
  const t = wb.addWorksheet('Tabell');
  t.addTable({
    name: 'Poster',
    ref: 'A1',
    headerRow: true,
    totalsRow: true,
    columns: [
      { name: 'Post', totalsRowLabel: 'Summa' },
      { name: 'Belopp', totalsRowFunction: 'sum' },
    ],
    rows: [
      ['Kansli', 100],
      ['Lokal', 200],
    ],
  });
  const hidden = wb.addWorksheet('Anteckningar', { state: 'hidden' });
  hidden.getCell('A1').value = 'Dold';
  const prot = wb.addWorksheet('Skyddat');
  prot.getCell('A1').value = 'Låst';
  await prot.protect('hemligt', { selectLockedCells: true });
  const old = wb.addWorksheet('Budget');
  old.getCell('A1').value = 'Gammal budget';
  old.getCell('B3').value = 123;
  const user = wb.addWorksheet('Egen');
  user.getCell('A1').value = { formula: 'Budget!B3', result: 123 };
  wb.definedNames.add("'Budget'!$A$1", 'FinsamBudget_Budget');
  wb.definedNames.add('Medlemmar!$A$2:$A$3', 'Kommunerna');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Turn a package into an .xlsm with a (fake) VBA project part. Returns the bytes and the project bytes. */
export async function withFakeVba(xlsx: Buffer): Promise<{ bytes: Buffer; vba: Buffer }> {
  const zip = await JSZip.loadAsync(xlsx);
  const vba = Buffer.from(Array.from({ length: 1500 }, (_v, i) => (i * 37 + 11) % 256));
  zip.file('xl/vbaProject.bin', vba);
  let ct = await zip.file('[Content_Types].xml')!.async('string');
  ct = ct.replace(
    /application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet\.main\+xml/,
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  );
  if (!/Extension="bin"/.test(ct))
    ct = ct.replace('</Types>', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>');
  zip.file('[Content_Types].xml', ct);
  let rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  rels = rels.replace(
    '</Relationships>',
    '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
  );
  zip.file('xl/_rels/workbook.xml.rels', rels);
  return { bytes: Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })), vba };
}

const FODS_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">`;

function fodsCell(v: string | number): string {
  return typeof v === 'number'
    ? `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`
    : `<table:table-cell office:value-type="string"><text:p>${v}</text:p></table:table-cell>`;
}

function fodsRows(rows: (string | number)[][]): string {
  return rows.map((r) => `<table:table-row>${r.map(fodsCell).join('')}</table:table-row>`).join('');
}

/** A flat ODS with data, a bar chart over it, a table (database range), a pivot table (DataPilot), a hidden sheet and a previous `Budget`. */
export function fodsText(): string {
  const data: (string | number)[][] = [
    ['Post', 'Belopp'],
    ['Kansli', 100],
    ['Lokal', 200],
    ['Kansli', 50],
  ];
  const chart = `<draw:frame draw:z-index="0" draw:name="Diagram1" svg:width="8cm" svg:height="5cm" svg:x="4cm" svg:y="0.5cm">
<draw:object draw:notify-on-update-of-ranges="Data.A1:Data.B4">
<office:document office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.chart"><office:body><office:chart>
<chart:chart chart:class="chart:bar" svg:width="8cm" svg:height="5cm">
<chart:plot-area table:cell-range-address="Data.A1:Data.B4" chart:data-source-has-labels="both">
<chart:axis chart:dimension="x" chart:name="primary-x"><chart:categories table:cell-range-address="Data.A2:Data.A4"/></chart:axis>
<chart:axis chart:dimension="y" chart:name="primary-y"/>
<chart:series chart:class="chart:bar" chart:values-cell-range-address="Data.B2:Data.B4" chart:label-cell-address="Data.B1"><chart:data-point chart:repeated="3"/></chart:series>
</chart:plot-area>
<table:table table:name="local-table"><table:table-header-columns><table:table-column/></table:table-header-columns><table:table-columns><table:table-column/></table:table-columns>
<table:table-header-rows><table:table-row><table:table-cell><text:p/></table:table-cell><table:table-cell office:value-type="string"><text:p>Belopp</text:p></table:table-cell></table:table-row></table:table-header-rows>
<table:table-rows>${data
    .slice(1)
    .map(
      (r) =>
        `<table:table-row><table:table-cell office:value-type="string"><text:p>${r[0]}</text:p></table:table-cell>${fodsCell(r[1]!)}</table:table-row>`,
    )
    .join('')}</table:table-rows></table:table>
</chart:chart></office:chart></office:body></office:document></draw:object></draw:frame>`;
  return `${FODS_HEAD}
<office:automatic-styles><style:style style:name="hid" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Data"><table:shapes>${chart}</table:shapes><table:table-column table:number-columns-repeated="2"/>${fodsRows(data)}</table:table>
<table:table table:name="Pivot"><table:table-column/><table:table-row><table:table-cell/></table:table-row></table:table>
<table:table table:name="Dold" table:style-name="hid"><table:table-row>${fodsCell('Dold text')}</table:table-row></table:table>
<table:table table:name="Budget"><table:table-row>${fodsCell('Gammal')}</table:table-row></table:table>
<table:named-expressions><table:named-range table:name="FinsamBudget_Budget" table:base-cell-address="$Budget.$A$1" table:cell-range-address="$Budget.$A$1"/>
<table:named-range table:name="Belopp" table:base-cell-address="$Data.$B$2" table:cell-range-address="$Data.$B$2:.$B$4"/></table:named-expressions>
<table:database-ranges><table:database-range table:name="Poster" table:target-range-address="Data.A1:Data.B4" table:display-filter-buttons="true"/></table:database-ranges>
<table:data-pilot-tables><table:data-pilot-table table:name="Pivot1" table:target-range-address="Pivot.A1:Pivot.B5">
<table:source-cell-range table:cell-range-address="Data.A1:Data.B4"/>
<table:data-pilot-field table:source-field-name="Post" table:orientation="row"><table:data-pilot-level/></table:data-pilot-field>
<table:data-pilot-field table:source-field-name="Belopp" table:orientation="data" table:function="sum"/>
</table:data-pilot-table></table:data-pilot-tables>
</office:spreadsheet></office:body></office:document>`;
}

/** Convert the flat ODS to .xlsx with LibreOffice. */
export function libreOfficeWorkbook(dir: string): Buffer {
  const src = path.join(dir, 'lo-corpus.fods');
  fs.writeFileSync(src, fodsText());
  sofficeConvert([src], 'xlsx', dir, 'Calc MS Excel 2007 XML');
  return fs.readFileSync(path.join(dir, 'lo-corpus.xlsx'));
}

export const OPENPYXL_SCRIPT = `
import sys
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.workbook.defined_name import DefinedName
wb = Workbook()
ws = wb.active
ws.title = 'Data'
for row in [['Post', 'Belopp'], ['Kansli', 100], ['Lokal', 200], ['Resor', 50]]:
    ws.append(row)
ws['C1'] = 'Formel'
ws['C2'] = '=B2*2'
ws['A2'].comment = Comment('Anteckning', 'Test')
tab = Table(displayName='Poster', ref='A1:B4')
tab.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
ws.add_table(tab)
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=4))
ws.add_chart(chart, 'E2')
cs = wb.create_chartsheet('Diagramblad')
chart2 = BarChart()
chart2.add_data(Reference(ws, min_col=2, min_row=1, max_row=4), titles_from_data=True)
cs.add_chart(chart2)
try:
    from openpyxl.drawing.image import Image
    img = Image(sys.argv[1] if len(sys.argv) > 1 else 'img.png')
    ws.add_image(img, 'H10')
except Exception as e:
    print('no image', e)
old = wb.create_sheet('Budget')
old['A1'] = 'Gammal budget'
for r in range(2, 5):
    old.cell(row=r, column=2, value=r * 10)
# A user's chart on their own sheet, plotting figures of the output sheet: kept (the reference stays valid).
chart3 = BarChart()
chart3.add_data(Reference(old, min_col=2, min_row=2, max_row=4))
ws.add_chart(chart3, 'E20')
hid = wb.create_sheet('Dold')
hid['A1'] = 'x'
hid.sheet_state = 'hidden'
wb.security = WorkbookProtection(workbookPassword='hemligt', lockStructure=True)
dn = DefinedName('FinsamBudget_Budget', attr_text="'Budget'!$A$1")
try:
    wb.defined_names['FinsamBudget_Budget'] = dn
except (TypeError, AttributeError):
    wb.defined_names.append(dn)
wb.save('openpyxl-corpus.xlsx')
`;

export function openpyxlWorkbook(dir: string): Buffer {
  fs.writeFileSync(path.join(dir, 'img.png'), PNG);
  runPython(OPENPYXL_SCRIPT, dir);
  return fs.readFileSync(path.join(dir, 'openpyxl-corpus.xlsx'));
}
