/**
 * `Kapitaltak` (optional): the equity cap as a band table by budget size (workbook.md). The cap for a year
 * = `Fast belopp` + `Procent` × the year's `Medlemsavgifter`, from the band with the largest `Från` not
 * above them (engine/goals.ts, `equityCapFor`). Used when `Högsta eget kapital` on `Mål` has the Gräns
 * `Kapitaltak`. Bands must start at 0 and rise.
 */
import type { CapBand } from '../../engine/goals';
import { ZERO_KR } from '../../engine/kronor';
import { D } from '../../engine/money';
import { INPUT_WORDS } from '../../messages/sheets';
import type { InputError, SheetGrid } from '../grid';
import { readTable, records, SheetSpec } from '../table';
import { isEmpty } from '../values';

const W = INPUT_WORDS.capTable;

export const CAP_TABLE_SPEC = {
  name: W.name,
  title: W.title,
  columns: [
    { key: 'from', header: W.columns.from, required: true, width: 15, format: '#,##0' },
    { key: 'percent', header: W.columns.percent, required: true, width: 10, format: '0.00 %' },
    { key: 'fixed', header: W.columns.fixed, width: 14, format: '#,##0' },
    { key: 'source', header: W.columns.source, width: 50 },
  ],
} as const satisfies SheetSpec<keyof typeof W.columns>;

/**
 * The bands in their order on the sheet (none: an empty table), or `null` when the sheet cannot be used
 * (its errors are then in `errors`, and a `Mål` row pointing here reports nothing more: no knock-on).
 */
export function parseCapTable(sheet: SheetGrid, errors: InputError[]): readonly CapBand[] | null {
  const table = readTable(sheet, CAP_TABLE_SPEC, errors);
  if (!table) return null;
  const before = errors.length;
  const bands: CapBand[] = [];
  let previous: CapBand | null = null;
  for (const c of records(table, errors)) {
    const rowErrors = errors.length;
    const from = c.nonNegative('from', null);
    const percent = isEmpty(c.raw('percent')) ? undefined : c.percent('percent', new D(0));
    const fixed = c.nonNegative('fixed', ZERO_KR);
    const source = c.text('source');
    if (from === null && !isEmpty(c.raw('percent'))) c.error('from', 'required', { what: W.columns.from });
    if (isEmpty(c.raw('percent'))) c.error('percent', 'required', { what: W.columns.percent });
    if (errors.length > rowErrors || from === null || from === undefined || !percent || fixed === undefined) continue;
    if (percent.isNegative()) {
      c.error('percent', 'negative', { what: W.columns.percent });
      continue;
    }
    if (previous === null && from !== 0) c.error('from', 'capBandsStart', { from });
    else if (previous !== null && from <= previous.from) c.error('from', 'capBandsOrder', { from, previous: previous.from });
    const band: CapBand = { from, percent, fixed, source };
    bands.push(band);
    previous = band;
  }
  return errors.length > before ? null : bands;
}
