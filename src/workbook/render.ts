/** Rendering a Plan into the output sheets: Swedish headers, whole kronor, totals rows. */
import { monthLabel, MonthIndex } from '../engine/calendar';
import { Money, sum, toKronor, ZERO } from '../engine/money';
import type { Check, Plan } from '../engine/types';
import { checkMessage, formatMonth, goalName, MONTH_ABBR_SV, PARTY_SV, statusLabel } from '../messages';
import { a1, OutCell, OutputSheet, sheetRef } from './grid';
import { INPUT_SHEETS, OUTPUT_SHEETS } from './schema';

export const KR = '#,##0;-#,##0';
const TEXT = '@';
const SHARE = '0.0000%';
const TITLE_ROWS = 2; // title, blank; the header is row 3

const money = (m: Money, bold = false): OutCell => ({ v: toKronor(m), f: KR, bold });
const negMoney = (m: Money, bold = false): OutCell => money(m.negated(), bold);
/** Text from user input: written as text ("@"), never as a formula. */
const userText = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const label = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const blank: OutCell = { v: null };
const header = (s: string): OutCell => ({ v: s, f: TEXT, bold: true });

function titled(name: string, title: string, head: OutCell[], body: OutCell[][], widths: number[]): OutputSheet {
  return {
    name,
    rows: [[{ v: title, f: TEXT, bold: true }], [], head, ...body],
    widths,
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

function titleOf(plan: Plan, what: string): string {
  const s = plan.input.settings;
  const years = plan.years.length > 1 ? `${plan.years[0]}–${plan.years[plan.years.length - 1]}` : `${plan.years[0]}`;
  return `${what} ${years}${s.name ? ` — ${s.name}` : ''}`;
}

function renderSplit(plan: Plan): OutputSheet {
  const body: OutCell[][] = [];
  for (const split of plan.splits) {
    for (const c of split.members) {
      body.push([
        { v: split.year },
        userText(c.member),
        label(PARTY_SV[c.party]),
        c.party === 'municipalities' ? { v: c.population.toNumber(), f: KR } : blank,
        { v: c.share.toDecimalPlaces(6).toNumber(), f: SHARE },
        money(c.amount),
        ...c.quarters.map((q) => money(q)),
      ]);
    }
    for (const party of ['state', 'region', 'municipalities'] as const) {
      const members = split.members.filter((m) => m.party === party);
      const quarters = [0, 1, 2, 3].map((q) => sum(members.map((m) => m.quarters[q]!)));
      body.push([
        { v: split.year },
        label(`Summa ${PARTY_SV[party].toLowerCase()}`, true),
        blank,
        party === 'municipalities' ? { v: sum(members.map((m) => m.population)).toNumber(), f: KR, bold: true } : blank,
        { v: plan.input.settings.shares[party].toNumber(), f: SHARE, bold: true },
        money(split.parties[party], true),
        ...quarters.map((q) => money(q, true)),
      ]);
    }
    body.push([
      { v: split.year, bold: true },
      label(`Totalt ${split.year}`, true),
      blank,
      blank,
      blank,
      money(split.total, true),
      ...split.quarterTotals.map((q) => money(q, true)),
    ]);
    body.push([]);
  }
  const quarterHead = (q: number) => {
    const months = new Set(plan.splits.map((s) => s.quarterMonths[q]));
    const m = months.size === 1 ? [...months][0] : null;
    return header(m ? `Kvartal ${q + 1} (${MONTH_ABBR_SV[m - 1]})` : `Kvartal ${q + 1}`);
  };
  return titled(
    OUTPUT_SHEETS.split,
    titleOf(plan, 'Fördelning av medlemsavgifter'),
    [
      header('År'),
      header('Medlem'),
      header('Part'),
      header('Invånare'),
      header('Andel'),
      header('Belopp (kr)'),
      ...[0, 1, 2, 3].map(quarterHead),
    ],
    body,
    [7, 26, 9, 11, 10, 14, 15, 15, 15, 15],
  );
}

interface StatusTotals {
  remainingAtStart: Money;
  amounts: Money[];
  remainingAfter: Money;
}

/** The interventions' totals by status, in one pass (Insatser per år and Budget both show them). */
function interventionTotals(plan: Plan): Record<'decided' | 'planned', StatusTotals> {
  const empty = (): StatusTotals => ({ remainingAtStart: ZERO, amounts: plan.years.map(() => ZERO), remainingAfter: ZERO });
  const totals = { decided: empty(), planned: empty() };
  for (const p of plan.interventions) {
    const t = totals[p.intervention.status];
    t.remainingAtStart = t.remainingAtStart.plus(p.remainingAtStart);
    p.years.forEach((y, yi) => {
      if (!y.amount.isZero()) t.amounts[yi] = t.amounts[yi]!.plus(y.amount);
    });
    t.remainingAfter = t.remainingAfter.plus(p.years[p.years.length - 1]!.remainingAfter);
  }
  return totals;
}

function addTotals(a: StatusTotals, b: StatusTotals): StatusTotals {
  return {
    remainingAtStart: a.remainingAtStart.plus(b.remainingAtStart),
    amounts: a.amounts.map((x, i) => x.plus(b.amounts[i]!)),
    remainingAfter: a.remainingAfter.plus(b.remainingAfter),
  };
}

function renderInterventions(plan: Plan, totals: Record<'decided' | 'planned', StatusTotals>): OutputSheet {
  const years = plan.years;
  const body: OutCell[][] = plan.interventions.map((p) => {
    const iv = p.intervention;
    return [
      userText(iv.nr),
      userText(iv.name),
      userText(iv.owner),
      label(iv.funding === 'esf' ? 'ESF' : 'Finsam'),
      label(iv.status === 'decided' ? 'Beslutad' : 'Planerad'),
      money(p.remainingAtStart),
      ...p.years.map((y) => money(y.amount)),
      money(p.years[p.years.length - 1]!.remainingAfter),
    ];
  });
  const row = (labelText: string, t: StatusTotals) => [
    blank,
    label(labelText, true),
    blank,
    blank,
    blank,
    money(t.remainingAtStart, true),
    ...t.amounts.map((a) => money(a, true)),
    money(t.remainingAfter, true),
  ];
  body.push(row('Summa beslutade', totals.decided));
  body.push(row('Summa planerade', totals.planned));
  body.push(row('Summa insatser', addTotals(totals.decided, totals.planned)));
  return titled(
    OUTPUT_SHEETS.interventions,
    titleOf(plan, 'Insatser per år'),
    [
      header('Nr'),
      header('Insats'),
      header('Insatsägare'),
      header('Finansiering'),
      header('Status'),
      header(`Återstår 1/1 ${years[0]}`),
      ...years.map((y) => header(String(y))),
      header(`Återstår efter ${years[years.length - 1]}`),
    ],
    body,
    [6, 30, 22, 12, 10, 16, ...years.map(() => 13), 18],
  );
}

interface BudgetLayout {
  rowOf: Map<string, number>;
  colOfYear: Map<number, number>;
}

function renderBudget(
  plan: Plan,
  totals: Record<'decided' | 'planned', StatusTotals>,
): { sheet: OutputSheet; layout: BudgetLayout } {
  const rows: { key?: string; cells: OutCell[] }[] = [];
  const line = (text: string, values: Money[], opts: { bold?: boolean; key?: string } = {}) =>
    rows.push({ key: opts.key, cells: [label(text, opts.bold), ...values.map((v) => money(v, opts.bold))] });
  const section = (text: string) => rows.push({ cells: [label(text, true)] });
  const B = plan.budget;
  section('Intäkter');
  line(
    'Medlemsavgift staten',
    B.map((b) => b.contributionsByParty.state),
  );
  line(
    'Medlemsavgift regionen',
    B.map((b) => b.contributionsByParty.region),
  );
  line(
    'Medlemsavgift kommunerna',
    B.map((b) => b.contributionsByParty.municipalities),
  );
  line(
    'Summa medlemsavgifter',
    B.map((b) => b.contributions),
    { bold: true },
  );
  line(
    'ESF-intäkter',
    B.map((b) => b.esfIncome),
    { key: 'esfIncome' },
  );
  line(
    'Övriga intäkter',
    B.map((b) => b.otherIncome),
  );
  line(
    'Summa intäkter',
    B.map((b) => b.contributions.plus(b.esfIncome).plus(b.otherIncome)),
    { bold: true },
  );
  rows.push({ cells: [] });
  section('Kostnader');
  plan.costLines.forEach((c) =>
    rows.push({
      cells: [
        userText(c.line.kind === 'depreciation' ? `${c.line.name} (avskrivning)` : c.line.name),
        ...c.years.map((y) => negMoney(y.amount)),
      ],
    }),
  );
  rows.push({ cells: [label('Beslutade insatser'), ...totals.decided.amounts.map((v) => negMoney(v))] });
  rows.push({ cells: [label('Planerade insatser'), ...totals.planned.amounts.map((v) => negMoney(v))] });
  rows.push({
    cells: [label('Summa kostnader', true), ...B.map((b) => negMoney(b.operatingCosts.plus(b.interventionCosts), true))],
  });
  rows.push({ cells: [] });
  line(
    'Verksamhetens resultat',
    B.map((b) => b.operatingResult),
    { bold: true },
  );
  line(
    'Finansiella intäkter',
    B.map((b) => b.financialIncome),
  );
  line(
    'Årets resultat',
    B.map((b) => b.result),
    { bold: true, key: 'result' },
  );
  rows.push({ cells: [] });
  line(
    'Eget kapital vid årets början',
    B.map((b) => b.equityStart),
  );
  line(
    'Eget kapital vid årets slut',
    B.map((b) => b.equityEnd),
    { bold: true, key: 'equityEnd' },
  );
  line(
    'Medlemsavgifter, helårsbasis',
    B.map((b) => b.annualContributions),
    { key: 'annualContributions' },
  );
  line(
    'ESF-finansierade kostnader',
    B.map((b) => b.esfCosts),
  );

  const rowOf = new Map<string, number>();
  rows.forEach((r, i) => r.key && rowOf.set(r.key, bodyRow(i)));
  const colOfYear = new Map(plan.years.map((y, i) => [y, i + 1]));
  const sheet = titled(
    OUTPUT_SHEETS.budget,
    titleOf(plan, 'Resultatbudget (kr)'),
    [header('Post'), ...plan.years.map((y) => header(String(y)))],
    rows.map((r) => r.cells),
    [34, ...plan.years.map(() => 15)],
  );
  return { sheet, layout: { rowOf, colOfYear } };
}

function renderBalance(plan: Plan): { sheet: OutputSheet; equityRow: number } {
  const o = plan.input.opening;
  const cols = [
    {
      fixedAssets: o.fixedAssets,
      receivables: o.receivables,
      cash: o.cash,
      equity: o.equity,
      shortTermLiabilities: o.shortTermLiabilities,
      longTermLiabilities: o.longTermLiabilities,
      commitments: sum(plan.interventions.filter((p) => p.intervention.status === 'decided').map((p) => p.remainingAtStart)),
    },
    ...plan.balance,
  ];
  const rows: OutCell[][] = [];
  const line = (text: string, pick: (c: (typeof cols)[number]) => Money, bold = false) =>
    rows.push([label(text, bold), ...cols.map((c) => money(pick(c), bold))]);
  rows.push([label('Tillgångar', true)]);
  line('Anläggningstillgångar', (c) => c.fixedAssets);
  line('Fordringar', (c) => c.receivables);
  line('Kassa och bank', (c) => c.cash);
  line('Summa tillgångar', (c) => c.fixedAssets.plus(c.receivables).plus(c.cash), true);
  rows.push([]);
  rows.push([label('Eget kapital och skulder', true)]);
  const equityIndex = rows.length;
  line('Eget kapital', (c) => c.equity);
  line('Långfristiga skulder', (c) => c.longTermLiabilities);
  line('Kortfristiga skulder', (c) => c.shortTermLiabilities);
  line('Summa eget kapital och skulder', (c) => c.equity.plus(c.longTermLiabilities).plus(c.shortTermLiabilities), true);
  rows.push([]);
  line('Beviljade insatser, återstående belopp', (c) => c.commitments);
  const sheet = titled(
    OUTPUT_SHEETS.balance,
    titleOf(plan, 'Balansplan (kr)'),
    [header('Post'), header(`Ingående ${plan.years[0]}`), ...plan.years.map((y) => header(`${y}-12-31`))],
    rows,
    [38, 15, ...plan.years.map(() => 15)],
  );
  return { sheet, equityRow: bodyRow(equityIndex) };
}

function renderLiquidity(plan: Plan): { sheet: OutputSheet; rowOfMonth: Map<MonthIndex, number> } {
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
  const sheet = titled(
    OUTPUT_SHEETS.liquidity,
    titleOf(plan, 'Likviditet per månad (kr)'),
    [
      header('Månad'),
      header('Inbetalningar'),
      header('Utbetalningar'),
      header('Kassa vid månadens slut'),
      header('Beslutsutrymme'),
      header('Beslutsutrymme efter planerade insatser'),
    ],
    body,
    [10, 15, 15, 18, 17, 22],
  );
  return { sheet, rowOfMonth };
}

function renderChecks(plan: Plan, cells: (string | null)[]): OutputSheet {
  const body = plan.checks.map((c: Check, i) => [
    label(goalName(c.goal)),
    c.year === null ? blank : { v: c.year },
    c.month === null ? blank : label(formatMonth(c.month)),
    label(statusLabel(c.status), c.status !== 'ok'),
    valueCell(c.value),
    valueCell(c.limit),
    label(checkMessage(c)),
    cells[i] ? label(cells[i]!) : blank,
  ]);
  return titled(
    OUTPUT_SHEETS.checks,
    titleOf(plan, 'Kontroller mot styrelsens finansiella mål'),
    [
      header('Mål'),
      header('År'),
      header('Månad'),
      header('Status'),
      header('Värde'),
      header('Gräns'),
      header('Förklaring'),
      header('Cell'),
    ],
    body,
    [26, 7, 15, 12, 15, 15, 90, 24],
  );
}

function valueCell(v: Check['value']): OutCell {
  if (v === null) return blank;
  if (typeof v === 'string') return label(v);
  if (typeof v === 'number') return { v };
  return money(v);
}

/**
 * @param settingsCells where each `Inställningar` parameter's value stands (A1), for checks about the
 *   plan as a whole, whose cell is on the input sheet.
 */
export function renderPlan(plan: Plan, settingsCells: ReadonlyMap<string, string> = new Map()): Rendered {
  const split = renderSplit(plan);
  const totals = interventionTotals(plan);
  const interventions = renderInterventions(plan, totals);
  const budget = renderBudget(plan, totals);
  const balance = renderBalance(plan);
  const liquidity = renderLiquidity(plan);
  const checkCells = plan.checks.map((c): string | null => {
    const t = c.target;
    if (!t) return null;
    switch (t.kind) {
      case 'liquidityCash':
        return sheetRef(OUTPUT_SHEETS.liquidity, a1(liquidity.rowOfMonth.get(t.month)!, 3));
      case 'decisionRoom':
        return sheetRef(OUTPUT_SHEETS.liquidity, a1(liquidity.rowOfMonth.get(t.month)!, 4));
      case 'budget':
        return sheetRef(OUTPUT_SHEETS.budget, a1(budget.layout.rowOf.get(t.line)!, budget.layout.colOfYear.get(t.year)!));
      case 'balanceEquity':
        return sheetRef(OUTPUT_SHEETS.balance, a1(balance.equityRow, 2 + plan.years.indexOf(t.year)));
      case 'intervention':
        return sheetRef(OUTPUT_SHEETS.interventions, a1(bodyRow(t.index), 1));
      case 'settings': {
        const cell = settingsCells.get(t.parameter);
        return cell ? sheetRef(INPUT_SHEETS.settings, cell) : null;
      }
    }
  });
  const checks = renderChecks(plan, checkCells);
  return { sheets: [split, interventions, budget.sheet, balance.sheet, liquidity.sheet, checks], checkCells };
}
