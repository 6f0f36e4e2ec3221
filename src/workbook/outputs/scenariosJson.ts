/**
 * The JSON's `scenarios` (workbook.md): per scenario its name, its errors (on `Scenarier` cells), and its
 * `budget`, `balance`, `room` and `checks` in the base's shapes (`planToJson` picked; empty with errors).
 */
import type { Plan } from '../../engine/plan';
import { IssueJson, planToJson, PlanJson } from '../json';
import type { ScenarioResult } from '../scenarios';

export interface ScenarioJson<R = unknown> {
  name: string;
  errors: IssueJson[];
  budget: PlanJson['budget'];
  balance: PlanJson['balance'];
  room: R[];
  checks: PlanJson['checks'];
}

/**
 * @param roomJson a plan's `room` in the JSON's shape (the base's, when json.ts has it); none: `[]`.
 * @param checkCells a scenario plan's check cells (the checks of a scenario point at the base's sheets
 *   only when rendered; default none, so `cell` is null).
 */
export function scenariosJson<R = unknown>(
  scenarios: readonly ScenarioResult[],
  roomJson: (plan: Plan) => R[] = () => [],
  checkCells: (s: ScenarioResult) => (string | null)[] = () => [],
): ScenarioJson<R>[] {
  return scenarios.map((s) => {
    const json = planToJson(s.plan, s.errors, s.plan ? checkCells(s) : []);
    return {
      name: s.name,
      errors: json.errors,
      budget: json.budget,
      balance: json.balance,
      room: s.plan ? roomJson(s.plan) : [],
      checks: json.checks,
    };
  });
}
