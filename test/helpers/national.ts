/**
 * A national-scale workbook for tests that need size (the same as `npm run bench`): 290 kommuner,
 * 2 000 interventions, 40 cost lines, 10 plan years, from the bundled example's sheets.
 */
import type { CellValue } from '../../src/workbook/grid';
import type { TemplateSheet } from '../../src/workbook/example';

export function nationalSheets(sheets: TemplateSheet[]): TemplateSheet[] {
  const byName = (n: string): TemplateSheet => {
    const sheet = sheets.find((s) => s.name === n);
    if (!sheet) throw new Error(`the example has no sheet ${n}`);
    return sheet;
  };
  const first = 2027;
  const years = 10;
  const setParam = (name: string, value: CellValue) => {
    const row = byName('Inställningar').rows.find((r) => r[0] === name);
    if (!row) throw new Error(`no parameter ${name}`);
    row[1] = value;
  };
  setParam('Första planår', first);
  setParam('Antal planår', years);
  setParam('Budgetbeslut', new Date(Date.UTC(first - 1, 10, 20)));
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
    const total = 100000 + Math.floor(rnd() * 5000000);
    iv.rows.push([
      n + 1,
      `Insats ${n + 1}`,
      `Kommun ${1 + (n % 290)}`,
      n % 10 === 0 ? 'ESF' : 'Finsam',
      n % 3 === 0 ? 'Planerad' : 'Beslutad',
      new Date(Date.UTC(first, startMonth, 1)),
      new Date(Date.UTC(first, startMonth + length, 0)),
      total,
      startMonth < 0 ? Math.floor(total / 5) : 0,
    ]);
  }
  const costs = byName('Kostnader');
  costs.rows = [['Kostnadspost', 'Slag', 'Finansiering', 'Årlig ökning', ...yearHeaders]];
  for (let c = 0; c < 40; c++)
    costs.rows.push([`Kostnad ${c + 1}`, 'Drift', c % 8 === 0 ? 'ESF' : 'Finsam', '2 %', 1000000 + c * 10000]);
  const cap = byName('Mål').rows.find((r) => r[0] === 'Högsta eget kapital');
  if (cap) cap[1] = null; // no equity limit at national scale
  return sheets;
}
