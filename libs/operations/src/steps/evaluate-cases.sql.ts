import type { EntityManager } from '@mikro-orm/postgresql';
import type { RunCounts } from '../domain/run-vocabulary';
import { pgArray } from '../support/pack-facts';

/**
 * What the ladder did for a batch of cases on a date, read from the tables (parameters:
 * tenant, case ids, date, the cancellation note's pattern). Every lookup is by case id on
 * its (tenant_id, case_id …) index.
 */
export const BATCH_COUNTS = `
  with p as (select ?::uuid as tenant, ?::uuid[] as ids, ?::date as as_of, ?::text as cancelled),
  moves as (
    select h.reason from case_stage_history h, p
    where h.tenant_id = p.tenant and h.case_id = any(p.ids) and h.as_of = p.as_of),
  actions as (
    select e.idempotency_key, e.target_id from engine_actions e, p
    where e.tenant_id = p.tenant and e.case_id = any(p.ids) and e.as_of = p.as_of)
  select
    (select count(*) from moves where reason in ('entered', 'caught-up')) as "casesEntered",
    (select count(*) from moves where reason in ('escalated', 'de-escalated')) as "casesMoved",
    (select count(*) from moves where reason = 'cleared') as "casesCleared",
    (select count(*) from cases c, p where c.tenant_id = p.tenant and c.id = any(p.ids)
       and exists (select 1 from pauses x where x.tenant_id = c.tenant_id and x.case_id = c.id
                   and x.from_on <= p.as_of and p.as_of <= x.until_on
                   and (x.ended_on is null or p.as_of < x.ended_on))) as "casesPaused",
    (select count(*) from actions a, p join tasks t on t.tenant_id = p.tenant
       where t.id = a.target_id) as "tasksCreated",
    (select count(*) from tasks t, p where t.tenant_id = p.tenant and t.case_id = any(p.ids)
       and t.status = 'cancelled' and t.outcome_note like p.cancelled) as "tasksCancelled",
    (select count(*) from actions a, p join approvals x on x.tenant_id = p.tenant
       where x.id = a.target_id) as "approvalsRequested",
    (select count(*) from actions a, p join notices n on n.tenant_id = p.tenant
       where n.idempotency_key = a.idempotency_key) as "noticesIssued"`;

/** BATCH_COUNTS for one batch: the in-process step and a worker's chunk count alike. */
export async function countCaseBatch(
  em: EntityManager,
  tenantId: string,
  ids: readonly string[],
  asOf: string,
): Promise<RunCounts> {
  const [row] = await em.execute<Record<string, string>[]>(BATCH_COUNTS, [
    tenantId,
    pgArray([...ids]),
    asOf,
    `%as of ${asOf}:%`,
  ]);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}
