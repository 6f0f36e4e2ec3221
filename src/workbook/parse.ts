/** Parsing the input sheets (plain grids) into a PlanInput, with every problem as data. */
import { compareDates, isoDate, YMD } from '../engine/calendar';
import { dec, Money, sum, ZERO } from '../engine/money';
import { isActive } from '../engine/split';
import type {
  CostLine,
  Funding,
  Goals,
  Intervention,
  Member,
  OpeningBalance,
  Party,
  PlanInput,
  Settings,
  YearInput,
} from '../engine/types';
import { formatKr, inputErrors, PARTY_SV } from '../messages';
import { CellValue, InputError, sameSheetName, SheetGrid, WorkbookSnapshot } from './grid';
import { BALANCE_ITEMS, GOAL_ROWS, INPUT_SHEETS, REQUIRED_SHEETS, SETTINGS_PARAMS } from './schema';
import { cellAddress, readTable, Table, TableRecord } from './table';
import {
  cellText,
  isEmpty,
  normalizeHeader,
  parseAmount,
  parseDate,
  parseDayMonth,
  parseInteger,
  Parsed,
  parsePercent,
  parseYesNo,
} from './values';

export interface ParseResult {
  input: PlanInput | null;
  errors: InputError[];
  /** Where each `Inställningar` parameter's value stands (A1). */
  settingsCells: Map<string, string>;
}

/** One cell of a record, with what is needed to report on it. */
class Cells {
  constructor(
    private readonly table: Table,
    private readonly record: TableRecord,
    private readonly errors: InputError[],
  ) {}

  has(column: string): boolean {
    return this.table.columns.has(column);
  }

  raw(column: string): CellValue {
    const c = this.table.columns.get(column);
    return c ? (this.record.values[c.index] ?? null) : null;
  }

  format(column: string): string | null {
    const c = this.table.columns.get(column);
    return c ? (this.table.sheet.formats?.[this.record.row]?.[c.index] ?? null) : null;
  }

  address(column: string | number): string {
    const index = typeof column === 'number' ? column : (this.table.columns.get(column)?.index ?? 0);
    return cellAddress(this.table.sheet, this.record.row, index);
  }

  error(column: string | number, message: string): void {
    this.errors.push({ sheet: this.table.sheet.name, cell: this.address(column), message });
  }

  take<T>(column: string, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    this.error(column, parsed.message);
    return undefined;
  }

  text(column: string, required = false): string {
    const t = cellText(this.raw(column));
    if (required && t === '') this.error(column, inputErrors.required(column));
    return t;
  }

  /** Whole kronor; `fallback` when empty (undefined fallback = required). */
  amount(column: string, fallback?: Money | null): Money | null | undefined {
    const v = this.raw(column);
    if (isEmpty(v)) {
      if (fallback === undefined) this.error(column, inputErrors.required(column));
      return fallback;
    }
    return this.take(column, parseAmount(v));
  }

  choice<T extends string>(column: string, options: Record<string, T>, fallback?: T): T | undefined {
    const v = this.raw(column);
    if (isEmpty(v)) {
      if (fallback === undefined) this.error(column, inputErrors.required(column));
      return fallback;
    }
    const key = cellText(v).toLocaleLowerCase('sv');
    const found = options[key];
    if (found === undefined) {
      const shown = [...new Set(Object.values(options))].map((o) => Object.keys(options).find((k) => options[k] === o)!);
      this.error(
        column,
        inputErrors.unknownChoice(
          cellText(v),
          shown.map((s) => s[0]!.toUpperCase() + s.slice(1)),
        ),
      );
    }
    return found;
  }
}

function records(table: Table, errors: InputError[]): { cells: Cells; record: TableRecord }[] {
  return table.records.map((record) => ({ cells: new Cells(table, record, errors), record }));
}

const FUNDING: Record<string, Funding> = { finsam: 'finsam', esf: 'esf' };

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetGrid | undefined {
  return snapshot.inputs.find((s) => sameSheetName(s.name, name));
}

// ------------------------------------------------------------------ Inställningar

