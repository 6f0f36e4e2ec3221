/**
 * Rendering a Plan into the output sheets: whole kronor with Swedish number formats, totals rows,
 * headers and titles from the messages module (`OUTPUT_WORDS`). Each sheet's columns are described
 * once (header and width together), and each renderer says where the values that checks point at
 * stand, so that `Kontroller` links to them without magic column numbers.
 */
import { MonthIndex } from '../engine/calendar';
import type { CheckTarget } from '../engine/goals';
import { add, Kronor, neg, ZERO_KR } from '../engine/kronor';
import type { Ratio } from '../engine/money';
import type { Plan } from '../engine/plan';
import { Contribution, PARTIES, Quarters, YearSplit } from '../engine/types';
import { shownPlan, ShownPlan, tkrOf, Unit } from '../engine/tkr';
import { formatKr, formatMonth, formatNumber, MONTH_ABBR_SV } from '../messages/format';
import { checkMessage, GOAL_TEXT, goalName, shownValue } from '../messages/goals';
import { INPUT_WORDS, OUTPUT_WORDS, OutputSheetId, PRINT_WORDS, sheetTitle } from '../messages/sheets';
import { FUNDING, PARTY_DEFINITE, STATUS, statusLabel } from '../messages/vocabulary';
import { monthOf } from '../engine/calendar';
import { MoneyCells } from './cells';
import { a1, columnLetter, headerLiteral, OutCell, OutputSheet, PrintSetup, sheetRef } from './grid';
import { ComparedScenario, renderScenarioSheet } from './outputs/scenariosSheet';
import { summaryRoomRows } from './outputs/summaryRoom';
import type { SettingsParameter } from './sheets/settings';
import { renderFollowUpSheet } from './outputs/followUpSheet';

export const KR = '#,##0;-#,##0';
const TEXT = '@';
const SHARE = '0.00%';
/** Months everywhere: a date cell shown "jan 2024" (a Swedish Excel names the month in Swedish). */
const MONTH = 'mmm yyyy';
const DATE = 'yyyy-mm-dd';
const TITLE_ROWS = 2; // title, blank; the header is row 3

/** Text from user input: written as text ("@"), never as a formula. */
const userText = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const label = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const blank: OutCell = { v: null };
const header = (s: string): OutCell => ({ v: s, f: TEXT, bold: true });

/** A column of an output sheet: its header and width, described together. */
interface Column {
  header: string;
  width: number;
}

/** A year as a column header: a number, right-aligned over the numbers below it. */
const yearHeader = (y: number, plan?: Plan): string =>
  plan?.followUp?.year === y ? OUTPUT_WORDS.followUp.yearHeader(y) : String(y);

function printSetup(id: OutputSheetId, forbund: string, orientation: PrintSetup['orientation']): PrintSetup {
  return {
    orientation,
    fitToWidth: true,
    repeatRows: TITLE_ROWS + 1,
    // &D: the printing date (Excel header code); &P av &N: page of pages.
    header: { left: headerLiteral(forbund), center: headerLiteral(OUTPUT_WORDS[id].name), right: '&D' },
    footer: { left: '', center: PRINT_WORDS.page, right: '' },
  };
}

function titled(
  id: OutputSheetId,
  title: string,
  columns: readonly Column[],
  body: OutCell[][],
  opts: { forbund?: string; orientation?: PrintSetup['orientation']; numericHeaders?: readonly number[] } = {},
): OutputSheet {
  const numeric = new Set(opts.numericHeaders ?? []);
  return {
    name: OUTPUT_WORDS[id].name,
    rows: [
      [{ v: title, f: TEXT, bold: true }],
      [],
      columns.map((c, i) =>
        numeric.has(i) && /^\d+$/.test(c.header)
          ? { v: Number(c.header), bold: true, align: 'right' as const }
          : c.header
            ? { ...header(c.header), ...(numeric.has(i) ? { align: 'right' as const } : {}) }
            : blank,
      ),
      ...body,
    ],
    widths: columns.map((c) => c.width),
    freezeRows: TITLE_ROWS + 1,
    print: printSetup(id, opts.forbund ?? '', opts.orientation ?? 'portrait'),
  };
}

/** Row (0-based) of body row i on a titled sheet. */
const bodyRow = (i: number) => TITLE_ROWS + 1 + i;

export interface Rendered {
  sheets: OutputSheet[];
  /** A1 reference of each check's cell, in the order of plan.checks. */
  checkCells: (string | null)[];
}

