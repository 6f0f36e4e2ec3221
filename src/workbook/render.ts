/**
 * Rendering a Plan into the output sheets: whole kronor with Swedish number formats, totals rows,
 * headers and titles from the messages module (`OUTPUT_WORDS`). Each sheet's columns are described
 * once (header and width together), and each renderer says where the values that checks point at
 * stand, so that `Kontroller` links to them without magic column numbers.
 */
import { monthLabel, MonthIndex } from '../engine/calendar';
import type { CheckTarget } from '../engine/goals';
import { add, Kronor, neg, sumKr, ZERO_KR } from '../engine/kronor';
import type { Ratio } from '../engine/money';
import type { Plan } from '../engine/plan';
import type { InterventionStatus } from '../engine/types';
import { PARTIES } from '../engine/types';
import { formatMonth, MONTH_ABBR_SV } from '../messages/format';
import { checkMessage, GOAL_TEXT, goalName, shownValue } from '../messages/goals';
import { INPUT_WORDS, OUTPUT_WORDS, OutputSheetId, sheetTitle } from '../messages/sheets';
import { FUNDING, PARTY, PARTY_DEFINITE, STATUS, statusLabel } from '../messages/vocabulary';
import { a1, OutCell, OutputSheet, sheetRef } from './grid';
import type { SettingsParameter } from './sheets/settings';

export const KR = '#,##0;-#,##0';
const TEXT = '@';
const SHARE = '0.0000%';
const TITLE_ROWS = 2; // title, blank; the header is row 3

const money = (m: Kronor, bold = false): OutCell => ({ v: m, f: KR, bold });
const negMoney = (m: Kronor, bold = false): OutCell => money(neg(m), bold);
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