function parseSettings(sheet: SheetGrid, errors: InputError[]): { settings: Settings | null; cells: Map<string, string> } {
  const cells = new Map<string, string>();
  const table = readTable(sheet, ['Parameter', 'Värde'], [], errors);
  if (!table) return { settings: null, cells };
  const known = Object.values(SETTINGS_PARAMS) as string[];
  const values = new Map<string, { value: CellValue; format: string | null; cells: Cells }>();
  for (const { cells: c } of records(table, errors)) {
    const param = c.text('Parameter');
    if (param === '') continue;
    const match = known.find((k) => normalizeHeader(k) === normalizeHeader(param));
    if (!match) {
      c.error('Parameter', inputErrors.unknownParameter(param, known));
      continue;
    }
    if (values.has(match)) {
      c.error('Parameter', inputErrors.duplicate('Parametern', param, values.get(match)!.cells.address('Parameter')));
      continue;
    }
    values.set(match, { value: c.raw('Värde'), format: c.format('Värde'), cells: c });
    cells.set(match, `${c.address('Värde')}`);
  }
  const errorCount = errors.length;
  const get = (p: string) => values.get(p);
  const headerCell = cellAddress(sheet, table.headerRow, table.columns.get('Värde')!.index);
  const report = (p: string, message: string) =>
    errors.push({ sheet: sheet.name, cell: get(p)?.cells.address('Värde') ?? headerCell, message });

  const firstYearEntry = get(SETTINGS_PARAMS.firstYear);
  let firstYear = 0;
  if (!firstYearEntry || isEmpty(firstYearEntry.value))
    report(SETTINGS_PARAMS.firstYear, inputErrors.required(SETTINGS_PARAMS.firstYear));
  else {
    const y = parseInteger(firstYearEntry.value, 'ett årtal');
    if (!y.ok) report(SETTINGS_PARAMS.firstYear, y.message);
    else if (y.value < 1900 || y.value > 2200)
      report(SETTINGS_PARAMS.firstYear, inputErrors.outOfRange(SETTINGS_PARAMS.firstYear, 1900, 2200));
    else firstYear = y.value;
  }
  let yearCount = 3;
  const countEntry = get(SETTINGS_PARAMS.yearCount);
  if (countEntry && !isEmpty(countEntry.value)) {
    const n = parseInteger(countEntry.value, 'ett antal år');
    if (!n.ok) report(SETTINGS_PARAMS.yearCount, n.message);
    else if (n.value < 1 || n.value > 10)
      report(SETTINGS_PARAMS.yearCount, inputErrors.outOfRange(SETTINGS_PARAMS.yearCount, 1, 10));
    else yearCount = n.value;
  }
  const share = (p: string, fallback: string): Money => {
    const e = get(p);
    if (!e || isEmpty(e.value)) return dec(fallback);
    const r = parsePercent(e.value, e.format);
    if (!r.ok) {
      report(p, r.message);
      return dec(fallback);
    }
    if (r.value.isNegative()) report(p, inputErrors.negative(p));
    return r.value;
  };
  const shares: Record<Party, Money> = {
    state: share(SETTINGS_PARAMS.stateShare, '0.5'),
    region: share(SETTINGS_PARAMS.regionShare, '0.25'),
    municipalities: share(SETTINGS_PARAMS.municipalShare, '0.25'),
  };
  if (errors.length === errorCount) {
    const total = shares.state.plus(shares.region).plus(shares.municipalities);
    const pct = (m: Money) => m.times(100).toDecimalPlaces(4).toString().replace('.', ',');
    const shareCell = get(SETTINGS_PARAMS.stateShare) ? SETTINGS_PARAMS.stateShare : SETTINGS_PARAMS.regionShare;
    if (!total.equals(1)) report(shareCell, inputErrors.sharesSum(pct(total)));
    else if (!shares.state.equals(shares.region.plus(shares.municipalities)))
      report(shareCell, inputErrors.stateEqualsOthers(pct(shares.state), pct(shares.region.plus(shares.municipalities))));
  }
  let rounding: Settings['rounding'] = 'krona';
  const roundingEntry = get(SETTINGS_PARAMS.rounding);
  if (roundingEntry && !isEmpty(roundingEntry.value)) {
    const t = cellText(roundingEntry.value).toLowerCase();
    if (t === 'krona' || t === 'kronor') rounding = 'krona';
    else if (t === 'promille' || t === '‰') rounding = 'promille';
    else report(SETTINGS_PARAMS.rounding, inputErrors.unknownChoice(cellText(roundingEntry.value), ['krona', 'promille']));
  }
  let budgetDecisionDate: YMD | null = null;
  const dateEntry = get(SETTINGS_PARAMS.budgetDecision);
  if (dateEntry && !isEmpty(dateEntry.value)) {
    const d = parseDate(dateEntry.value);
    if (!d.ok) report(SETTINGS_PARAMS.budgetDecision, d.message);
    else budgetDecisionDate = d.value;
  }
  const name = cellText(get(SETTINGS_PARAMS.name)?.value ?? null);
  if (errors.length > errorCount || firstYear === 0) return { settings: null, cells };
  return { settings: { name, firstYear, yearCount, shares, rounding, budgetDecisionDate }, cells };
}

