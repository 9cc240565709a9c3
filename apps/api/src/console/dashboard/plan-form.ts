import { figureAmount } from './office-figures-form';
import type { RecoveryPlans } from '../queries/list-recovery-plans/list-recovery-plans.query';

/** The groups a drive's plan is set for (篇三: per village), besides the whole unit. */
export const PLAN_GROUP_TYPES = ['village', 'school', 'region'];

/** "12,000" → "12000.00"; null when it is not an amount in yuan with at most two decimals. */
export const planAmount = figureAmount;

export interface PlanChange {
  readonly groupType: string;
  readonly groupId: string;
  readonly amount: string;
}

/**
 * The form's fields p_<groupId>: a blank one leaves the group's plan as it is, an amount equal
 * to the plan in force changes nothing (no event), anything else is an error at the field.
 */
export function planChanges(plans: RecoveryPlans, body: Readonly<Record<string, unknown>>) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const changes: PlanChange[] = [];
  for (const row of plans.rows) {
    const raw = body[`p_${row.groupId}`];
    const text = typeof raw === 'string' ? raw.trim() : '';
    values[row.groupId] = text;
    if (text === '') continue;
    const amount = planAmount(text);
    if (amount === null) {
      errors[row.groupId] = 'plans.badAmount';
      continue;
    }
    if (row.amount !== null && planAmount(row.amount) === amount) continue;
    changes.push({ groupType: row.groupType, groupId: row.groupId, amount });
  }
  return { values, errors, changes };
}
