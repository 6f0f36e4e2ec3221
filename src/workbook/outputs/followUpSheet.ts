/**
 * `Uppföljning` (workbook.md, output sheets): per line — income lines, each cost line, each intervention,
 * their sums and the result — budget for the year, budget to date, actual to date, deviation (kr and %),
 * forecast for the year and its deviation; interventions also granted, used in all and remaining. Lines
 * beyond the threshold are marked, the largest listed for the board, and the goals judged on the forecast.
 * With `Enhet` tkr every column's figures are whole tkr whose parts add up (domain.md, "Amounts in tkr"):
 * each column is a tree (result = income − costs, costs = operating costs + interventions) rounded from
 * the top down; the forecast's result and equity are pinned to the Budget sheet's; deviations are the
 * differences of the shown figures, so they add up too.
 */
import { monthOf } from '../../engine/calendar';
import {
  deviationToDate,
  DEVIATION_MARK,
  FollowUp,
  FollowUpFigures,
  FollowUpLine,
  followUpSums,
  isMarked,
  largestDeviations,
  percentOf,
} from '../../engine/followUp';
import type { Kronor } from '../../engine/kronor';
import type { Plan } from '../../engine/plan';
import { roundTree, shownPlan, TkrNode, TkrShown, Unit } from '../../engine/tkr';
import { formatKr, MONTHS } from '../../messages/format';
import { followUpCliLine } from '../../messages/followUp';
import { checkMessage, goalName } from '../../messages/goals';
import { OUTPUT_WORDS, PRINT_WORDS } from '../../messages/sheets';
import { statusLabel } from '../../messages/vocabulary';
import { OutCell, OutputSheet, sameSheetName, sheetRef } from '../grid';
import { INCOME_POST_NAMES } from '../sheets/outcome';

const W = OUTPUT_WORDS.followUp;
const KR = '#,##0;-#,##0';
const PCT = '0.0%';
const TEXT = '@';
const DASH = '–';
const TITLE_ROWS = 3; // title, note, blank; the header is row 4
/** Excel's good / neutral / bad (as `Kontroller`); the word is always shown too. */
const STYLE = {
  ok: { fill: 'C6EFCE', color: '006100' },
  warning: { fill: 'FFEB9C', color: '9C5700' },
  failed: { fill: 'FFC7CE', color: '9C0006' },
} as const;

/** A follow-up line's name: the income line's `Post`, the cost line's, or the intervention's. */
export function followUpLineName(plan: Plan, l: FollowUpLine): string {
  if (l.kind === 'income') return INCOME_POST_NAMES[l.income!];
  if (l.kind === 'cost') return plan.costLines[l.index]!.line.name;
  return plan.interventions[l.index]!.intervention.name;
}

const FIG = ['budgetYear', 'budgetToDate', 'actualToDate', 'forecastYear'] as const;
type Fig = (typeof FIG)[number];
type Shown = Record<Fig, number>;

/** Every row's four figures as shown (kronor, or tkr that add up), in the sheet's row order. */
interface ShownRows {
  lines: Shown[];
  income: Shown;
  operatingCosts: Shown;
  interventions: Shown;
  costs: Shown;
  result: Shown;
  /** Interventions: granted, used in all, remaining (and their sums, last). */
  commitments: { granted: number; usedInAll: number; remaining: number }[];
}