// ------------------------------------------------------------------ År

function parseYears(sheet: SheetGrid, settings: Settings, errors: InputError[]): YearInput[] {
  const table = readTable(
    sheet,
    ['År', 'Medlemsavgifter'],
    [
      'Verksamhetsmånader',
      'ESF-intäkter',
      'Övriga intäkter',
      'Finansiella intäkter',
      'Investeringar',
      'Fordringar',
      'Kortfristiga skulder',
      'Långfristiga skulder',
    ],
    errors,
  );
  if (!table) return [];
  const planYears = Array.from({ length: settings.yearCount }, (_, i) => settings.firstYear + i);
  const byYear = new Map<number, { input: YearInput; cell: string }>();
  for (const { cells: c } of records(table, errors)) {
    const rawYear = c.raw('År');
    if (isEmpty(rawYear)) {
      c.error('År', inputErrors.required('År'));
      continue;
    }
    const y = c.take('År', parseInteger(rawYear, 'ett årtal'));
    if (y === undefined || !planYears.includes(y)) continue; // rows outside the plan are history
    if (byYear.has(y)) {
      c.error('År', inputErrors.duplicate('Året', String(y), byYear.get(y)!.cell));
      continue;
    }
    const contributions = c.amount('Medlemsavgifter');
    let months = 12;
    const rawMonths = c.raw('Verksamhetsmånader');
    if (!isEmpty(rawMonths)) {
      const m = c.take('Verksamhetsmånader', parseInteger(rawMonths, 'ett antal månader'));
      if (m !== undefined && (m < 1 || m > 12))
        c.error('Verksamhetsmånader', inputErrors.outOfRange('Verksamhetsmånader', 1, 12));
      else if (m !== undefined) months = m;
    }
    const nonNegative = (col: string, fallback: Money | null) => {
      const v = c.amount(col, fallback);
      if (v && v.isNegative()) c.error(col, inputErrors.negative(col));
      return v;
    };
    if (contributions && contributions.isNegative()) c.error('Medlemsavgifter', inputErrors.negative('Medlemsavgifter'));
    const input: YearInput = {
      year: y,
      contributions: contributions ?? ZERO,
      months,
      esfIncome: nonNegative('ESF-intäkter', ZERO) ?? ZERO,
      otherIncome: c.amount('Övriga intäkter', ZERO) ?? ZERO,
      financialIncome: c.amount('Finansiella intäkter', ZERO) ?? ZERO,
      investments: nonNegative('Investeringar', ZERO) ?? ZERO,
      receivables: nonNegative('Fordringar', null) ?? null,
      shortTermLiabilities: nonNegative('Kortfristiga skulder', null) ?? null,
      longTermLiabilities: nonNegative('Långfristiga skulder', null) ?? null,
    };
    byYear.set(y, { input, cell: c.address('År') });
  }
  const missing = planYears.filter((y) => !byYear.has(y));
  if (missing.length > 0) {
    errors.push({
      sheet: sheet.name,
      cell: cellAddress(sheet, table.headerRow, table.columns.get('År')!.index),
      message: inputErrors.yearsMismatch(planYears, [...byYear.keys()].sort()),
    });
  }
  return planYears.filter((y) => byYear.has(y)).map((y) => byYear.get(y)!.input);
}

