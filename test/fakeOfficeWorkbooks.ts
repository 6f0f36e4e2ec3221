/** Workbooks for the fake Office.js: the bundled example, scaled copies, and the national-scale workbook. */
import { exampleSheets, TemplateSheet } from '../src/workbook/example';
import { FakeExcel } from './fakeOffice';

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

/** A national-scale workbook: 290 kommuner, 2 000 interventions, 10 plan years (as scripts/bench.js builds it). */
export function nationalSheets(): TemplateSheet[] {
  const sheets = exampleSheets();
  const byName = (n: string) => sheets.find((s) => s.name === n)! as unknown as { rows: Rows };
  const first = 2027;
  const years = 10;
  const settings = byName('Inställningar');
  settings.rows[2]![1] = first;
  settings.rows[3]![1] = years;
  settings.rows[8]![1] = new Date(Date.UTC(first - 1, 10, 20));
  const yearSheet = byName('År');
  yearSheet.rows = [yearSheet.rows[0]!];
  for (let i = 0; i < years; i++) yearSheet.rows.push([first + i, 2500000000, 12, 50000000, 0, 1000000, 0]);
  const members = byName('Medlemmar');
  members.rows = members.rows.slice(0, 4);
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < 290; k++)
    members.rows.push([`Kommun ${String(k + 1).padStart(3, '0')}`, 'Kommun', 2000 + Math.floor(rnd() * 600000), 'Ja']);
  const iv = byName('Insatser');
  const yearHeaders = Array.from({ length: years }, (_, i) => String(first + i));
  iv.rows = [iv.rows[0]!, [...iv.rows[1]!.filter((h) => !/^\d{4}$/.test(String(h))), ...yearHeaders]];
  for (let n = 0; n < 2000; n++) {
    const startMonth = Math.floor(rnd() * 120) - 24;
    const length = 6 + Math.floor(rnd() * 60);
    const s = new Date(Date.UTC(first, startMonth, 1));
    const e = new Date(Date.UTC(first, startMonth + length, 0));
    const total = 100000 + Math.floor(rnd() * 5000000);
    iv.rows.push([
      n + 1,
      `Insats ${n + 1}`,
      `Kommun ${1 + (n % 290)}`,
      n % 10 === 0 ? 'ESF' : 'Finsam',
      n % 3 === 0 ? 'Planerad' : 'Beslutad',
      s,
      e,
      total,
      startMonth < 0 ? Math.floor(total / 5) : 0,
    ]);
  }
  const costs = byName('Kostnader');
  costs.rows = [['Kostnadspost', 'Slag', 'Finansiering', 'Årlig ökning', ...yearHeaders]];
  for (let c = 0; c < 40; c++)
    costs.rows.push([`Kostnad ${c + 1}`, 'Drift', c % 8 === 0 ? 'ESF' : 'Finsam', '2 %', 1000000 + c * 10000]);
  byName('Mål').rows[5]![1] = null;
  return sheets;
}

/** National scale × `k`: more kommuner-named interventions (the largest input and output sheets grow). */
export function nationalExcel(k = 1): FakeExcel {
  const sheets = nationalSheets();
  if (k > 1) {
    const iv = sheets.find((s) => s.name === 'Insatser')! as unknown as { rows: Rows };
    const body = iv.rows.slice(2);
    for (let c = 1; c < k; c++)
      iv.rows.push(...body.map((r, i) => [body.length * c + i + 1, `${String(r[1])} x${c}`, ...r.slice(2)]));
  }
  return exampleExcel(1, sheets);
}