function shownRows(plan: Plan, fu: FollowUp, unit: Unit): ShownRows {
  const sums = followUpSums(fu);
  const of = (kind: FollowUpLine['kind']) => fu.lines.map((l, i) => ({ l, i })).filter((x) => x.l.kind === kind);
  const ivs = of('intervention');
  const commitmentsExact: ShownRows['commitments'] = ivs.map((x) => ({
    granted: x.l.granted!,
    usedInAll: x.l.usedInAll!,
    remaining: x.l.remaining!,
  }));
  const totalOf = (k: 'granted' | 'usedInAll' | 'remaining') => commitmentsExact.reduce((s, c) => s + c[k], 0);
  commitmentsExact.push({ granted: totalOf('granted'), usedInAll: totalOf('usedInAll'), remaining: totalOf('remaining') });
  if (unit === 'kr') {
    const pick = (f: FollowUpFigures): Shown => ({ ...f });
    return {
      lines: fu.lines.map(pick),
      income: pick(sums.income),
      operatingCosts: pick(sums.operatingCosts),
      interventions: pick(sums.interventions),
      costs: pick(sums.costs),
      result: pick(sums.result),
      commitments: commitmentsExact,
    };
  }
  const yi = plan.years.indexOf(fu.year);
  const board = shownPlan({ ...plan, opening: plan.input.opening }, 'tkr').budget[yi]!;
  const trees = FIG.map((f) => {
    const neg = (x: number) => (x === 0 ? 0 : -x);
    const node: TkrNode = {
      exact: sums.result[f],
      ...(f === 'forecastYear' ? { shown: board.result } : {}),
      parts: [
        { exact: sums.income[f], parts: of('income').map((x) => ({ exact: x.l[f] })) },
        {
          exact: neg(sums.costs[f]),
          parts: [
            { exact: neg(sums.operatingCosts[f]), parts: of('cost').map((x) => ({ exact: neg(x.l[f]) })) },
            { exact: neg(sums.interventions[f]), parts: ivs.map((x) => ({ exact: neg(x.l[f]) })) },
          ],
        },
      ],
    };
    return roundTree(node);
  });
  const at = (t: TkrShown, ...path: number[]) => path.reduce((n, i) => n.parts[i]!, t).shown;
  const row = (get: (t: TkrShown) => number): Shown => Object.fromEntries(FIG.map((f, k) => [f, get(trees[k]!)])) as Shown;
  const lines: Shown[] = fu.lines.map(() => ({ budgetYear: 0, budgetToDate: 0, actualToDate: 0, forecastYear: 0 }));
  of('income').forEach((x, k) => (lines[x.i] = row((t) => at(t, 0, k))));
  of('cost').forEach((x, k) => (lines[x.i] = row((t) => -at(t, 1, 0, k) || 0)));
  ivs.forEach((x, k) => (lines[x.i] = row((t) => -at(t, 1, 1, k) || 0)));
  // Granted and used: each a tree of the interventions; remaining is their difference.
  const tree = (k: 'granted' | 'usedInAll') => roundTree({ exact: totalOf(k), parts: ivs.map((x) => ({ exact: x.l[k]! })) });
  const granted = tree('granted');
  const used = tree('usedInAll');
  const commitments = [...ivs.map((_, k) => k), -1].map((k) => {
    const g = k < 0 ? granted.shown : granted.parts[k]!.shown;
    const u = k < 0 ? used.shown : used.parts[k]!.shown;
    return { granted: g, usedInAll: u, remaining: g - u };
  });
  return {
    lines,
    income: row((t) => at(t, 0)),
    operatingCosts: row((t) => -at(t, 1, 0) || 0),
    interventions: row((t) => -at(t, 1, 1) || 0),
    costs: row((t) => -at(t, 1) || 0),
    result: row((t) => t.shown),
    commitments,
  };
}

const text = (s: string, bold = false): OutCell => ({ v: s, f: TEXT, bold });
const blank: OutCell = { v: null };
const money = (n: number, bold = false): OutCell => ({ v: n, f: KR, bold });
/** A per cent of the budget, from the exact kronor; a dash without budget. */
function percentCell(deviation: number, budget: number, bold = false): OutCell {
  const p = percentOf(deviation as Kronor, budget as Kronor);
  return p === null ? { v: DASH, align: 'right', bold } : { v: p.dividedBy(100).toDecimalPlaces(6).toNumber(), f: PCT, bold };
}

/** The period views: quarters and tertials (months per period). */
const PERIODS = [
  { name: 'quarter', months: 3 },
  { name: 'tertial', months: 4 },
] as const;

type PeriodRowKey = keyof typeof W.periods.rows;

/**
 * Budget and actual of income, costs and result per period of the year; the actual only for periods
 * complete through M. In tkr each period's budget and actual are rounded as a tree (result = income −
 * costs), so the rows add up; the deviation is the difference of the shown figures.
 */