// ------------------------------------------------------------------ Medlemmar

const PARTY: Record<string, Party> = {
  stat: 'state',
  staten: 'state',
  region: 'region',
  regionen: 'region',
  landsting: 'region',
  landstinget: 'region',
  kommun: 'municipalities',
  kommunerna: 'municipalities',
};

function parseMembers(sheet: SheetGrid, settings: Settings, errors: InputError[]): Member[] {
  const table = readTable(sheet, ['Medlem', 'Part'], ['Invånare', 'Betalar', 'Från år', 'Till år'], errors);
  if (!table) return [];
  const members: Member[] = [];
  const seen = new Map<string, string>();
  for (const { cells: c } of records(table, errors)) {
    const name = c.text('Medlem', true);
    const party = c.choice('Part', PARTY);
    if (name !== '') {
      const key = name.toLocaleLowerCase('sv');
      if (seen.has(key)) c.error('Medlem', inputErrors.duplicate('Medlemmen', name, seen.get(key)!));
      else seen.set(key, c.address('Medlem'));
    }
    let population = ZERO;
    const rawPop = c.raw('Invånare');
    if (party === 'municipalities' && isEmpty(rawPop)) c.error('Invånare', inputErrors.required('Invånare'));
    else if (!isEmpty(rawPop)) {
      const p = c.take('Invånare', parseInteger(rawPop, 'ett antal invånare'));
      if (p !== undefined && p < 0) c.error('Invånare', inputErrors.negative('Antalet invånare'));
      else if (p !== undefined) population = dec(p);
    }
    const pays = c.take('Betalar', parseYesNo(c.raw('Betalar'), true));
    const year = (col: string) => {
      const v = c.raw(col);
      return isEmpty(v) ? null : (c.take(col, parseInteger(v, 'ett årtal')) ?? null);
    };
    const fromYear = year('Från år');
    const toYear = year('Till år');
    if (name !== '' && party) members.push({ name, party, population, pays: pays ?? true, fromYear, toYear });
  }
  // Each party with a share needs a paying member every plan year; kommuner need inhabitants.
  const partyCell = cellAddress(sheet, table.headerRow, table.columns.get('Part')!.index);
  const shares: Record<Party, Money> = settings.shares;
  for (let y = settings.firstYear; y < settings.firstYear + settings.yearCount; y++) {
    for (const party of ['state', 'region', 'municipalities'] as Party[]) {
      if (shares[party].isZero()) continue;
      const payers = members.filter((m) => m.party === party && m.pays && isActive(m, y));
      if (payers.length === 0)
        errors.push({ sheet: sheet.name, cell: partyCell, message: inputErrors.noPayer(PARTY_SV[party], y) });
      else if (party === 'municipalities' && sum(payers.map((m) => m.population)).isZero())
        errors.push({ sheet: sheet.name, cell: partyCell, message: inputErrors.noPopulation(y) });
    }
  }
  return members;
}

// ------------------------------------------------------------------ Insatser

