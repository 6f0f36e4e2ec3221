/** `Medlemmar`: the members, their party, inhabitants, whether they pay, membership years. */
import { count, Count } from '../../engine/kronor';
import { isActive } from '../../engine/split';
import type { Member } from '../../engine/types';
import { PARTIES } from '../../engine/types';
import { DUPLICATE_OF, EXPECTED, INPUT_WORDS } from '../../messages/sheets';
import { NEGATIVE_WHAT } from '../../messages/errors';
import { lowerCaseSv, PARTY } from '../../messages/vocabulary';
import { inputError, InputError, SheetGrid } from '../grid';
import { headerCell, readTable, records, SheetSpec } from '../table';
import { isEmpty, parseInteger, parseYear, parseYesNo } from '../values';
import type { PlanContext } from './settings';

const W = INPUT_WORDS.members.columns;
/** The contract's bound on a kommun's inhabitants (workbook.md, "Bounds"). */
export const MAX_POPULATION = 100_000_000;

export const MEMBERS_SPEC = {
  name: INPUT_WORDS.members.name,
  columns: [
    { key: 'member', header: W.member, required: true, width: 22 },
    { key: 'party', header: W.party, required: true, width: 10 },
    { key: 'population', header: W.population, width: 12, format: '#,##0', summed: true },
    { key: 'pays', header: W.pays, width: 10 },
    { key: 'fromYear', header: W.fromYear, width: 10 },
    { key: 'toYear', header: W.toYear, width: 10 },
  ],
  sumKey: 'member',
} as const satisfies SheetSpec<keyof typeof W>;

export function parseMembers(sheet: SheetGrid, context: PlanContext, errors: InputError[]): Member[] {
  const table = readTable(sheet, MEMBERS_SPEC, errors);
  if (!table) return [];
  const members: Member[] = [];
  const seen = new Map<string, string>();
  let incomplete = false;
  for (const c of records(table, errors)) {
    const name = c.text('member', true);
    const party = c.choice('party', PARTY);
    if (name !== '') {
      const key = lowerCaseSv(name);
      const first = seen.get(key);
      if (first) c.error('member', 'duplicate', { what: DUPLICATE_OF.member, text: name, firstCell: first });
      else seen.set(key, c.address('member'));
    }
    let population: Count = count(0);
    const rawPop = c.raw('population');
    if (party === 'municipalities' && isEmpty(rawPop)) c.error('population', 'required', { what: W.population });
    else if (!isEmpty(rawPop)) {
      const p = c.take('population', parseInteger(rawPop, EXPECTED.population));
      if (p !== undefined && p < 0) c.error('population', 'negative', { what: NEGATIVE_WHAT.population });
      else if (p !== undefined && p > MAX_POPULATION)
        c.error('population', 'outOfRange', { what: W.population, min: 0, max: MAX_POPULATION });
      else if (p !== undefined) population = count(p);
    }
    const pays = c.take('pays', parseYesNo(c.raw('pays'), true));
    const year = (key: 'fromYear' | 'toYear') => {
      const v = c.raw(key);
      return isEmpty(v) ? null : (c.take(key, parseYear(v, EXPECTED.year)) ?? null);
    };
    const fromYear = year('fromYear');
    const toYear = year('toYear');
    if (fromYear !== null && toYear !== null && toYear < fromYear)
      c.error('toYear', 'membershipYearsInverted', { fromYear, toYear });
    if (name === '' || (['party', 'population', 'pays', 'fromYear', 'toYear'] as const).some((k) => c.failed(k)))
      incomplete = true;
    if (name !== '' && party) members.push({ name, party, population, pays: pays ?? true, fromYear, toYear });
  }
  // Each party with a share needs a paying member every plan year; kommuner need inhabitants. Not
  // when a member's row has an error: that member may be the payer (its own error says enough).
  if (incomplete || !context.years || !context.shares) return members;
  const shares = context.shares;
  const partyCell = headerCell(table, 'party');
  for (const y of context.years) {
    for (const party of PARTIES) {
      if (shares[party].isZero()) continue;
      const payers = members.filter((m) => m.party === party && m.pays && isActive(m, y));
      if (payers.length === 0) errors.push(inputError(sheet.name, partyCell, 'noPayer', { party: PARTY[party], year: y }));
      else if (party === 'municipalities' && payers.every((m) => m.population === 0))
        errors.push(inputError(sheet.name, partyCell, 'noPopulation', { year: y }));
    }
  }
  return members;
}