function periodView(fu: FollowUp, length: number, unit: Unit) {
  const throughMonth = monthOf(fu.through).month;
  const count = 12 / length;
  const periods = Array.from({ length: count }, (_, i) => ({ index: i + 1, from: i * length + 1, to: (i + 1) * length }));
  const sumOver = (pick: (l: FollowUpLine) => Kronor[], kinds: FollowUpLine['kind'][], from: number, to: number) =>
    fu.lines
      .filter((l) => kinds.includes(l.kind))
      .reduce(
        (s, l) =>
          s +
          pick(l)
            .slice(from - 1, to)
            .reduce((a, b) => a + b, 0),
        0,
      );
  const figures = periods.map((p) => {
    const of = (pick: (l: FollowUpLine) => Kronor[]) => {
      const income = sumOver(pick, ['income'], p.from, p.to);
      const costs = sumOver(pick, ['cost', 'intervention'], p.from, p.to);
      if (unit === 'kr') return { income, costs, result: income - costs };
      const t = roundTree({ exact: income - costs, parts: [{ exact: income }, { exact: costs === 0 ? 0 : -costs }] });
      return { income: t.parts[0]!.shown, costs: -t.parts[1]!.shown || 0, result: t.shown };
    };
    return { budget: of((l) => l.budgetMonths), actual: p.to <= throughMonth ? of((l) => l.actualMonths) : null };
  });
  const rows: { key: PeriodRowKey; values: (number | null)[] }[] = [
    { key: 'budgetIncome', values: figures.map((f) => f.budget.income) },
    { key: 'actualIncome', values: figures.map((f) => f.actual?.income ?? null) },
    { key: 'budgetCosts', values: figures.map((f) => f.budget.costs) },
    { key: 'actualCosts', values: figures.map((f) => f.actual?.costs ?? null) },
    { key: 'budgetResult', values: figures.map((f) => f.budget.result) },
    { key: 'actualResult', values: figures.map((f) => f.actual?.result ?? null) },
    { key: 'deviationResult', values: figures.map((f) => (f.actual ? f.actual.result - f.budget.result : null)) },
  ];
  return { periods, rows };
}

/** @param checkCells the A1 reference of each of the plan's checks (as `Kontroller` links them). */
export function renderFollowUpSheet(plan: Plan, unit: Unit, checkCells: readonly (string | null)[]): OutputSheet | null {
  return followUpSheetAndCells(plan, unit, checkCells)?.sheet ?? null;
}

/** Where the rows of `Uppföljning` stand (sheet references), for the pane's "Visa cell". */
export interface FollowUpCells {
  /** Each follow-up line's row (its name cell), in the order of `followUp.lines`. */
  lines: string[];
  income: string;
  costs: string;
  result: string;
}