const titleOf = (plan: Plan, what: string) => sheetTitle(what, plan.years, plan.input.settings.name);

/** Where a check's value stands on an output sheet: a sheet and a 0-based row and column. */
type Locate = (target: CheckTarget) => { sheet: OutputSheetId; row: number; col: number } | null;

/** A share as the cell shows it (6 decimals), computed once per share (years with the same split share them). */
const shareNumbers = new WeakMap<Ratio, number>();
function shareNumber(share: Ratio): number {
  let n = shareNumbers.get(share);
  if (n === undefined) {
    n = share.toDecimalPlaces(6).toNumber();
    shareNumbers.set(share, n);
  }
  return n;
}

/** A month as a date cell (first of the month, UTC serial days), shown "jan 2024". */
function monthCell(m: MonthIndex, bold = false): OutCell {
  const { year, month } = monthOf(m);
  return { v: excelSerial(year, month, 1), f: MONTH, bold };
}
/** Days since 1899-12-30, as Excel stores dates. */
function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

interface Ctx {
  plan: Plan;
  unit: Unit;
  shown: ShownPlan;
  forbund: string;
  /** An amount's cell (`{ v, f: KR, bold }`; zeros shared, cells.ts). */
  money: (m: Kronor, bold?: boolean) => OutCell;
}

const unitTitle = (ctx: Ctx, what: string) => titleOf(ctx.plan, `${what} (${ctx.unit})`);
const footnote = (ctx: Ctx): OutCell[][] => (ctx.unit === 'tkr' ? [[], [{ v: OUTPUT_WORDS.summary.tkrNote, f: TEXT }]] : []);

/** Each quarter's instalments of the members, added up. */
function quarterSums(members: readonly Contribution[]): Quarters {
  const sums: Quarters = [ZERO_KR, ZERO_KR, ZERO_KR, ZERO_KR];
  for (const m of members) for (let q = 0; q < 4; q++) sums[q] = add(sums[q]!, m.quarters[q]!);
  return sums;
}

/**
 * A year's rows of Fördelning from its first member to its total. A year whose split has the same
 * figures as the year before (a plan's years often do: the same members, amounts and instalments)
 * shows the same rows: they are made once and shared (rows, like cells, are never changed once made).
 */
function splitRows(ctx: Ctx, split: YearSplit): OutCell[][] {
  const { plan, money } = ctx;
  const W = OUTPUT_WORDS.split;
  const rows: OutCell[][] = [];
  const munis = split.members.filter((m) => m.party === 'municipalities');
  const others = split.members.filter((m) => m.party !== 'municipalities');
  const quarterCells = (q: Quarters, bold = false) => [
    money(q[0], bold),
    money(q[1], bold),
    money(q[2], bold),
    money(q[3], bold),
  ];
  const memberRow = (c: (typeof split.members)[number]): OutCell[] => [
    userText(c.member),
    c.party === 'municipalities' ? { v: c.population, f: KR } : blank,
    { v: shareNumber(c.share), f: SHARE },
    money(c.amount),
    ...quarterCells(c.quarters),
  ];
  for (const c of munis) rows.push(memberRow(c));
  rows.push([
    label(W.municipalitiesSum, true),
    { v: munis.reduce((n, m) => n + m.population, 0), f: KR, bold: true },
    { v: munis.length ? 1 : 0, f: SHARE, bold: true },
    money(split.parties.municipalities, true),
    ...quarterCells(quarterSums(munis), true),
  ]);
  for (const c of others) rows.push(memberRow(c));
  for (const party of ['municipalities', 'region', 'state'] as const) {
    rows.push([
      label(W.partyLine[party], true),
      blank,
      { v: plan.input.settings.shares[party].toNumber(), f: SHARE, bold: true },
      money(split.parties[party], true),
      ...quarterCells(quarterSums(split.members.filter((m) => m.party === party)), true),
    ]);
  }
  rows.push([
    label(W.yearTotal, true),
    blank,
    blank,
    money(split.total, true),
    ...split.quarterTotals.map((q) => money(q, true)),
  ]);
  return rows;
}