function parseInterventions(sheet: SheetGrid, settings: Settings, errors: InputError[]): Intervention[] {
  const table = readTable(
    sheet,
    ['Insats', 'Start', 'Slut', 'Budget totalt'],
    ['Nr', 'Insatsägare', 'Finansiering', 'Status', 'Förbrukat före planår'],
    errors,
  );
  if (!table) return [];
  const lastYear = settings.firstYear + settings.yearCount - 1;
  const result: Intervention[] = [];
  for (const { cells: c, record } of records(table, errors)) {
    const before = errors.length;
    const name = c.text('Insats', true);
    const funding = c.choice('Finansiering', FUNDING, 'finsam');
    const status = c.choice('Status', { beslutad: 'decided', planerad: 'planned' } as const, 'planned');
    const start = isEmpty(c.raw('Start'))
      ? (c.error('Start', inputErrors.required('Start')), undefined)
      : c.take('Start', parseDate(c.raw('Start'), 'start'));
    const end = isEmpty(c.raw('Slut'))
      ? (c.error('Slut', inputErrors.required('Slut')), undefined)
      : c.take('Slut', parseDate(c.raw('Slut'), 'end'));
    const total = c.amount('Budget totalt');
    const spentBefore = c.amount('Förbrukat före planår', ZERO);
    if (total && total.isNegative()) c.error('Budget totalt', inputErrors.negative('Budget totalt'));
    if (spentBefore && spentBefore.isNegative()) c.error('Förbrukat före planår', inputErrors.negative('Förbrukat före planår'));
    if (start && end && compareDates(end, start) < 0) c.error('Slut', inputErrors.endBeforeStart(isoDate(end), isoDate(start)));
    if (total && spentBefore && spentBefore.greaterThan(total))
      c.error('Förbrukat före planår', inputErrors.spentAboveTotal(formatKr(spentBefore), formatKr(total)));
    const yearAmounts = new Map<number, Money>();
    for (const [year, column] of table.yearColumns) {
      if (year < settings.firstYear || year > lastYear) continue;
      const v = record.values[column.index] ?? null;
      if (isEmpty(v)) continue;
      const a = parseAmount(v);
      if (!a.ok) {
        c.error(column.index, a.message);
        continue;
      }
      if (a.value.isNegative()) {
        c.error(column.index, inputErrors.negative(`Beloppet för ${year}`));
        continue;
      }
      if (start && end && (year < start.year || year > end.year)) {
        c.error(column.index, inputErrors.yearOutsidePeriod(year, isoDate(start), isoDate(end)));
        continue;
      }
      yearAmounts.set(year, a.value);
    }
    if (total && spentBefore && errors.length === before) {
      const given = sum([...yearAmounts.values()]);
      const remaining = total.minus(spentBefore);
      if (given.greaterThan(remaining)) {
        const firstYearColumn = [...table.yearColumns.entries()].find(([y]) => yearAmounts.has(y))![1];
        c.error(firstYearColumn.index, inputErrors.yearAmountsTooLarge(formatKr(given), formatKr(remaining)));
      }
    }
    if (errors.length === before && start && end && total && spentBefore && funding && status) {
      result.push({
        nr: c.text('Nr'),
        name,
        owner: c.text('Insatsägare'),
        funding,
        status,
        start,
        end,
        total,
        spentBefore,
        yearAmounts,
      });
    }
  }
  return result;
}

// ------------------------------------------------------------------ Kostnader

function parseCosts(sheet: SheetGrid, settings: Settings, errors: InputError[]): CostLine[] {
  const table = readTable(sheet, ['Kostnadspost'], ['Slag', 'Finansiering', 'Årlig ökning'], errors);
  if (!table) return [];
  const lastYear = settings.firstYear + settings.yearCount - 1;
  const lines: CostLine[] = [];
  for (const { cells: c, record } of records(table, errors)) {
    const before = errors.length;
    const name = c.text('Kostnadspost', true);
    const kind = c.choice(
      'Slag',
      { drift: 'operating', avskrivning: 'depreciation', avskrivningar: 'depreciation' } as const,
      'operating',
    );
    const funding = c.choice('Finansiering', FUNDING, 'finsam');
    const rawGrowth = c.raw('Årlig ökning');
    const growth = isEmpty(rawGrowth) ? ZERO : c.take('Årlig ökning', parsePercent(rawGrowth, c.format('Årlig ökning')));
    const amounts = new Map<number, Money>();
    for (const [year, column] of table.yearColumns) {
      if (year < settings.firstYear || year > lastYear) continue;
      const v = record.values[column.index] ?? null;
      if (isEmpty(v)) continue;
      const a = parseAmount(v);
      if (!a.ok) c.error(column.index, a.message);
      else amounts.set(year, a.value);
    }
    if (errors.length === before && kind && funding && growth) lines.push({ name, kind, funding, growth, amounts });
  }
  return lines;
}