/** The sheet and where its rows stand. */
export function followUpSheetAndCells(
  plan: Plan,
  unit: Unit,
  checkCells: readonly (string | null)[],
): { sheet: OutputSheet; cells: FollowUpCells } | null {
  const fu = plan.followUp;
  if (!fu) return null;
  const ref = (row: number) => sheetRef(W.name, `A${row + 1}`);
  const at = () => ref(TITLE_ROWS + 1 + body.length);
  const cells: FollowUpCells = { lines: [], income: '', costs: '', result: '' };
  const C = W.columns;
  const R = W.rows;
  const month = `${MONTHS.sv[monthOf(fu.through).month - 1]}`;
  const shown = shownRows(plan, fu, unit);
  const sums = followUpSums(fu);
  const body: OutCell[][] = [];
  const markCell = (marked: boolean, given: boolean): OutCell => {
    const words = [...(marked ? [W.marked] : []), ...(given ? [W.given] : [])].join('; ');
    return words === '' ? blank : { ...text(words), ...(marked ? STYLE.warning : {}) };
  };

  /** A row: exact figures (for per cent and marking), shown figures, and the commitments when any. */
  const figureRow = (
    label: OutCell,
    exact: FollowUpFigures,
    s: Shown,
    opts: { bold?: boolean; given?: boolean; commitments?: ShownRows['commitments'][number]; mark?: boolean } = {},
  ): OutCell[] => {
    const bold = opts.bold ?? false;
    const marked = opts.mark ?? false;
    const dev = s.actualToDate - s.budgetToDate;
    const devYear = s.forecastYear - s.budgetYear;
    const style = marked ? STYLE.warning : {};
    return [
      label,
      money(s.budgetYear, bold),
      money(s.budgetToDate, bold),
      money(s.actualToDate, bold),
      { ...money(dev, bold), ...style },
      { ...percentCell(deviationToDate(exact), exact.budgetToDate, bold), ...style },
      money(s.forecastYear, bold),
      money(devYear, bold),
      percentCell(exact.forecastYear - exact.budgetYear, exact.budgetYear, bold),
      ...(opts.commitments
        ? [
            money(opts.commitments.granted, bold),
            money(opts.commitments.usedInAll, bold),
            money(opts.commitments.remaining, bold),
          ]
        : [blank, blank, blank]),
      markCell(marked, opts.given ?? false),
    ];
  };
  const rowOfLine = new Map<FollowUpLine, number>();
  const lineRow = (l: FollowUpLine, i: number, label: string, commitments?: ShownRows['commitments'][number]) => {
    rowOfLine.set(l, TITLE_ROWS + 1 + body.length);
    body.push(figureRow(text(label), l, shown.lines[i]!, { given: l.forecastGiven, commitments, mark: isMarked(l) }));
  };
  const section = (s: string) => body.push([text(s, true)]);

  section(R.income);
  fu.lines.forEach((l, i) => l.kind === 'income' && lineRow(l, i, followUpLineName(plan, l)));
  cells.income = at();
  body.push(figureRow(text(R.incomeTotal, true), sums.income, shown.income, { bold: true }));
  body.push([]);
  section(R.costs);
  fu.lines.forEach((l, i) => l.kind === 'cost' && lineRow(l, i, followUpLineName(plan, l)));
  body.push(figureRow(text(R.costsSum, true), sums.operatingCosts, shown.operatingCosts, { bold: true }));
  section(R.interventions);
  let k = 0;
  fu.lines.forEach((l, i) => {
    if (l.kind !== 'intervention') return;
    const iv = plan.interventions[l.index]!.intervention;
    lineRow(l, i, iv.owner ? `${iv.name} (${iv.owner})` : iv.name, shown.commitments[k++]);
  });
  body.push(
    figureRow(text(R.interventionsSum, true), sums.interventions, shown.interventions, {
      bold: true,
      commitments: shown.commitments[shown.commitments.length - 1],
    }),
  );
  cells.costs = at();
  body.push(figureRow(text(R.costsTotal, true), sums.costs, shown.costs, { bold: true }));
  body.push([]);
  cells.result = at();
  body.push(figureRow(text(R.result, true), sums.result, shown.result, { bold: true }));
  // Equity at the year end: as budgeted and as forecast (the forecast as Budget and Balansplan show it).
  const yi = plan.years.indexOf(fu.year);
  const equityForecast =
    unit === 'tkr'
      ? shownPlan({ ...plan, opening: plan.input.opening }, 'tkr').budget[yi]!.equityEnd
      : plan.budget[yi]!.equityEnd;
  const equityBudget =
    unit === 'tkr' ? equityForecast - shown.result.forecastYear + shown.result.budgetYear : fu.budget.equityEnd;
  body.push([
    text(R.equityEnd),
    money(equityBudget),
    blank,
    blank,
    blank,
    blank,
    money(equityForecast),
    money(equityForecast - equityBudget),
    percentCell(plan.budget[yi]!.equityEnd - fu.budget.equityEnd, fu.budget.equityEnd),
  ]);

  // The periods: quarters and tertials, budget and actual (periods complete through M).
  for (const period of PERIODS) {
    body.push([]);
    const view = periodView(fu, period.months, unit);
    body.push([
      text(W.periods.title(period.name), true),
      ...view.periods.map((p) => ({
        ...text(W.periods.label(period.name, p.index, p.from, p.to), true),
        align: 'right' as const,
      })),
    ]);
    for (const r of view.rows)
      body.push([text(W.periods.rows[r.key], r.key.endsWith('Result')), ...r.values.map((v) => (v === null ? blank : money(v)))]);
  }

  // The largest deviations, for the board.
  body.push([]);
  section(W.largest(month));
  const largest = largestDeviations(fu);
  const kronor = formatKr(DEVIATION_MARK.kronor);
  if (largest.length === 0) body.push([text(W.noneMarked(DEVIATION_MARK.percent, kronor))]);
  for (const l of largest) {
    const row = rowOfLine.get(l)!;
    const s = shown.lines[fu.lines.indexOf(l)]!;
    body.push([
      { ...text(followUpLineName(plan, l)), link: ref(row) },
      blank,
      money(s.budgetToDate),
      money(s.actualToDate),
      { ...money(s.actualToDate - s.budgetToDate), ...STYLE.warning },
      { ...percentCell(deviationToDate(l), l.budgetToDate), ...STYLE.warning },
      money(s.forecastYear),
      money(s.forecastYear - s.budgetYear),
      percentCell(l.forecastYear - l.budgetYear, l.budgetYear),
    ]);
  }
  body.push([text(W.threshold(DEVIATION_MARK.percent, kronor))]);

  // The goals judged on the forecast of the year.
  body.push([]);
  section(W.goals);
  plan.checks.forEach((c, i) => {
    if (c.year !== fu.year) return;
    const cell = checkCells[i] ?? null;
    body.push([
      cell ? { ...text(goalName(c.goal)), link: cell } : text(goalName(c.goal)),
      { ...text(statusLabel(c.status), c.status !== 'ok'), ...STYLE[c.status], align: 'center' },
      text(checkMessage(c)),
    ]);
  });
  if (unit === 'tkr') body.push([], [text(OUTPUT_WORDS.summary.tkrNote)]);

  const columns = [
    { header: C.item, width: 36 },
    { header: C.budgetYear, width: 13 },
    { header: C.budgetToDate(month), width: 13 },
    { header: C.actualToDate(month), width: 13 },
    { header: C.deviation, width: 12 },
    { header: C.deviationPercent, width: 10 },
    { header: C.forecastYear, width: 13 },
    { header: C.deviationYear, width: 12 },
    { header: C.deviationYearPercent, width: 10 },
    { header: C.granted, width: 13 },
    { header: C.usedInAll, width: 13 },
    { header: C.remaining, width: 13 },
    { header: C.mark, width: 13 },
  ];
  cells.lines = fu.lines.map((l) => ref(rowOfLine.get(l)!));
  const sheet: OutputSheet = {
    name: W.name,
    rows: [
      [text(W.title(fu.year, month, unit, fu.prognosisYear), true)],
      [text(W.note(month))],
      [],
      columns.map((c) => ({ v: c.header, f: TEXT, bold: true, wrap: true })),
      ...body,
    ],
    widths: columns.map((c) => c.width),
    freezeRows: TITLE_ROWS + 1,
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      repeatRows: TITLE_ROWS + 1,
      header: { left: plan.input.settings.name, center: W.name, right: '&D' },
      footer: { left: '', center: PRINT_WORDS.page, right: '' },
    },
  };
  return { sheet, cells };
}