/** Whether two years' splits show the same figures (members, shares, amounts, instalments, totals). */
function sameFigures(a: YearSplit, b: YearSplit): boolean {
  const same = (x: readonly number[], y: readonly number[]) => x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.total === b.total &&
    PARTIES.every((p) => a.parties[p] === b.parties[p]) &&
    same(a.quarterTotals, b.quarterTotals) &&
    a.members.length === b.members.length &&
    a.members.every((c, i) => {
      const d = b.members[i]!;
      return (
        c.member === d.member &&
        c.party === d.party &&
        c.population === d.population &&
        (c.share === d.share || c.share.equals(d.share)) &&
        c.amount === d.amount &&
        same(c.quarters, d.quarters)
      );
    })
  );
}

function renderSplit(ctx: Ctx): OutputSheet {
  const { plan } = ctx;
  const W = OUTPUT_WORDS.split;
  const C = W.columns;
  const body: OutCell[][] = [];
  const yearStarts: number[] = [];
  let previous: { split: YearSplit; rows: OutCell[][] } | null = null;
  for (const split of plan.splits) {
    yearStarts.push(body.length);
    body.push([{ v: split.year, bold: true, align: 'left' }]);
    body.push([
      label(W.dueDates, true),
      blank,
      blank,
      blank,
      ...[0, 1, 2, 3].map((q) => {
        const m = split.quarterMonths[q];
        return m ? { v: excelSerial(split.year, m, 1), f: DATE, bold: true } : blank;
      }),
    ]);
    const rows: OutCell[][] = previous && sameFigures(previous.split, split) ? previous.rows : splitRows(ctx, split);
    for (const row of rows) body.push(row);
    previous = { split, rows };
    body.push([]);
  }
  const quarterHeader = (q: number) => {
    const months = new Set(plan.splits.map((s) => s.quarterMonths[q]));
    const m = months.size === 1 ? [...months][0] : null;
    return W.quarter(q + 1, m ? MONTH_ABBR_SV[m - 1]! : null);
  };
  const sheet = titled(
    'split',
    titleOf(plan, W.title),
    [
      { header: C.member, width: 24 },
      { header: C.population, width: 10 },
      { header: C.share, width: 10 },
      { header: C.amount, width: 13 },
      ...[0, 1, 2, 3].map((q) => ({ header: quarterHeader(q), width: 13 })),
    ],
    body,
    { forbund: ctx.forbund, orientation: 'landscape' },
  );
  // Printed as the 2018 table: one year a page, the headers over the numbers (the quarters' in two lines).
  sheet.rows[TITLE_ROWS]!.forEach((c, i) => i > 0 && ((c.align = 'right'), (c.wrap = true)));
  sheet.print!.rowBreaks = yearStarts.slice(1).map((i) => bodyRow(i));
  return sheet;
}

function renderInterventions(ctx: Ctx): { sheet: OutputSheet; locate: Locate } {
  const { plan, shown, money } = ctx;
  const W = OUTPUT_WORDS.interventions;
  const years = plan.years;
  const S = shown.interventions;
  /** The amounts of a row: remaining at the start, each plan year, remaining after (pushed, not spread: 2 000 rows). */
  const amounts = (cells: OutCell[], t: ShownPlan['interventions']['all'], bold = false) => {
    cells.push(money(kr0(t.remainingAtStart), bold));
    for (let i = 0; i < t.amounts.length; i++) cells.push(money(kr0(t.amounts[i]!), bold));
    cells.push(money(kr0(t.remainingAfter), bold));
    return cells;
  };
  // One cell per funding and status label, shared by the rows (cells are never changed once made).
  const labels = new Map<string, OutCell>();
  const sharedLabel = (text: string): OutCell => {
    let cell = labels.get(text);
    if (!cell) labels.set(text, (cell = Object.freeze(label(text))));
    return cell;
  };
  const body: OutCell[][] = plan.interventions.map((p, i) => {
    const iv = p.intervention;
    const cells = [
      userText(iv.nr),
      userText(iv.name),
      userText(iv.owner),
      sharedLabel(FUNDING[iv.funding].sv),
      sharedLabel(STATUS[iv.status].sv),
    ];
    return amounts(cells, S.rows[i]!);
  });
  const row = (text: string, t: ShownPlan['interventions']['all']) =>
    amounts([blank, label(text, true), blank, blank, blank], t, true);
  body.push(row(W.sums.decided, S.decided));
  body.push(row(W.sums.planned, S.planned));
  body.push(row(W.sums.all, S.all));
  body.push(...footnote(ctx));
  const C = W.columns;
  const nameColumn = 1;
  const firstYear = 6;
  const sheet = titled(
    'interventions',
    unitTitle(ctx, W.title),
    [
      { header: C.nr, width: 5 },
      { header: C.name, width: 34 },
      { header: C.owner, width: 22 },
      { header: C.funding, width: 12 },
      { header: C.status, width: 10 },
      { header: W.remainingAtStart(years[0]!), width: 14 },
      ...years.map((y) => ({ header: yearHeader(y, plan), width: 12 })),
      { header: W.remainingAfter(years[years.length - 1]!), width: 16 },
    ],
    body,
    { forbund: ctx.forbund, orientation: 'landscape', numericHeaders: years.map((_, i) => firstYear + i) },
  );
  sheet.rows[TITLE_ROWS]!.forEach((c, i) => ((c.wrap = true), i >= firstYear - 1 && (c.align = 'right')));
  return {
    sheet,
    locate: (t) => (t.kind === 'intervention' ? { sheet: 'interventions', row: bodyRow(t.index), col: nameColumn } : null),
  };
}

