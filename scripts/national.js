// @ts-check
/**
 * The national-scale workbook: 290 kommuner, 2 000 interventions, 40 cost lines, 10 plan years, made
 * from the bundled example's sheets. One generator for every benchmark (`scripts/bench*.js`, which run
 * against dist-cli/ or an older engine's build) and every test that needs size (`test/helpers/`), so
 * that "the national workbook" is the same workbook, with the same figures, wherever it is named.
 * Plain CommonJS with JSDoc types: node runs it as it is, and the TypeScript tests import it (checkJs).
 */
'use strict';

/** The workbook's size (the benchmarks print it). */
const NATIONAL = { kommuner: 290, interventions: 2000, costLines: 40, firstYear: 2027, years: 10 };

/**
 * Turns the bundled example's sheets into the national workbook (in place; returns them). Takes the
 * sheets of the engine at hand (`exampleSheets()` of the sources, of dist-cli/ or of an old commit's
 * build), so that each engine reads a workbook its own template made; the rows it writes are the same.
 * @template {{ name: string, rows: unknown[][] }} S
 * @param {S[]} sheets
 * @returns {S[]}
 */
function nationalSheets(sheets) {
  /** @param {string} name */
  const byName = (name) => {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`the example has no sheet ${name}`);
    return /** @type {{ rows: unknown[][] }} */ (sheet); // rows are replaced and edited below
  };
  /** The row of a label → value sheet whose first cell is `label`. */
  const labelled = (/** @type {string} */ name, /** @type {string} */ label) => {
    const row = byName(name).rows.find((r) => r[0] === label);
    if (!row) throw new Error(`${name} has no row ${label}`);
    return row;
  };
  const { firstYear: first, years } = NATIONAL;
  labelled('Inställningar', 'Första planår')[1] = first;
  labelled('Inställningar', 'Antal planår')[1] = years;
  labelled('Inställningar', 'Budgetbeslut')[1] = new Date(Date.UTC(first - 1, 10, 20));
  const yearSheet = byName('År');
  yearSheet.rows = [/** @type {unknown[]} */ (yearSheet.rows[0])];
  for (let i = 0; i < years; i++) yearSheet.rows.push([first + i, 2500000000, 12, 50000000, 0, 1000000, 0]);
  const members = byName('Medlemmar');
  members.rows = members.rows.slice(0, 4); // the header, the state's two and the region
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let k = 0; k < NATIONAL.kommuner; k++)
    members.rows.push([`Kommun ${String(k + 1).padStart(3, '0')}`, 'Kommun', 2000 + Math.floor(rnd() * 600000), 'Ja']);
  const iv = byName('Insatser');
  const yearHeaders = Array.from({ length: years }, (_, i) => String(first + i));
  // The example's title and header without its year columns, then this plan's years.
  const [title, header] = /** @type {[unknown[], unknown[]]} */ (iv.rows);
  iv.rows = [title, [...header.filter((h) => !/^\d{4}$/.test(String(h))), ...yearHeaders]];
  for (let n = 0; n < NATIONAL.interventions; n++) {
    const startMonth = Math.floor(rnd() * 120) - 24;
    const length = 6 + Math.floor(rnd() * 60);
    const total = 100000 + Math.floor(rnd() * 5000000);
    iv.rows.push([
      n + 1,
      `Insats ${n + 1}`,
      `Kommun ${1 + (n % NATIONAL.kommuner)}`,
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
  for (let c = 0; c < NATIONAL.costLines; c++)
    costs.rows.push([`Kostnad ${c + 1}`, 'Drift', c % 8 === 0 ? 'ESF' : 'Finsam', '2 %', 1000000 + c * 10000]);
  labelled('Mål', 'Högsta eget kapital')[1] = null; // no equity limit at national scale
  return sheets;
}

module.exports = { NATIONAL, nationalSheets };
