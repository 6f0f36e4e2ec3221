/**
 * `template --empty` (workbook.md, "Command line"): every input sheet with its headers, the parameters
 * and the goals with their defaults, and no data, for a new förbund. The goals' rows are the defaults
 * of `defaultGoals()` written as `Mål` reads them, so that the sheet parses to exactly the defaults.
 */
import { DEFAULT_SHARES, DEFAULT_YEAR_COUNT } from '../engine/defaults';
import { defaultGoals } from '../engine/goals';
import { formatPercent, MONTHS } from '../messages/format';
import { GOAL_TEXT } from '../messages/goals';
import { INPUT_WORDS } from '../messages/sheets';
import { ROUNDING, UNIT } from '../messages/vocabulary';
import { TemplateSheet, templateSheet } from './example';
import type { CellValue } from './grid';
import { CAP_TABLE_SPEC } from './sheets/capTable';
import { COSTS_SPEC } from './sheets/costs';
import { GOAL_ROW_ORDER, GOAL_ROWS, GOALS_SPEC } from './sheets/goals';
import { INTERVENTIONS_SPEC } from './sheets/interventions';
import { MEMBERS_SPEC } from './sheets/members';
import { OPENING_SPEC } from './sheets/opening';
import { OUTCOME_SPEC } from './sheets/outcome';
import { SCENARIOS_SPEC } from './sheets/scenarios';
import { SETTINGS_SPEC } from './sheets/settings';
import { YEARS_SPEC } from './sheets/years';

const P = INPUT_WORDS.settings.rows;
const yes = (b: boolean) => (b ? 'Ja' : 'Nej');

/** The `Mål` rows of the default goals. */
function goalRows(): CellValue[][] {
  const goals = defaultGoals();
  return GOAL_ROW_ORDER.map((row): CellValue[] => {
    if (row === 'horizon') return [GOAL_ROWS.horizon, goals.horizonMonths, 'Ja', ''];
    const settings = goals[row];
    const kind = GOAL_TEXT[row].limitKind;
    let limit: CellValue = null;
    if (kind === 'amount' && 'limit' in settings && typeof settings.limit === 'number') limit = settings.limit;
    if (kind === 'dayMonth' && 'month' in settings) limit = `${settings.day} ${MONTHS.sv[settings.month - 1]}`;
    return [GOAL_ROWS[row], limit, yes(settings.active), ''];
  });
}

export function emptyTemplateSheets(): TemplateSheet[] {
  return [
    templateSheet(
      SETTINGS_SPEC,
      ['parameter', 'value', 'comment'],
      [
        [P.name, null, ''],
        [P.firstYear, null, ''],
        [P.yearCount, DEFAULT_YEAR_COUNT, ''],
        [P.stateShare, `${formatPercent(DEFAULT_SHARES.state, 0)} %`, ''],
        [P.regionShare, `${formatPercent(DEFAULT_SHARES.region, 0)} %`, ''],
        [P.municipalShare, `${formatPercent(DEFAULT_SHARES.municipalities, 0)} %`, ''],
        [P.rounding, ROUNDING.krona.sv, ''],
        [P.budgetDecision, null, ''],
        [P.unit, UNIT.kr.sv, ''],
        [P.followUpThrough, null, ''],
      ],
    ),
    templateSheet(
      YEARS_SPEC,
      ['year', 'contributions', 'months', 'esfIncome', 'otherIncome', 'financialIncome', 'investments'],
      [],
    ),
    templateSheet(MEMBERS_SPEC, ['member', 'party', 'population', 'pays'], []),
    templateSheet(INTERVENTIONS_SPEC, ['nr', 'name', 'owner', 'funding', 'status', 'start', 'end', 'total', 'spentBefore'], []),
    templateSheet(COSTS_SPEC, ['name', 'kind', 'funding', 'growth'], []),
    templateSheet(
      OPENING_SPEC,
      ['item', 'amount', 'comment'],
      Object.values(INPUT_WORDS.opening.rows).map((item) => [item, null, '']),
    ),
    templateSheet(GOALS_SPEC, ['goal', 'limit', 'active', 'source'], goalRows()),
    // The equity cap by budget size, used when Högsta eget kapital's Gräns is `Kapitaltak`.
    templateSheet(CAP_TABLE_SPEC, ['from', 'percent', 'fixed', 'source'], []),
    templateSheet(SCENARIOS_SPEC, ['scenario', 'sheet', 'row', 'column', 'value', 'comment'], []),
    // The follow-up's outcome: a column per month is added as the year goes (`2024-01`, …).
    templateSheet(OUTCOME_SPEC, ['post', 'forecast'], []),
  ];
}