/** A shown amount (kronor or tkr) as a cell value. */
const kr0 = (n: number): Kronor => n as Kronor;

type BudgetKey = Extract<CheckTarget, { kind: 'budget' }>['line'];

/** A row of the statement; `detailed`: shown on Budget only, not on Sammanfattning. */
interface StatementRow {
  key?: BudgetKey;
  cells: OutCell[];
  detailed?: true;
}

/**
 * The statement of Budget and Sammanfattning: the 2024 plan's "Ekonomisk information" with the LKBR
 * line names; interventions by name and owner. Built once for both sheets (they share its rows and
 * cells; nothing changes a cell once made): Budget shows every row, Sammanfattning those not
 * `detailed` (the operating result, financial income and the basis of the checks below).
 */
function statementRows(ctx: Ctx): StatementRow[] {
  const { plan, shown, money } = ctx;
  const R = OUTPUT_WORDS.budget.rows;
  const B = shown.budget;
  const rows: StatementRow[] = [];
  let detailed = false;
  const push = (row: StatementRow) => rows.push(detailed ? { ...row, detailed: true } : row);
  const budgetOnly = (add: () => void) => {
    detailed = true;
    add();
    detailed = false;
  };
  const line = (text: OutCell, values: number[], opts: { bold?: boolean; key?: BudgetKey } = {}) => {
    const cells = [text];
    for (let i = 0; i < values.length; i++) cells.push(money(kr0(values[i]!), opts.bold));
    push({ key: opts.key, cells });
  };
  const section = (text: string) => push({ cells: [label(text, true)] });
  const minus = (x: number) => (x === 0 ? 0 : -x);
  section(R.income);
  for (const party of PARTIES)
    line(
      label(R.contributionParty(PARTY_DEFINITE[party].sv)),
      B.map((b) => b.contributionsByParty[party]),
    );
  line(
    label(R.contributions, true),
    B.map((b) => b.contributions),
    { bold: true },
  );
  line(
    label(R.esfIncome),
    B.map((b) => b.esfIncome),
    { key: 'esfIncome' },
  );
  line(
    label(R.otherIncome),
    B.map((b) => b.otherIncome),
  );
  line(
    label(R.incomeTotal, true),
    B.map((b) => b.income),
    { bold: true },
  );
  rows.push({ cells: [] });
  section(R.costs);
  plan.costLines.forEach((c, i) =>
    line(
      userText(c.line.kind === 'depreciation' ? R.depreciationLine(c.line.name) : c.line.name),
      B.map((b) => minus(b.costLines[i]!)),
    ),
  );
  for (const status of ['decided', 'planned'] as const) {
    const members = plan.interventions.map((p, i) => ({ p, i })).filter((x) => x.p.intervention.status === status);
    if (members.length === 0) continue;
    section(status === 'decided' ? R.decided : R.planned);
    for (const { p, i } of members)
      line(
        userText(R.interventionLine(p.intervention.name, p.intervention.owner)),
        B.map((b) => minus(b.interventions[i]!)),
      );
    line(
      label(status === 'decided' ? R.decidedSum : R.plannedSum, true),
      B.map((b) => minus(status === 'decided' ? b.decided : b.planned)),
      { bold: true },
    );
  }
  line(
    label(R.costsTotal, true),
    B.map((b) => minus(b.costs)),
    { bold: true },
  );
  rows.push({ cells: [] });
  budgetOnly(() => {
    line(
      label(R.operatingResult, true),
      B.map((b) => b.operatingResult),
      { bold: true },
    );
    line(
      label(R.financialIncome),
      B.map((b) => b.financialIncome),
    );
  });
  line(
    label(R.result, true),
    B.map((b) => b.result),
    { bold: true, key: 'result' },
  );
  rows.push({ cells: [] });
  line(
    label(R.equityStart),
    B.map((b) => b.equityStart),
  );
  line(
    label(R.equityEnd, true),
    B.map((b) => b.equityEnd),
    { bold: true, key: 'equityEnd' },
  );
  budgetOnly(() => {
    push({ cells: [] });
    section(R.basis);
    const scale = (x: number) => (ctx.unit === 'tkr' ? tkrOf(x) : x);
    line(
      label(R.annualContributions),
      plan.budget.map((b) => scale(b.annualContributions)),
      { key: 'annualContributions' },
    );
    line(
      label(R.esfCosts),
      plan.budget.map((b) => scale(b.esfCosts)),
    );
  });
  return rows;
}

