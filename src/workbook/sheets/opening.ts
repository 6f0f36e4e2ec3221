/** `Ingående balans`: the balance sheet at the start of the first plan year (it must balance). */
import { add, ZERO_KR } from '../../engine/kronor';
import type { OpeningBalance } from '../../engine/types';
import { DUPLICATE_OF, INPUT_WORDS } from '../../messages/sheets';
import { inputError, InputError, SheetGrid } from '../grid';
import { cellAddress, readLabelled, readTable, SheetSpec } from '../table';

const W = INPUT_WORDS.opening;

export const OPENING_SPEC = {
  name: W.name,
  columns: [
    { key: 'item', header: W.columns.item, required: true, width: 24 },
    { key: 'amount', header: W.columns.amount, required: true, width: 15, format: '#,##0', summed: true },
    { key: 'comment', header: W.columns.comment, width: 46 },
  ],
  sumKey: 'item',
} as const satisfies SheetSpec<keyof typeof W.columns>;

/** No `Ingående balans` sheet: everything starts at zero. */
export function zeroOpening(): OpeningBalance {
  return {
    equity: ZERO_KR,
    fixedAssets: ZERO_KR,
    receivables: ZERO_KR,
    cash: ZERO_KR,
    shortTermLiabilities: ZERO_KR,
    longTermLiabilities: ZERO_KR,
  };
}

export function parseOpening(sheet: SheetGrid, errors: InputError[]): OpeningBalance {
  const opening = zeroOpening();
  const table = readTable(sheet, OPENING_SPEC, errors);
  if (!table) return opening;
  const before = errors.length;
  const known = Object.values(W.rows);
  const rows = readLabelled(
    table,
    'item',
    W.rows,
    errors,
    (text, c) => c.error('item', 'unknownBalanceItem', { text, known }),
    DUPLICATE_OF.item,
  );
  const firstCell = [...rows.values()].sort((a, b) => a.record.row - b.record.row)[0]?.address('amount') ?? '';
  for (const [item, c] of rows) {
    const amount = c.amount('amount', ZERO_KR);
    if (amount !== undefined) opening[item] = amount;
  }
  if (errors.length === before) {
    const assets = add(add(opening.fixedAssets, opening.receivables), opening.cash);
    const claims = add(add(opening.equity, opening.shortTermLiabilities), opening.longTermLiabilities);
    if (assets !== claims) {
      errors.push(
        inputError(sheet.name, firstCell || cellAddress(sheet, table.headerRow, 0), 'balanceMismatch', { assets, claims }),
      );
    }
  }
  return opening;
}
