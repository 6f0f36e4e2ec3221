/**
 * The JSON's `scenarios` (workbook.md): per scenario its name, its errors (on `Scenarier` cells), and its
 * `budget`, `balance`, `room` and `checks` in the base's shapes (picked from `planToJson`; empty with
 * errors). A scenario's checks point at no cell (`cell` null): the written sheets are the base's.
 */
import type { Plan } from '../../engine/plan';
import type { InputError } from '../grid';
import { IssueJson, planToJson, PlanJson } from '../json';

export interface ScenarioJson {
  name: string;
  errors: IssueJson[];
  budget: PlanJson['budget'];
  balance: PlanJson['balance'];
  room: PlanJson['room'];
  checks: PlanJson['checks'];
}

export function scenariosJson(
  scenarios: readonly { name: string; plan: Plan | null; errors: readonly InputError[] }[],
): ScenarioJson[] {
  return scenarios.map((s) => {
    const json = planToJson(s.plan, s.errors);
    return {
      name: s.name,
      errors: json.errors,
      budget: json.budget,
      balance: json.balance,
      room: json.room,
      checks: json.checks,
    };
  });
}
