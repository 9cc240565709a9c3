import { SqlRunner, ValidationFailedError } from '@qingshou/core';
import { parseMoney } from '@qingshou/ledger';
import { moneyArg } from '../support/args';

/**
 * 减免 above what the case owes (篇五/篇六: a waiver forgives part of the arrears, never more)
 * is refused at `payload.amount`, naming the amount due; `amountDue` lets a page say it in
 * its own words.
 */
export class WaiverAboveAmountDueError extends ValidationFailedError {
  constructor(
    readonly amount: string,
    readonly amountDue: string,
  ) {
    super(`The waiver of ${amount} is more than the amount due, ${amountDue}`, [
      { path: 'payload.amount', reason: `must be at most the amount due (${amountDue})` },
    ]);
  }
}

/**
 * A waiver request with an amount (payload.amount, money to the fen) must not exceed the
 * case's amount due: the sum of its accounts' total due as the ledger last refreshed them
 * (account_balances). Returns the payload with the amount normalised.
 */
export async function checkWaiver(
  sql: SqlRunner,
  tenantId: string,
  caseId: string,
  payload: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  // Without an amount it is the pack's own relief (篇六 免罚息: the incentive computes it).
  if (payload.amount === undefined || payload.amount === null || payload.amount === '') {
    return payload;
  }
  const amount = moneyArg(String(payload.amount), 'payload.amount');
  const [row] = (await sql.execute(
    `select coalesce(sum(ab.total_due), 0)::text as due
     from case_accounts ca
     join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
     where ca.tenant_id = ? and ca.case_id = ?`,
    [tenantId, caseId],
  )) as { due: string }[];
  const due = parseMoney(row?.due ?? '0');
  if (parseMoney(amount).gt(due)) throw new WaiverAboveAmountDueError(amount, due.toFixed(2));
  return { ...payload, amount };
}
