/**
 * The Swedish a board preparer reads: "negativ" agrees with what must not be negative, the sheets are
 * named by their own names or "underlag" (never "indatablad"/"utdatablad"), and the `Kostnader`
 * column is read as `Årlig uppräkning` (the template's word) and as the contract's `Årlig ökning`.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { errorMessage, NEGATIVE_WHAT } from '../src/messages/errors';
import { INPUT_ALSO, INPUT_WORDS } from '../src/messages/sheets';
import type { InputError, SheetGrid } from '../src/workbook/grid';
import { COSTS_SPEC, parseCosts } from '../src/workbook/sheets/costs';
import { parseYears } from '../src/workbook/sheets/years';

const grid = (name: string, values: SheetGrid['values']): SheetGrid => ({ name, values, rowOffset: 0, colOffset: 0 });

describe('"får inte vara negativ…" agrees with its subject', () => {
  const Y = INPUT_WORDS.years.columns;
  const I = INPUT_WORDS.interventions.columns;
  test.each([
    [Y.contributions, 'Medlemsavgifter får inte vara negativa.'],
    [Y.esfIncome, 'ESF-intäkter får inte vara negativa.'],
    [Y.investments, 'Investeringar får inte vara negativa.'],
    [Y.receivables, 'Fordringar får inte vara negativa.'],
    [Y.shortTermLiabilities, 'Kortfristiga skulder får inte vara negativa.'],
    [I.total, 'Budget totalt får inte vara negativ.'],
    [I.spentBefore, 'Förbrukat före planår får inte vara negativt.'],
    [INPUT_WORDS.settings.rows.stateShare, 'Statens andel får inte vara negativ.'],
  ])('%s', (what, message) => {
    expect(errorMessage('negative', { what })).toBe(message);
    // A header is the workbook's own word: the English message names it as the sheet does.
    expect(errorMessage('negative', { what }, 'en')).toBe(`${what} must not be negative.`);
  });

  test.each([
    [NEGATIVE_WHAT.population, 'Antalet invånare får inte vara negativt.', 'The number of inhabitants must not be negative.'],
    [NEGATIVE_WHAT.yearAmount(2025), 'Beloppet för 2025 får inte vara negativt.', 'The amount for 2025 must not be negative.'],
  ])('a phrase, in each language (case %#)', (what, sv, en) => {
    expect(errorMessage('negative', { what })).toBe(sv);
    expect(errorMessage('negative', { what }, 'en')).toBe(en);
  });

  test('read from a sheet: a negative ESF income on År is named in agreement', () => {
    const errors: InputError[] = [];
    parseYears(
      grid('År', [
        ['År', 'Medlemsavgifter', 'Verksamhetsmånader', 'ESF-intäkter'],
        [2024, 16000000, 12, -5],
      ]),
      [2024],
      errors,
    );
    expect(errors.map((e) => [e.cell, e.code, e.message])).toEqual([['D2', 'negative', 'ESF-intäkter får inte vara negativa.']]);
  });
});

describe('no "indatablad", "utdatablad" or other words the seeds do not use, in any message', () => {
  const dir = path.resolve(__dirname, '..', 'src', 'messages');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  test.each(files)('%s', (file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const banned of [
      /indatablad/i,
      /utdatablad/i,
      /sexmånadersfönst/i,
      /Planerade insatser'/,
      /Eget kapital och skulder/i,
      /överstiger rekommendationen/i,
      /Summa (?:stat|region|kommun)\b/,
    ])
      expect({ file, banned: String(banned), found: banned.test(text) }).toEqual({ file, banned: String(banned), found: false });
  });
});

describe('Kostnader: the yearly increase as "Årlig uppräkning" or "Årlig ökning"', () => {
  const costs = (header: string) => [
    ['Kostnadspost', 'Slag', 'Finansiering', header, 2024],
    ['Kansli', 'Drift', 'Finsam', 0.03, 3271000],
  ];
  test('the template writes Årlig uppräkning; Årlig ökning is read too', () => {
    expect(COSTS_SPEC.columns.find((c) => c.key === 'growth')!.header).toBe('Årlig uppräkning');
    expect(INPUT_ALSO.costs.growth).toEqual(['Årlig ökning']);
    for (const header of ['Årlig uppräkning', 'Årlig ökning', 'årlig ökning (%)']) {
      const errors: InputError[] = [];
      const lines = parseCosts(grid('Kostnader', costs(header)), [2024], errors, []);
      expect(errors).toEqual([]);
      expect(lines.map((l) => [l.name, l.growth.toString()])).toEqual([['Kansli', '0.03']]);
    }
  });

  test('both headers on one sheet: the column is named twice', () => {
    const errors: InputError[] = [];
    const values = costs('Årlig uppräkning');
    values[0]!.push('Årlig ökning');
    parseCosts(grid('Kostnader', values), [2024], errors, []);
    expect(errors.map((e) => [e.cell, e.code])).toEqual([['F1', 'duplicateColumn']]);
  });
});
