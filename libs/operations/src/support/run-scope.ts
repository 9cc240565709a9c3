import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';

export const RUN_MODES = ['full', 'incremental'] as const;
export type RunMode = (typeof RUN_MODES)[number];

/**
 * What a run recomputes. `incremental` names the last succeeded run it follows: everything
 * that run saw is in the snapshots, so only what changed or fell due after it is dirty.
 */
export type RunScope =
  | { readonly mode: 'full'; readonly reason: string }
  | {
      readonly mode: 'incremental';
      /** The date and start (business clock) of the last succeeded run before this one. */
      readonly sinceAsOf: LocalDate;
      readonly sinceStartedAt: Date;
    };

/**
 * Decided once per step from what the tables record (so a resumed step decides the same):
 * an incremental run becomes a full pass when no run of an earlier date succeeded (nothing
 * to follow) or when the pack was installed, upgraded or its parameters edited since that
 * run started (terms, stages and buckets may all differ).
 */
export async function runScope(
  em: EntityManager,
  tenantId: string,
  runId: string,
): Promise<RunScope> {
  const [run] = await em.execute<{ mode: string; as_of: string }[]>(
    `select mode, as_of::text as as_of from runs where tenant_id = ? and id = ?`,
    [tenantId, runId],
  );
  if (!run || run.mode !== 'incremental') return { mode: 'full', reason: 'requested' };
  const [last] = await em.execute<{ as_of: string; started_at: Date }[]>(
    `select as_of::text as as_of, started_at from runs
     where tenant_id = ? and kind = 'escalation' and state = 'succeeded' and id <> ?
       and started_at is not null
     order by as_of desc limit 1`,
    [tenantId, runId],
  );
  if (!last || last.as_of >= run.as_of) return { mode: 'full', reason: 'no earlier run' };
  const [changed] = await em.execute<{ n: string }[]>(
    `select count(*) as n from pack_installations
     where tenant_id = ? and (installed_at >= ? or superseded_at >= ?)`,
    [tenantId, last.started_at, last.started_at],
  );
  if (Number(changed.n) > 0) return { mode: 'full', reason: 'pack changed' };
  return {
    mode: 'incremental',
    sinceAsOf: last.as_of,
    sinceStartedAt: new Date(last.started_at),
  };
}

/**
 * The run's dirty accounts into run_accounts, set-based, once (a resumed step adds nothing
 * its first pass did not). An account is clean only when its snapshot says nothing is owed
 * (no arrears, nothing due today, no penalty accruing) and since the last run no
 * installment or fee fell due on it and no receipt, reversal or fee was recorded for it:
 * its balance on the run's date is then exactly its snapshot's. Every other account —
 * overdue ones (DPD and penalty move daily), those without a snapshot — is dirty.
 */
export async function markDirtyAccounts(
  em: EntityManager,
  tenantId: string,
  runId: string,
  asOf: LocalDate,
  scope: Extract<RunScope, { mode: 'incremental' }>,
): Promise<number> {
  await em.execute(`delete from run_accounts where tenant_id = ? and run_id <> ?`, [
    tenantId,
    runId,
  ]);
  const [done] = await em.execute<{ n: string }[]>(
    `select count(*) as n from run_accounts where tenant_id = ? and run_id = ?`,
    [tenantId, runId],
  );
  if (Number(done.n) > 0) return Number(done.n);
  const since = scope.sinceStartedAt;
  const rows = await em.execute<{ n: string }[]>(
    `with dirty as (
       select b.account_id from account_balances b
       where b.tenant_id = ? and (b.total_due <> 0 or b.dpd > 0)
       union
       select a.id from accounts a
       where a.tenant_id = ? and not exists (
         select 1 from account_balances b where b.tenant_id = a.tenant_id and b.account_id = a.id)
       union
       select i.account_id from installments i
       where i.tenant_id = ? and i.due_date > ?::date and i.due_date <= ?::date
       union
       select p.account_id from payments p where p.tenant_id = ? and p.recorded_at >= ?
       union
       select f.account_id from account_fees f
       where f.tenant_id = ? and (f.recorded_at >= ?
         or (f.fee_date > ?::date and f.fee_date <= ?::date))
     ), added as (
       insert into run_accounts (tenant_id, run_id, account_id)
       select ?::uuid, ?::uuid, account_id from dirty
       on conflict do nothing returning 1
     )
     select count(*) as n from added`,
    [
      tenantId,
      tenantId,
      tenantId,
      scope.sinceAsOf,
      asOf,
      tenantId,
      since,
      tenantId,
      since,
      scope.sinceAsOf,
      asOf,
      tenantId,
      runId,
    ],
  );
  return Number(rows[0].n);
}