// ------------------------------------------------------------------ Ingående balans

/** No `Ingående balans` sheet: everything starts at zero. */
function zeroOpening(): OpeningBalance {
  return {
    equity: ZERO,
    fixedAssets: ZERO,
    receivables: ZERO,
    cash: ZERO,
    shortTermLiabilities: ZERO,
    longTermLiabilities: ZERO,
  };
}

function parseOpening(sheet: SheetGrid, errors: InputError[]): OpeningBalance {
  const opening = zeroOpening();
  const table = readTable(sheet, ['Post', 'Belopp'], [], errors);
  if (!table) return opening;
  const known = Object.entries(BALANCE_ITEMS) as [keyof OpeningBalance, string][];
  const before = errors.length;
  let firstCell = '';
  for (const { cells: c } of records(table, errors)) {
    const post = c.text('Post');
    if (post === '') continue;
    firstCell ||= c.address('Belopp');
    const item = known.find(([, label]) => normalizeHeader(label) === normalizeHeader(post));
    if (!item) {
      c.error(
        'Post',
        inputErrors.unknownBalanceItem(
          post,
          known.map(([, l]) => l),
        ),
      );
      continue;
    }
    const amount = c.amount('Belopp', ZERO);
    if (amount) opening[item[0]] = amount;
  }
  if (errors.length === before) {
    const assets = opening.fixedAssets.plus(opening.receivables).plus(opening.cash);
    const claims = opening.equity.plus(opening.shortTermLiabilities).plus(opening.longTermLiabilities);
    if (!assets.equals(claims)) {
      errors.push({
        sheet: sheet.name,
        cell: firstCell || cellAddress(sheet, table.headerRow, 0),
        message: inputErrors.balanceMismatch(formatKr(assets), formatKr(claims), formatKr(assets.minus(claims))),
      });
    }
  }
  return opening;
}

// ------------------------------------------------------------------ Mål

export function defaultGoals(): Goals {
  return {
    liquidity: { active: true, limit: dec(500000) },
    decisionRoom: { active: true, limit: dec(2000000) },
    horizonMonths: 6,
    minContributions: { active: true, limit: dec(15000000) },
    maxEquity: { active: false, limit: null },
    nonNegativeEquity: { active: true },
    balancedBudget: { active: true },
    esfSeparate: { active: true },
    budgetDeadline: { active: true, month: 11, day: 30 },
    threeYearPlan: { active: true },
  };
}

