import { WaiverAboveAmountDueError } from '@qingshou/collection';
import { FieldProblem, ValidationFailedError } from '@qingshou/core';
import { KIND_FIELDS } from '../approvals/approval-fields';
import { formatMoney } from '../render/helpers';
import { PageContext } from '../render/page-context';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The chosen kind's own fields, checked in Chinese at each field: a visit plan needs its
 * date and place, a waiver its amount and items, a legal referral the amount claimed.
 */
export function approvalProblems(
  page: PageContext,
  values: Record<string, string>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of KIND_FIELDS[values.kind] ?? []) {
    const value = values[field.key]?.trim() ?? '';
    if (!value) {
      if (field.required) problems.push({ path: field.key, reason: page.t('form.required') });
      continue;
    }
    if (field.type === 'money' && (!MONEY.test(value) || /^0+(\.0+)?$/.test(value))) {
      problems.push({ path: field.key, reason: page.t('case.approval.err.money') });
    }
    if (field.type === 'date' && !DATE.test(value)) {
      problems.push({ path: field.key, reason: page.t('finance.err.date') });
    }
  }
  return problems;
}

/**
 * Sends the request once the form's own checks pass; the handler's waiver limit comes back
 * at the amount field in Chinese, naming the amount due.
 */
export async function askApproval<R>(
  page: PageContext,
  values: Record<string, string>,
  send: () => Promise<R>,
): Promise<R> {
  const problems = approvalProblems(page, values);
  if (problems.length) throw new ValidationFailedError('The approval form is incomplete', problems);
  try {
    return await send();
  } catch (error) {
    if (error instanceof WaiverAboveAmountDueError) {
      const due = formatMoney(error.amountDue);
      throw new ValidationFailedError(error.message, [
        { path: 'amount', reason: page.t('case.approval.err.aboveDue', { due }) },
      ]);
    }
    throw error;
  }
}