/**
 * An `Uppföljning` sheet this tool wrote before, in a workbook that no longer has a follow-up: rewritten
 * to say so, rather than left with last time's figures. Nothing when the plan has a follow-up or the
 * workbook has no such sheet.
 */
export function staleFollowUpSheets(plan: Plan, ownedSheets: readonly string[]): OutputSheet[] {
  if (plan.followUp || !ownedSheets.some((s) => sameSheetName(s, W.name))) return [];
  return [
    {
      name: W.name,
      rows: [[text(W.name, true)], [text(W.none)]],
      widths: [90],
      freezeRows: 0,
      print: {
        orientation: 'portrait',
        fitToWidth: true,
        repeatRows: 0,
        header: { left: plan.input.settings.name, center: W.name, right: '&D' },
        footer: { left: '', center: PRINT_WORDS.page, right: '' },
      },
    },
  ];
}

/** The command's summary line for the follow-up, or null without one. */
export function followUpSummaryLine(plan: Plan): string | null {
  const fu = plan.followUp;
  if (!fu) return null;
  const { result } = followUpSums(fu);
  return followUpCliLine({
    year: fu.year,
    month: monthOf(fu.through).month,
    prognosis: fu.prognosisYear,
    actualToDate: result.actualToDate,
    budgetToDate: result.budgetToDate,
    forecast: result.forecastYear,
    budget: result.budgetYear,
    largest: largestDeviations(fu).map((l) => followUpLineName(plan, l)),
  });
}