function titled(id: OutputSheetId, title: string, columns: readonly Column[], body: OutCell[][]): OutputSheet {
  return {
    name: OUTPUT_WORDS[id].name,
    rows: [[{ v: title, f: TEXT, bold: true }], [], columns.map((c) => header(c.header)), ...body],
    widths: columns.map((c) => c.width),
    freezeRows: TITLE_ROWS + 1,
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

function renderSplit(plan: Plan): OutputSheet {
  const W = OUTPUT_WORDS.split;
  const body: OutCell[][] = [];
  for (const split of plan.splits) {
    for (const c of split.members) {
      body.push([
        { v: split.year },
        userText(c.member),
        label(PARTY[c.party].sv),
        c.party === 'municipalities' ? { v: c.population, f: KR } : blank,
        { v: shareNumber(c.share), f: SHARE },
        money(c.amount),
        ...c.quarters.map((q) => money(q)),
      ]);
    }
    for (const party of PARTIES) {
      const members = split.members.filter((m) => m.party === party);
      const quarters = [0, 1, 2, 3].map((q) => sumKr(members.map((m) => m.quarters[q]!)));
      body.push([
        { v: split.year },
        label(W.partySum(PARTY[party].sv), true),
        blank,
        party === 'municipalities' ? { v: members.reduce((n, m) => n + m.population, 0), f: KR, bold: true } : blank,
        { v: plan.input.settings.shares[party].toNumber(), f: SHARE, bold: true },
        money(split.parties[party], true),
        ...quarters.map((q) => money(q, true)),
      ]);
    }
    body.push([
      { v: split.year, bold: true },
      label(W.yearTotal(split.year), true),
      blank,
      blank,
      blank,
      money(split.total, true),
      ...split.quarterTotals.map((q) => money(q, true)),
    ]);
    body.push([]);
  }
  const quarterHeader = (q: number) => {
    const months = new Set(plan.splits.map((s) => s.quarterMonths[q]));
    const m = months.size === 1 ? [...months][0] : null;
    return W.quarter(q + 1, m ? MONTH_ABBR_SV[m - 1]! : null);
  };
  const C = W.columns;
  return titled(
    'split',
    titleOf(plan, W.title),
    [
      { header: C.year, width: 7 },
      { header: C.member, width: 26 },
      { header: C.party, width: 9 },
      { header: C.population, width: 11 },
      { header: C.share, width: 10 },
      { header: C.amount, width: 14 },
      ...[0, 1, 2, 3].map((q) => ({ header: quarterHeader(q), width: 15 })),
    ],
    body,
  );
}

interface StatusTotals {
  remainingAtStart: Kronor;
  amounts: Kronor[];
  remainingAfter: Kronor;
}

/** The interventions' totals by status, in one pass (Insatser per år and Budget both show them). */
function interventionTotals(plan: Plan): Record<InterventionStatus, StatusTotals> {
  const empty = (): StatusTotals => ({
    remainingAtStart: ZERO_KR,
    amounts: plan.years.map(() => ZERO_KR),
    remainingAfter: ZERO_KR,
  });
  const totals = { decided: empty(), planned: empty() };
  for (const p of plan.interventions) {
    const t = totals[p.intervention.status];
    t.remainingAtStart = add(t.remainingAtStart, p.remainingAtStart);
    p.years.forEach((y, yi) => {
      if (y.amount !== 0) t.amounts[yi] = add(t.amounts[yi]!, y.amount);
    });
    t.remainingAfter = add(t.remainingAfter, p.years[p.years.length - 1]!.remainingAfter);
  }
  return totals;
}

function addTotals(a: StatusTotals, b: StatusTotals): StatusTotals {
  return {
    remainingAtStart: add(a.remainingAtStart, b.remainingAtStart),
    amounts: a.amounts.map((x, i) => add(x, b.amounts[i]!)),
    remainingAfter: add(a.remainingAfter, b.remainingAfter),
  };
}

function renderInterventions(
  plan: Plan,
  totals: Record<InterventionStatus, StatusTotals>,
): { sheet: OutputSheet; locate: Locate } {
  const W = OUTPUT_WORDS.interventions;
  const years = plan.years;
  const body: OutCell[][] = plan.interventions.map((p) => {
    const iv = p.intervention;
    return [
      userText(iv.nr),
      userText(iv.name),
      userText(iv.owner),
      label(FUNDING[iv.funding].sv),
      label(STATUS[iv.status].sv),
      money(p.remainingAtStart),
      ...p.years.map((y) => money(y.amount)),
      money(p.years[p.years.length - 1]!.remainingAfter),
    ];
  });
  const row = (text: string, t: StatusTotals) => [
    blank,
    label(text, true),
    blank,
    blank,
    blank,
    money(t.remainingAtStart, true),
    ...t.amounts.map((a) => money(a, true)),
    money(t.remainingAfter, true),
  ];
  body.push(row(W.sums.decided, totals.decided));
  body.push(row(W.sums.planned, totals.planned));
  body.push(row(W.sums.all, addTotals(totals.decided, totals.planned)));
  const C = W.columns;
  const nameColumn = 1;
  const sheet = titled(
    'interventions',
    titleOf(plan, W.title),
    [
      { header: C.nr, width: 6 },
      { header: C.name, width: 30 },
      { header: C.owner, width: 22 },
      { header: C.funding, width: 12 },
      { header: C.status, width: 10 },
      { header: W.remainingAtStart(years[0]!), width: 16 },
      ...years.map((y) => ({ header: String(y), width: 13 })),
      { header: W.remainingAfter(years[years.length - 1]!), width: 18 },
    ],
    body,
  );
  return {
    sheet,
    locate: (t) => (t.kind === 'intervention' ? { sheet: 'interventions', row: bodyRow(t.index), col: nameColumn } : null),
  };
}

type BudgetKey = Extract<CheckTarget, { kind: 'budget' }>['line'];

function renderBudget(plan: Plan, totals: Record<InterventionStatus, StatusTotals>): { sheet: OutputSheet; locate: Locate } {
  const W = OUTPUT_WORDS.budget;
  const R = W.rows;
  const rows: { key?: BudgetKey; cells: OutCell[] }[] = [];
  const line = (text: string, values: Kronor[], opts: { bold?: boolean; key?: BudgetKey } = {}) =>
    rows.push({ key: opts.key, cells: [label(text, opts.bold), ...values.map((v) => money(v, opts.bold))] });
  const section = (text: string) => rows.push({ cells: [label(text, true)] });
  const B = plan.budget;
  section(R.income);
  for (const party of PARTIES)
    line(
      R.contributionParty(PARTY_DEFINITE[party].sv),
      B.map((b) => b.contributionsByParty[party]),
    );
  line(
    R.contributions,
    B.map((b) => b.contributions),
    { bold: true },
  );
  line(
    R.esfIncome,
    B.map((b) => b.esfIncome),
    { key: 'esfIncome' },
  );
  line(
    R.otherIncome,
    B.map((b) => b.otherIncome),
  );
  line(
    R.incomeTotal,
    B.map((b) => add(add(b.contributions, b.esfIncome), b.otherIncome)),
    { bold: true },
  );
  rows.push({ cells: [] });
  section(R.costs);
  plan.costLines.forEach((c) =>
    rows.push({
      cells: [
        userText(c.line.kind === 'depreciation' ? R.depreciationLine(c.line.name) : c.line.name),
        ...c.years.map((y) => negMoney(y.amount)),
      ],
    }),
  );
  rows.push({ cells: [label(R.decided), ...totals.decided.amounts.map((v) => negMoney(v))] });
  rows.push({ cells: [label(R.planned), ...totals.planned.amounts.map((v) => negMoney(v))] });
  rows.push({ cells: [label(R.costsTotal, true), ...B.map((b) => negMoney(add(b.operatingCosts, b.interventionCosts), true))] });
  rows.push({ cells: [] });
  line(
    R.operatingResult,
    B.map((b) => b.operatingResult),
    { bold: true },
  );
  line(
    R.financialIncome,
    B.map((b) => b.financialIncome),
  );
  line(
    R.result,
    B.map((b) => b.result),
    { bold: true, key: 'result' },
  );
  rows.push({ cells: [] });
  line(
    R.equityStart,
    B.map((b) => b.equityStart),
  );
  line(
    R.equityEnd,
    B.map((b) => b.equityEnd),
    { bold: true, key: 'equityEnd' },
  );
  line(
    R.annualContributions,
    B.map((b) => b.annualContributions),
    { key: 'annualContributions' },
  );
  line(
    R.esfCosts,
    B.map((b) => b.esfCosts),
  );

  const rowOf = new Map<BudgetKey, number>();
  rows.forEach((r, i) => r.key && rowOf.set(r.key, bodyRow(i)));
  const firstYearColumn = 1;
  const sheet = titled(
    'budget',
    titleOf(plan, W.title),
    [{ header: W.columns.item, width: 34 }, ...plan.years.map((y) => ({ header: String(y), width: 15 }))],
    rows.map((r) => r.cells),
  );
  return {
    sheet,
    locate: (t) =>
      t.kind === 'budget'
        ? { sheet: 'budget', row: rowOf.get(t.line)!, col: firstYearColumn + plan.years.indexOf(t.year) }
        : null,
  };
}

function renderBalance(plan: Plan): { sheet: OutputSheet; locate: Locate } {
  const W = OUTPUT_WORDS.balance;
  const R = W.rows;
  const o = plan.input.opening;
  const cols = [
    {
      fixedAssets: o.fixedAssets,
      receivables: o.receivables,
      cash: o.cash,
      equity: o.equity,
      shortTermLiabilities: o.shortTermLiabilities,
      longTermLiabilities: o.longTermLiabilities,
      commitments: sumKr(plan.interventions.filter((p) => p.intervention.status === 'decided').map((p) => p.remainingAtStart)),
    },
    ...plan.balance,
  ];
  const rows: OutCell[][] = [];
  const line = (text: string, pick: (c: (typeof cols)[number]) => Kronor, bold = false) =>
    rows.push([label(text, bold), ...cols.map((c) => money(pick(c), bold))]);
  rows.push([label(R.assets, true)]);
  line(R.fixedAssets, (c) => c.fixedAssets);
  line(R.receivables, (c) => c.receivables);
  line(R.cash, (c) => c.cash);
  line(R.assetsTotal, (c) => add(add(c.fixedAssets, c.receivables), c.cash), true);
  rows.push([]);
  rows.push([label(R.claims, true)]);
  const equityRow = bodyRow(rows.length);
  line(R.equity, (c) => c.equity);
  line(R.longTermLiabilities, (c) => c.longTermLiabilities);
  line(R.shortTermLiabilities, (c) => c.shortTermLiabilities);
  line(R.claimsTotal, (c) => add(add(c.equity, c.longTermLiabilities), c.shortTermLiabilities), true);
  rows.push([]);
  line(R.commitments, (c) => c.commitments);
  const firstYearEndColumn = 2; // after the item and the opening balance
  const sheet = titled(
    'balance',
    titleOf(plan, W.title),
    [
      { header: W.columns.item, width: 38 },
      { header: W.opening(plan.years[0]!), width: 15 },
      ...plan.years.map((y) => ({ header: W.yearEnd(y), width: 15 })),
    ],
    rows,
  );
  return {
    sheet,
    locate: (t) =>
      t.kind === 'balanceEquity'
        ? { sheet: 'balance', row: equityRow, col: firstYearEndColumn + plan.years.indexOf(t.year) }
        : null,
  };
}

function renderLiquidity(plan: Plan): { sheet: OutputSheet; locate: Locate } {
  const W = OUTPUT_WORDS.liquidity;
  const C = W.columns;
  const rowOfMonth = new Map<MonthIndex, number>();
  const body = plan.liquidity.map((l, i) => {
    rowOfMonth.set(l.month, bodyRow(i));
    return [
      label(monthLabel(l.month)),
      money(l.inflow),
      negMoney(l.outflow),
      money(l.cash, true),
      l.decisionRoom === null ? blank : money(l.decisionRoom),
      l.decisionRoomAfterPlanned === null ? blank : money(l.decisionRoomAfterPlanned),
    ];
  });
  const columns = [
    { key: 'month', header: C.month, width: 10 },
    { key: 'inflow', header: C.inflow, width: 15 },
    { key: 'outflow', header: C.outflow, width: 15 },
    { key: 'cash', header: C.cash, width: 18 },
    { key: 'decisionRoom', header: C.decisionRoom, width: 17 },
    { key: 'decisionRoomAfterPlanned', header: C.decisionRoomAfterPlanned, width: 22 },
  ] as const;
  const col = (key: (typeof columns)[number]['key']) => columns.findIndex((c) => c.key === key);
  const sheet = titled('liquidity', titleOf(plan, W.title), columns, body);
  return {
    sheet,
    locate: (t) =>
      t.kind === 'liquidityCash' || t.kind === 'decisionRoom'
        ? { sheet: 'liquidity', row: rowOfMonth.get(t.month)!, col: col(t.kind === 'liquidityCash' ? 'cash' : 'decisionRoom') }
        : null,
  };
}

function shownCell(
  v: number | { year: number; month: number; day: number } | null,
  shown: 'kronor' | 'number' | 'date' | 'none',
): OutCell {
  const s = shownValue(v, shown);
  if (s === null) return blank;
  if (typeof s === 'string') return label(s);
  return shown === 'kronor' ? money(s as Kronor) : { v: s };
}

function renderChecks(plan: Plan, cells: (string | null)[]): OutputSheet {
  const W = OUTPUT_WORDS.checks;
  const C = W.columns;
  const body = plan.checks.map((c, i) => {
    const text = GOAL_TEXT[c.goal];
    return [
      label(goalName(c.goal)),
      c.year === null ? blank : { v: c.year },
      c.month === null ? blank : label(formatMonth(c.month)),
      label(statusLabel(c.status), c.status !== 'ok'),
      shownCell(c.value, text.value),
      shownCell(c.limit, text.limit),
      label(checkMessage(c)),
      cells[i] ? label(cells[i]) : blank,
    ];
  });
  return titled(
    'checks',
    titleOf(plan, W.title),
    [
      { header: C.goal, width: 26 },
      { header: C.year, width: 7 },
      { header: C.month, width: 15 },
      { header: C.status, width: 12 },
      { header: C.value, width: 15 },
      { header: C.limit, width: 15 },
      { header: C.message, width: 90 },
      { header: C.cell, width: 24 },
    ],
    body,
  );
}

/**
 * @param settingsCells where each `Inställningar` parameter's value stands (A1), for checks about the
 *   plan as a whole, whose cell is on the input sheet.
 */
export function renderPlan(plan: Plan, settingsCells: ReadonlyMap<SettingsParameter, string> = new Map()): Rendered {
  const split = renderSplit(plan);
  const totals = interventionTotals(plan);
  const interventions = renderInterventions(plan, totals);
  const budget = renderBudget(plan, totals);
  const balance = renderBalance(plan);
  const liquidity = renderLiquidity(plan);
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
  const checks = renderChecks(plan, checkCells);
  return { sheets: [split, interventions.sheet, budget.sheet, balance.sheet, liquidity.sheet, checks], checkCells };
}
