/** `Mål`: the board's financial goals — which are active and their limits (else the defaults). */
import { CapBand, defaultGoals, GoalId, Goals, GOAL_IDS, GoalSettings } from '../../engine/goals';
import { GOAL_TEXT, HORIZON_ROW, LimitKind, LimitSettings } from '../../messages/goals';
import { DUPLICATE_OF, EXPECTED, INPUT_WORDS } from '../../messages/sheets';
import { lowerCaseSv } from '../../messages/vocabulary';
import type { InputError, SheetGrid } from '../grid';
import { Cells, ColumnsOf, readLabelled, readTable, SheetSpec } from '../table';
import { cellText, isEmpty, parseAmount, parseDayMonth, parseInteger, parsePercent, parseYesNo } from '../values';

const W = INPUT_WORDS.goals;
const CAP_WORD = INPUT_WORDS.capTable.limitWord;

export const GOALS_SPEC = {
  name: W.name,
  columns: [
    { key: 'goal', header: W.columns.goal, required: true, width: 26 },
    { key: 'limit', header: W.columns.limit, width: 15, format: '#,##0' },
    { key: 'active', header: W.columns.active, width: 8 },
    { key: 'source', header: W.columns.source, width: 60 },
  ],
} as const satisfies SheetSpec<keyof typeof W.columns>;

type Row = GoalId | 'horizon';
/** The `Mål` rows: every goal's name, and the decision horizon. */
export const GOAL_ROWS = Object.fromEntries([
  ...GOAL_IDS.map((g) => [g, GOAL_TEXT[g].name.sv]),
  ['horizon', HORIZON_ROW.sv],
]) as Record<Row, string>;
/** The rows in the order messages list them: the goals in registry order, the horizon after the decision room. */
export const GOAL_ROW_ORDER: readonly Row[] = GOAL_IDS.flatMap((g): Row[] => (g === 'decisionRoom' ? [g, 'horizon'] : [g]));

type GoalCells = Cells<ColumnsOf<typeof GOALS_SPEC>>;

/**
 * What the goals' limits may refer to: the `Kapitaltak` sheet's bands — `missing` without the sheet,
 * `unusable` when the sheet has errors of its own (reported there; no knock-on on `Mål`).
 */
export interface GoalContext {
  capBands: readonly CapBand[] | 'missing' | 'unusable';
}
const NO_CAP_TABLE: GoalContext = { capBands: 'missing' };

/**
 * How each kind of `Gräns` is read into a goal's settings: each reader gets the goal's current
 * settings (its default) and returns the new ones.
 */
const LIMIT_READERS: {
  [L in LimitKind]: (c: GoalCells, active: boolean, current: LimitSettings[L], ctx: GoalContext) => LimitSettings[L];
} = {
  amount: (c, active, current) => {
    const raw = c.raw('limit');
    const limit = isEmpty(raw) ? current.limit : (c.take('limit', parseAmount(raw)) ?? current.limit);
    return { active, limit };
  },
  amountOrPercent: (c, active, _current, ctx) => {
    const raw = c.raw('limit');
    if (isEmpty(raw)) return { active: false, limit: null };
    // `Kapitaltak`: the cap by budget size, from the sheet of that name (workbook.md).
    if (typeof raw === 'string' && lowerCaseSv(raw.trim()) === lowerCaseSv(CAP_WORD)) {
      if (ctx.capBands === 'missing') c.error('limit', 'capTableMissing', { sheet: INPUT_WORDS.capTable.name });
      return typeof ctx.capBands === 'string'
        ? { active: false, limit: null }
        : { active, limit: { kind: 'bands', bands: ctx.capBands } };
    }
    const format = c.format('limit');
    const isPercent =
      cellText(raw).includes('%') || (format?.includes('%') ?? false) || (typeof raw === 'number' && Math.abs(raw) <= 1);
    if (isPercent) {
      const p = c.take('limit', parsePercent(raw, format));
      return p ? { active, limit: { kind: 'percent', value: p } } : { active: false, limit: null };
    }
    const a = c.take('limit', parseAmount(raw));
    return a !== undefined ? { active, limit: { kind: 'amount', value: a } } : { active: false, limit: null };
  },
  dayMonth: (c, active, current) => {
    const raw = c.raw('limit');
    const dm = isEmpty(raw) ? undefined : c.take('limit', parseDayMonth(raw));
    return { active, month: dm?.month ?? current.month, day: dm?.day ?? current.day };
  },
  none: (_c, active) => ({ active }),
};

/** Read one goal's row: its limit as the registry says, into its settings. */
function readGoal<G extends GoalId>(goals: Goals, goal: G, c: GoalCells, active: boolean, ctx: GoalContext): void {
  // The registry ties each goal to the limit kind its settings have (LimitKindOf); TypeScript cannot
  // follow that correlation through the two tables, hence the one cast.
  const kind = GOAL_TEXT[goal].limitKind;
  const read = LIMIT_READERS[kind] as unknown as (
    c: GoalCells,
    active: boolean,
    current: GoalSettings[G],
    ctx: GoalContext,
  ) => GoalSettings[G];
  goals[goal] = read(c, active, goals[goal], ctx) as Goals[G];
}

export function parseGoals(sheet: SheetGrid, errors: InputError[], ctx: GoalContext = NO_CAP_TABLE): Goals {
  const goals = defaultGoals();
  const table = readTable(sheet, GOALS_SPEC, errors);
  if (!table) return goals;
  const known = GOAL_ROW_ORDER.map((r) => GOAL_ROWS[r]);
  const rows = readLabelled(
    table,
    'goal',
    GOAL_ROWS,
    errors,
    (text, c) => c.error('goal', 'unknownGoal', { text, known }),
    DUPLICATE_OF.goal,
  );
  for (const [row, c] of [...rows].sort((a, b) => a[1].record.row - b[1].record.row)) {
    const active = c.take('active', parseYesNo(c.raw('active'), true)) ?? true;
    if (row === 'horizon') {
      const raw = c.raw('limit');
      if (!isEmpty(raw)) {
        const n = c.take('limit', parseInteger(raw, EXPECTED.months));
        if (n !== undefined && (n < 1 || n > 24)) c.error('limit', 'outOfRange', { what: HORIZON_ROW.sv, min: 1, max: 24 });
        else if (n !== undefined) goals.horizonMonths = n;
      }
      continue;
    }
    readGoal(goals, row, c, active, ctx);
  }
  return goals;
}