function parseGoals(sheet: SheetGrid, errors: InputError[]): Goals {
  const goals = defaultGoals();
  const table = readTable(sheet, ['Mål'], ['Gräns', 'Aktiv'], errors);
  if (!table) return goals;
  const known = Object.values(GOAL_ROWS) as string[];
  const seen = new Map<string, string>();
  for (const { cells: c } of records(table, errors)) {
    const label = c.text('Mål');
    if (label === '') continue;
    const goal = known.find((k) => normalizeHeader(k) === normalizeHeader(label));
    if (!goal) {
      c.error('Mål', inputErrors.unknownGoal(label, known));
      continue;
    }
    if (seen.has(goal)) {
      c.error('Mål', inputErrors.duplicate('Målet', label, seen.get(goal)!));
      continue;
    }
    seen.set(goal, c.address('Mål'));
    const active = c.take('Aktiv', parseYesNo(c.raw('Aktiv'), true)) ?? true;
    const raw = c.raw('Gräns');
    const amount = (current: Money): Money => {
      if (isEmpty(raw)) return current;
      const a = c.take('Gräns', parseAmount(raw));
      return a ?? current;
    };
    switch (goal) {
      case GOAL_ROWS.liquidity:
        goals.liquidity = { active, limit: amount(goals.liquidity.limit) };
        break;
      case GOAL_ROWS.decisionRoom:
        goals.decisionRoom = { active, limit: amount(goals.decisionRoom.limit) };
        break;
      case GOAL_ROWS.horizon:
        if (!isEmpty(raw)) {
          const n = c.take('Gräns', parseInteger(raw, 'ett antal månader'));
          if (n !== undefined && (n < 1 || n > 24)) c.error('Gräns', inputErrors.outOfRange('Beslutshorisont', 1, 24));
          else if (n !== undefined) goals.horizonMonths = n;
        }
        break;
      case GOAL_ROWS.minContributions:
        goals.minContributions = { active, limit: amount(goals.minContributions.limit) };
        break;
      case GOAL_ROWS.maxEquity: {
        if (isEmpty(raw)) {
          goals.maxEquity = { active: false, limit: null };
          break;
        }
        const text = cellText(raw);
        const format = c.format('Gräns');
        const isPercent =
          text.includes('%') || (format?.includes('%') ?? false) || (typeof raw === 'number' && Math.abs(raw) <= 1);
        if (isPercent) {
          const p = c.take('Gräns', parsePercent(raw, format));
          if (p) goals.maxEquity = { active, limit: { kind: 'percent', value: p } };
        } else {
          const a = c.take('Gräns', parseAmount(raw));
          if (a) goals.maxEquity = { active, limit: { kind: 'amount', value: a } };
        }
        break;
      }
      case GOAL_ROWS.nonNegativeEquity:
        goals.nonNegativeEquity = { active };
        break;
      case GOAL_ROWS.balancedBudget:
        goals.balancedBudget = { active };
        break;
      case GOAL_ROWS.esfSeparate:
        goals.esfSeparate = { active };
        break;
      case GOAL_ROWS.budgetDeadline: {
        let { month, day } = goals.budgetDeadline;
        if (!isEmpty(raw)) {
          const dm = c.take('Gräns', parseDayMonth(raw));
          if (dm) ({ month, day } = dm);
        }
        goals.budgetDeadline = { active, month, day };
        break;
      }
      case GOAL_ROWS.threeYearPlan:
        goals.threeYearPlan = { active };
        break;
    }
  }
  return goals;
}

// ------------------------------------------------------------------ the whole workbook

export function parseWorkbook(snapshot: WorkbookSnapshot): ParseResult {
  const errors: InputError[] = [];
  for (const name of REQUIRED_SHEETS) {
    if (!findSheet(snapshot, name)) errors.push({ sheet: name, cell: 'A1', message: inputErrors.missingSheet(name) });
  }
  const settingsSheet = findSheet(snapshot, INPUT_SHEETS.settings);
  const { settings, cells: settingsCells } = settingsSheet
    ? parseSettings(settingsSheet, errors)
    : { settings: null, cells: new Map<string, string>() };
  if (!settings) return { input: null, errors, settingsCells };

  const sheet = (name: string) => findSheet(snapshot, name);
  const years = sheet(INPUT_SHEETS.years) ? parseYears(sheet(INPUT_SHEETS.years)!, settings, errors) : [];
  const members = sheet(INPUT_SHEETS.members) ? parseMembers(sheet(INPUT_SHEETS.members)!, settings, errors) : [];
  const interventions = sheet(INPUT_SHEETS.interventions)
    ? parseInterventions(sheet(INPUT_SHEETS.interventions)!, settings, errors)
    : [];
  const costLines = sheet(INPUT_SHEETS.costs) ? parseCosts(sheet(INPUT_SHEETS.costs)!, settings, errors) : [];
  const opening = sheet(INPUT_SHEETS.opening) ? parseOpening(sheet(INPUT_SHEETS.opening)!, errors) : zeroOpening();
  const goals = sheet(INPUT_SHEETS.goals) ? parseGoals(sheet(INPUT_SHEETS.goals)!, errors) : defaultGoals();
  if (errors.length > 0) return { input: null, errors, settingsCells };
  return { input: { settings, years, members, interventions, costLines, opening, goals }, errors, settingsCells };
}
