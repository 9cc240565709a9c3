import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates } from '@qingshou/calendar';
import { viewerOf } from '../domain/collection-command';
import { dateArg, invalidArgument } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { money } from '../support/sql-values';
import { requirePermission, visibleCasesSql } from '@qingshou/core';
import { EvaluatePromises, EvaluatePromisesResult } from './evaluate-promises.command';

const CHUNK = 500;

interface Decided {
  id: string;
  case_id: string;
  amount: string;
  due_on: string;
  promised_on: string;
  paid: string;
  /** Decided in SQL, so the comparison of amounts never leaves numeric. */
  kept: boolean;
}

/**
 * Set-based, in chunks of 500 promises, one transaction each (DESIGN §2: bulk paths never
 * load entities). A promise counts the payments to its account (or to any account of the
 * case) from the day it was made to its due date. Paid in full → kept, whenever evaluated;
 * due date passed (due_on < asOf) and short → broken, which the policy engine counts.
 */
@CommandHandler(EvaluatePromises)
export class EvaluatePromisesHandler implements ICommandHandler<
  EvaluatePromises,
  EvaluatePromisesResult
> {
  constructor(private readonly tx: CollectionTx) {}

  async execute(command: EvaluatePromises): Promise<EvaluatePromisesResult> {
    requirePermission(viewerOf(command), 'promise.evaluate');
    const asOf = dateArg(command.asOf, 'asOf');
    let kept = 0;
    let broken = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const chunk = await this.tx.run(command, async (w) => {
        if (compareLocalDates(asOf, w.today) > 0) {
          invalidArgument('asOf', 'must not be after today: a promise cannot be broken in advance');
        }
        const rows = await this.decide(w, asOf, after, command.caseId);
        if (rows.length > 0) await this.apply(w, asOf, rows);
        return rows;
      });
      for (const row of chunk) {
        if (row.kept) kept += 1;
        else broken += 1;
      }
      if (chunk.length < CHUNK) break;
      after = chunk[chunk.length - 1].id;
    }
    return { asOf, kept, broken };
  }

  private async decide(w: CaseWork, asOf: string, after: string, caseId?: string) {
    const visible = visibleCasesSql(w.viewer);
    const rows = await w.em.execute<Decided[]>(
      `select p.id, p.case_id, p.amount, p.due_on, p.promised_on, coalesce(paid.total, 0) as paid,
              coalesce(paid.total, 0) >= p.amount as kept
       from promises p
       join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
       left join lateral (
         select sum(pm.amount) as total from payments pm
         where pm.tenant_id = p.tenant_id
           and pm.paid_on between p.promised_on and least(p.due_on, ?::date)
           and pm.account_id in (select ca.account_id from case_accounts ca
                                 where ca.tenant_id = p.tenant_id and ca.case_id = p.case_id
                                   and (p.account_id is null or ca.account_id = p.account_id))
       ) paid on true
       where p.tenant_id = ? and p.status = 'pending' and p.id > ? and c.closed_on is null
         and p.promised_on <= ?::date
         and (coalesce(paid.total, 0) >= p.amount or p.due_on < ?::date)
         ${caseId ? 'and p.case_id = ?' : ''} and ${visible.sql}
       order by p.id
       limit ${CHUNK}
       for update of p`,
      [asOf, w.tenantId, after, asOf, asOf, ...(caseId ? [caseId] : []), ...visible.params],
    );
    return rows;
  }

  private async apply(w: CaseWork, asOf: string, rows: Decided[]) {
    const decisions = rows.map((r) => ({
      id: r.id,
      status: r.kept ? 'kept' : 'broken',
      paid: r.paid,
    }));
    await w.em.execute(
      `update promises p set status = v.status, paid_amount = v.paid, evaluated_as_of = ?::date,
         kept_at = case when v.status = 'kept' then ?::timestamptz end,
         broken_at = case when v.status = 'broken' then ?::timestamptz end
       from jsonb_to_recordset(?::jsonb) as v(id uuid, status text, paid numeric)
       where p.tenant_id = ? and p.id = v.id and p.status = 'pending'`,
      [asOf, w.now, w.now, JSON.stringify(decisions), w.tenantId],
    );
    // A 'promised' case with no promise left pending goes back to 'open'.
    const reopened = await w.em.execute<{ id: string }[]>(
      `update cases c set status = 'open', version = c.version + 1, updated_at = ?
       where c.tenant_id = ? and c.status = 'promised'
         and c.id in (select value::uuid from jsonb_array_elements_text(?::jsonb))
         and not exists (select 1 from promises p where p.tenant_id = c.tenant_id
                           and p.case_id = c.id and p.status = 'pending')
       returning c.id`,
      [w.now, w.tenantId, JSON.stringify([...new Set(rows.map((r) => r.case_id))])],
    );
    await w.append([
      ...rows.map((r) => {
        const status = r.kept ? 'kept' : 'broken';
        const payload = {
          promiseId: r.id,
          amount: money(r.amount),
          promisedOn: r.promised_on,
          dueOn: r.due_on,
          paid: money(r.paid),
          asOf,
        };
        return w.caseEvent(
          r.kept ? 'PromiseKept' : 'PromiseBroken',
          r.case_id,
          payload,
          { status: 'pending' },
          {
            status,
            paidAmount: money(r.paid),
          },
        );
      }),
      ...reopened.map((c) =>
        w.caseEvent(
          'CaseStatusChanged',
          c.id,
          { reason: 'no promise pending' },
          { status: 'promised' },
          {
            status: 'open',
          },
        ),
      ),
    ]);
  }
}