function renderBudget(ctx: Ctx, rows: readonly StatementRow[]): { sheet: OutputSheet; locate: Locate } {
  const { plan } = ctx;
  const W = OUTPUT_WORDS.budget;
  const rowOf = new Map<BudgetKey, number>();
  rows.forEach((r, i) => r.key && rowOf.set(r.key, bodyRow(i)));
  const firstYearColumn = 1;
  const sheet = titled(
    'budget',
    unitTitle(ctx, W.title),
    [{ header: W.columns.item, width: 44 }, ...plan.years.map((y) => ({ header: yearHeader(y, plan), width: 14 }))],
    [...rows.map((r) => r.cells), ...footnote(ctx)],
    { forbund: ctx.forbund, numericHeaders: plan.years.map((_, i) => firstYearColumn + i) },
  );
  return {
    sheet,
    locate: (t) =>
      t.kind === 'budget'
        ? { sheet: 'budget', row: rowOf.get(t.line)!, col: firstYearColumn + plan.years.indexOf(t.year) }
        : null,
  };
}

function renderBalance(ctx: Ctx): { sheet: OutputSheet; locate: Locate } {
  const { plan, shown, money } = ctx;
  const W = OUTPUT_WORDS.balance;
  const R = W.rows;
  const cols = shown.balance;
  const rows: OutCell[][] = [];
  const line = (text: string, pick: (c: (typeof cols)[number]) => number | null, bold = false) =>
    rows.push([label(text, bold), ...cols.map((c) => (pick(c) === null ? blank : money(kr0(pick(c)!), bold)))]);
  rows.push([label(R.assets, true)]);
  line(R.fixedAssets, (c) => c.fixedAssets);
  rows.push([label(R.currentAssets)]);
  line(R.receivables, (c) => c.receivables);
  line(R.cash, (c) => c.cash);
  line(R.currentAssetsTotal, (c) => c.currentAssets, true);
  line(R.assetsTotal, (c) => c.assets, true);
  rows.push([]);
  rows.push([label(R.claims, true)]);
  const equityRow = bodyRow(rows.length);
  line(R.equity, (c) => c.equity);
  line(R.resultOf, (c) => c.result);
  rows.push([label(R.liabilities)]);
  line(R.longTermLiabilities, (c) => c.longTermLiabilities);
  line(R.shortTermLiabilities, (c) => c.shortTermLiabilities);
  line(R.liabilitiesTotal, (c) => c.liabilities, true);
  line(R.claimsTotal, (c) => c.claims, true);
  rows.push([]);
  rows.push([label(R.contingent, true)]);
  line(R.commitments, (c) => c.commitments);
  rows.push(...footnote(ctx));
  const firstYearEndColumn = 2; // after the item and the opening balance
  const sheet = titled(
    'balance',
    unitTitle(ctx, W.title),
    [
      { header: W.columns.item, width: 44 },
      { header: W.opening(plan.years[0]!), width: 15 },
      ...plan.years.map((y) => ({
        header: plan.followUp?.year === y ? OUTPUT_WORDS.followUp.yearHeader(y) : W.yearEnd(y),
        width: 13,
      })),
    ],
    rows,
    { forbund: ctx.forbund },
  );
  sheet.rows[TITLE_ROWS]!.forEach((c, i) => i > 0 && (c.align = 'right'));
  return {
    sheet,
    locate: (t) =>
      t.kind === 'balanceEquity'
        ? { sheet: 'balance', row: equityRow, col: firstYearEndColumn + plan.years.indexOf(t.year) }
        : null,
  };
}

