import { compareLocalDates, type LocalDate } from '@qingshou/calendar';
import type { DomainEvent } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import type { Case } from '../entities/case.entity';
import { PromiseToPay } from '../entities/promise.entity';
import { dateArg, invalidArgument, moneyArg } from '../support/args';
import type { CaseWork } from '../support/collection-tx';

/** A promise as typed: on its own (RecordPromise) or beside a contact (LogContact). */
export interface PromiseTerms {
  readonly amount: string;
  readonly dueOn: string;
  readonly promisedOn?: string;
  readonly accountId?: string;
  readonly notes: string | null;
}

/** The fields checked before the transaction opens: amount and dates are the typist's. */
export function checkedPromise(
  input: { amount: string; dueOn: string },
  paths: { amount: string; dueOn: string },
) {
  return { amount: moneyArg(input.amount, paths.amount), dueOn: dateArg(input.dueOn, paths.dueOn) };
}

/**
 * Writes a promise on the (locked, open) case in the command's transaction and returns its
 * event; an open case becomes 已承诺. The caller flushes once with its own rows.
 */
export async function addPromise(
  w: CaseWork,
  found: Case,
  terms: PromiseTerms,
  paths: { dueOn: string; promisedOn: string } = { dueOn: 'dueOn', promisedOn: 'promisedOn' },
): Promise<{ id: string; event: DomainEvent }> {
  const promisedOn: LocalDate = terms.promisedOn
    ? dateArg(terms.promisedOn, paths.promisedOn)
    : w.today;
  if (compareLocalDates(promisedOn, w.today) > 0)
    invalidArgument(paths.promisedOn, 'must not be after today');
  if (compareLocalDates(terms.dueOn, promisedOn) < 0)
    invalidArgument(paths.dueOn, 'must not be before promisedOn');
  if (terms.accountId) {
    const rows = await w.em.execute(
      `select 1 from case_accounts where tenant_id = ? and case_id = ? and account_id = ?`,
      [w.tenantId, found.id, terms.accountId],
    );
    if (rows.length === 0) invalidArgument('accountId', 'is not an account of this case');
  }
  const id = randomUUID();
  w.em.create(PromiseToPay, {
    tenantId: w.tenantId,
    id,
    caseId: found.id,
    accountId: terms.accountId ?? null,
    promisedOn,
    dueOn: terms.dueOn,
    amount: terms.amount,
    status: 'pending',
    notes: terms.notes,
    recordedBy: w.command.actorId,
    recordedAt: w.now,
  });
  const before = found.snapshot();
  // A paused or legal case keeps its status; the promise is tracked either way.
  if (found.status === 'open') found.status = 'promised';
  const promise = {
    promiseId: id,
    amount: terms.amount,
    promisedOn,
    dueOn: terms.dueOn,
    accountId: terms.accountId ?? null,
  };
  const event = w.caseEvent('PromiseRecorded', found.id, promise, before, {
    ...found.snapshot(),
    promise,
  });
  return { id, event };
}
