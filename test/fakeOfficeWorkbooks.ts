/** Workbooks for the fake Office.js: the bundled example, scaled copies, and the national-scale workbook. */
import { exampleSheets, TemplateSheet } from '../src/workbook/example';
import { FakeExcel } from './fakeOffice';
import { nationalSheets } from './helpers/national';

type Rows = unknown[][];

/** The bundled example in a fake Excel (dates as serial numbers); `scale` multiplies kommuner and interventions. */
export function exampleExcel(scale = 1, sheets: TemplateSheet[] = exampleSheets()): FakeExcel {
  const excel = new FakeExcel();
  for (const s of sheets) {
    let rows = s.rows as Rows;
    if (scale > 1 && (s.name === 'Medlemmar' || s.name === 'Insatser')) {
      const head = s.name === 'Medlemmar' ? 4 : 2;
      const nameCol = s.name === 'Medlemmar' ? 0 : 1;
      const body = rows.slice(head);
      rows = [...rows.slice(0, head)];
      for (let k = 0; k < scale; k++) rows.push(...body.map((r) => r.map((v, c) => (c === nameCol ? `${String(v)} ${k}` : v))));
    }
    excel.addSheet(s.name, rows);
  }
  return excel;
}

/** National scale × `k`: more kommuner-named interventions (the largest input and output sheets grow). */
export function nationalExcel(k = 1): FakeExcel {
  const sheets = nationalSheets(exampleSheets());
  if (k > 1) {
    const iv = sheets.find((s) => s.name === 'Insatser')! as unknown as { rows: Rows };
    const body = iv.rows.slice(2);
    for (let c = 1; c < k; c++)
      iv.rows.push(...body.map((r, i) => [body.length * c + i + 1, `${String(r[1])} x${c}`, ...r.slice(2)]));
  }
  return exampleExcel(1, sheets);
}