function renderLiquidity(ctx: Ctx): { sheet: OutputSheet; locate: Locate } {
  const { plan, money } = ctx;
  const W = OUTPUT_WORDS.liquidity;
  const C = W.columns;
  const rowOfMonth = new Map<MonthIndex, number>();
  const body = plan.liquidity.map((l, i) => {
    rowOfMonth.set(l.month, bodyRow(i));
    return [
      monthCell(l.month),
      money(l.inflow),
      money(neg(l.outflow)),
      money(l.cash, true),
      l.decisionRoom === null ? blank : money(l.decisionRoom),
      l.decisionRoomAfterPlanned === null ? blank : money(l.decisionRoomAfterPlanned),
    ];
  });
  const columns = [
    { key: 'month', header: C.month, width: 10 },
    { key: 'inflow', header: C.inflow, width: 14 },
    { key: 'outflow', header: C.outflow, width: 14 },
    { key: 'cash', header: C.cash, width: 14 },
    { key: 'decisionRoom', header: C.decisionRoom, width: 15 },
    { key: 'decisionRoomAfterPlanned', header: C.decisionRoomAfterPlanned, width: 18 },
  ] as const;
  const col = (key: (typeof columns)[number]['key']) => columns.findIndex((c) => c.key === key);
  const sheet = titled('liquidity', titleOf(plan, W.title), columns, body, { forbund: ctx.forbund });
  sheet.rows[TITLE_ROWS]!.forEach((c, i) => ((c.wrap = true), i > 0 && (c.align = 'right')));
  return {
    sheet,
    locate: (t) =>
      t.kind === 'liquidityCash' || t.kind === 'decisionRoom'
        ? { sheet: 'liquidity', row: rowOfMonth.get(t.month)!, col: col(t.kind === 'liquidityCash' ? 'cash' : 'decisionRoom') }
        : null,
  };
}

function shownCell(
  ctx: Ctx,
  v: number | { year: number; month: number; day: number } | null,
  shown: 'kronor' | 'number' | 'date' | 'none',
): OutCell {
  const s = shownValue(v, shown);
  if (s === null) return { v: DASH, align: 'right' };
  if (typeof s === 'string') return label(s);
  return shown === 'kronor' ? ctx.money(s as Kronor) : { v: s };
}

const DASH = '–';
/** Status colours, colour-blind safe with dark text (Excel's good / neutral / bad); the word is always shown. */
export const STATUS_STYLE = {
  ok: { fill: 'C6EFCE', color: '006100' },
  warning: { fill: 'FFEB9C', color: '9C5700' },
  failed: { fill: 'FFC7CE', color: '9C0006' },
} as const;

function renderChecks(ctx: Ctx, cells: (string | null)[]): OutputSheet {
  const { plan } = ctx;
  const W = OUTPUT_WORDS.checks;
  const C = W.columns;
  const body = plan.checks.map((c, i) => {
    const text = GOAL_TEXT[c.goal];
    // A goal without an amount (Budget i balans: result ≥ 0 is no limit of its own) shows a dash.
    const limit =
      text.limit === 'number' && c.limit === 0 ? { v: DASH, align: 'right' as const } : shownCell(ctx, c.limit, text.limit);
    return [
      { ...label(goalName(c.goal)), wrap: true },
      c.year === null ? blank : { v: c.year },
      c.month === null ? blank : monthCell(c.month),
      { ...label(statusLabel(c.status), c.status !== 'ok'), ...STATUS_STYLE[c.status] },
      shownCell(ctx, c.value, text.value),
      limit,
      { ...label(checkMessage(c)), wrap: true },
      cells[i] ? { ...label(cells[i]), link: cells[i] } : blank,
    ];
  });
  const sheet = titled(
    'checks',
    titleOf(plan, W.title),
    [
      { header: C.goal, width: 24 },
      { header: C.year, width: 6 },
      { header: C.month, width: 10 },
      { header: C.status, width: 11 },
      { header: C.value, width: 13 },
      { header: C.limit, width: 13 },
      { header: C.message, width: 60 },
      { header: C.cell, width: 20 },
    ],
    body,
    { forbund: ctx.forbund, orientation: 'landscape' },
  );
  // Year, month, value and limit: headers over the numbers.
  sheet.rows[TITLE_ROWS]!.forEach((c, i) => [1, 2, 4, 5].includes(i) && (c.align = 'right'));
  return sheet;
}

/** Sammanfattning: the statement for every plan year, the goals' statuses, the two charts and their data. */
function renderSummary(ctx: Ctx, statement: readonly StatementRow[]): OutputSheet {
  const { plan, shown, money } = ctx;
  const W = OUTPUT_WORDS.summary;
  const years = plan.years;
  const body = statement.filter((r) => !r.detailed).map((r) => r.cells);
  body.push([]);
  body.push(...summaryRoomRows(plan, shown, ctx.unit));
  body.push([]);
  body.push([label(W.goals, true)]);
  const goalIds = [...new Set(plan.checks.filter((c) => c.year !== null).map((c) => c.goal))];
  for (const g of goalIds) {
    body.push([
      label(goalName(g)),
      ...years.map((y) => {
        const c = plan.checks.find((x) => x.goal === g && x.year === y);
        return c ? { ...label(statusLabel(c.status)), ...STATUS_STYLE[c.status], align: 'center' as const } : blank;
      }),
    ]);
  }
  for (const c of plan.checks.filter((x) => x.year === null))
    body.push([
      label(goalName(c.goal)),
      { ...label(statusLabel(c.status)), ...STATUS_STYLE[c.status], align: 'center' as const },
    ]);
  body.push(...footnote(ctx));

  // The charts' data: month, cash, floor (kronor) to the right of the statement; equity, cap per year.
  const dataCol = years.length + 2;
  const floor = plan.input.goals.liquidity.active ? plan.input.goals.liquidity.limit : null;
  const firstDataRow = bodyRow(0);
  // The statement's rows are Budget's too: a row the data goes into is copied first.
  const rows: OutCell[][] = body.slice();
  const put = (row: number, col: number, cell: OutCell) => {
    const i = row - TITLE_ROWS - 1;
    while (rows.length <= i) rows.push([]);
    if (rows[i] === body[i]) rows[i] = body[i]!.slice();
    const r = rows[i]!;
    while (r.length < col) r.push(blank);
    r[col] = cell;
  };
  put(firstDataRow, dataCol, header(W.data.month));
  put(firstDataRow, dataCol + 1, header(W.data.cash));
  put(firstDataRow, dataCol + 2, header(W.data.floor));
  plan.liquidity.forEach((l, i) => {
    put(firstDataRow + 1 + i, dataCol, monthCell(l.month));
    put(firstDataRow + 1 + i, dataCol + 1, money(l.cash));
    put(firstDataRow + 1 + i, dataCol + 2, floor === null ? blank : money(floor));
  });
  const lastMonthRow = firstDataRow + plan.liquidity.length;
  const eqRow = lastMonthRow + 2;
  const capChecks = years.map((y) => {
    const c = plan.checks.find((x) => x.goal === 'maxEquity' && x.year === y);
    return c && c.goal === 'maxEquity' ? { limit: c.limit } : null;
  });
  const hasCap = capChecks.some((c) => c !== null);
  put(eqRow, dataCol, header(W.data.year));
  put(eqRow, dataCol + 1, header(W.data.equity(ctx.unit)));
  if (hasCap) put(eqRow, dataCol + 2, header(W.data.cap(ctx.unit)));
  years.forEach((y, i) => {
    put(eqRow + 1 + i, dataCol, { v: y });
    put(eqRow + 1 + i, dataCol + 1, money(kr0(shown.budget[i]!.equityEnd)));
    const cap = capChecks[i];
    if (hasCap) put(eqRow + 1 + i, dataCol + 2, cap ? money(kr0(ctx.unit === 'tkr' ? tkrOf(cap.limit) : cap.limit)) : blank);
  });
  const col = (c: number) => columnLetter(c);
  const range = (c: number, from: number, to: number) => `${col(c)}${from + 1}:${col(c)}${to + 1}`;
  const cashText = plan.liquidity.map((l) => `${formatMonth(l.month)} ${formatKr(l.cash)}`).join(', ');
  const equityText = years
    .map((y, i) => {
      const cap = capChecks[i];
      const e = shown.budget[i]!.equityEnd;
      return `${y}: ${formatNumber(e)} ${ctx.unit}${cap ? ` (${W.data.capWord} ${formatNumber(ctx.unit === 'tkr' ? tkrOf(cap.limit) : cap.limit)} ${ctx.unit})` : ''}`;
    })
    .join(', ');
  // The charts stand side by side under the statement (cash beside the item column, equity under the
  // years), so that the statement and both charts print on one portrait page.
  const chartRow = bodyRow(body.length + 1);
  const chartRows = 16;
  const charts = [
    {
      kind: 'line' as const,
      title: W.charts.cash,
      anchor: { row: chartRow, col: 0, rows: chartRows, cols: 1 },
      categories: range(dataCol, firstDataRow + 1, lastMonthRow),
      series: [
        { name: W.data.cash, values: range(dataCol + 1, firstDataRow + 1, lastMonthRow) },
        ...(floor === null ? [] : [{ name: W.data.floor, values: range(dataCol + 2, firstDataRow + 1, lastMonthRow) }]),
      ],
      altText: `${W.charts.cash}: ${cashText}${floor === null ? '' : `; ${W.data.floor} ${formatKr(floor)}`}.`,
    },
    {
      kind: 'column' as const,
      title: W.charts.equity(ctx.unit),
      anchor: { row: chartRow, col: 1, rows: chartRows, cols: years.length },
      categories: range(dataCol, eqRow + 1, eqRow + years.length),
      series: [
        { name: W.data.equity(ctx.unit), values: range(dataCol + 1, eqRow + 1, eqRow + years.length) },
        ...(hasCap ? [{ name: W.data.cap(ctx.unit), values: range(dataCol + 2, eqRow + 1, eqRow + years.length) }] : []),
      ],
      altText: `${W.charts.equity(ctx.unit)}: ${equityText}.`,
    },
  ];
  const sheet = titled(
    'summary',
    unitTitle(ctx, W.title),
    [
      { header: OUTPUT_WORDS.budget.columns.item, width: 44 },
      ...years.map((y) => ({ header: yearHeader(y, plan), width: 14 })),
      { header: '', width: 3 },
      { header: '', width: 10 },
      { header: '', width: 14 },
      { header: '', width: 14 },
    ],
    rows,
    { forbund: ctx.forbund, numericHeaders: years.map((_, i) => 1 + i) },
  );
  // The statement and the charts print on one portrait page; the charts' data to their right is for the charts.
  const printed = `A1:${columnLetter(years.length)}${chartRow + chartRows}`;
  return { ...sheet, print: { ...sheet.print!, area: printed, onePage: true }, charts, active: true };
}

/**
 * @param settingsCells where each `Inställningar` parameter's value stands (A1), for checks about the
 *   plan as a whole, whose cell is on the input sheet.
 */
export function renderPlan(
  plan: Plan,
  settingsCells: ReadonlyMap<SettingsParameter, string> = new Map(),
  /** The scenarios to compare (outputs/scenariosSheet.ts); null: no comparison sheet. */
  scenarios: readonly ComparedScenario[] | null = null,
): Rendered {
  const unit: Unit = plan.input.settings.unit ?? 'kr';
  const amounts = new MoneyCells(KR);
  const ctx: Ctx = {
    plan,
    unit,
    shown: shownPlan({ ...plan, opening: plan.input.opening }, unit),
    forbund: plan.input.settings.name,
    money: (m, bold = false) => amounts.cell(m, bold),
  };
  const statement = statementRows(ctx);
  const summary = renderSummary(ctx, statement);
  const split = renderSplit(ctx);
  const interventions = renderInterventions(ctx);
  const budget = renderBudget(ctx, statement);
  const balance = renderBalance(ctx);
  const liquidity = renderLiquidity(ctx);
  const locators: Locate[] = [interventions.locate, budget.locate, balance.locate, liquidity.locate];
  const checkCells = plan.checks.map((c): string | null => {
    const t = c.target;
    if (!t) return null;
    if (t.kind === 'settings') {
      const cell = settingsCells.get(t.parameter);
      return cell ? sheetRef(INPUT_WORDS.settings.name, cell) : null;
    }
    for (const locate of locators) {
      const at = locate(t);
      if (at) return sheetRef(OUTPUT_WORDS[at.sheet].name, a1(at.row, at.col));
    }
    return null;
  });
  const checks = renderChecks(ctx, checkCells);
  const followUp = renderFollowUpSheet(plan, unit, checkCells);
  return {
    sheets: [
      summary,
      ...(scenarios ? [renderScenarioSheet(plan, scenarios)] : []),
      ...(followUp ? [followUp] : []),
      split,
      interventions.sheet,
      budget.sheet,
      balance.sheet,
      liquidity.sheet,
      checks,
    ],
    checkCells,
  };
}
