/**
 * The incremental run's cases (parameters: run id, last run's date, last run's start,
 * whether the pack sends reminders), appended to the case scan's where clause for `c`.
 * A case is evaluated when anything the ladder reads can differ from the last run: one of
 * its accounts is dirty (run_accounts: arrears, penalty, a due date, a receipt), it stands
 * on a rung (its days in stage, `every:` tasks), it opened or its row changed since, or a
 * promise, plan, pause, dispute, notice deadline, approval, task, contact, assignment or
 * flag of it is live or moved since. A case with none of these is current and quiet: the
 * ladder would plan nothing for it. Reminders count days to a due date: a pack with
 * reminders evaluates every case.
 */
export const DIRTY_CASE = `and (
  ?::boolean
  or c.stage is not null
  or c.opened_on > ?::date
  or c.updated_at >= ?
  or exists (select 1 from case_accounts ca join run_accounts r
             on r.tenant_id = ca.tenant_id and r.run_id = ?::uuid and r.account_id = ca.account_id
             where ca.tenant_id = c.tenant_id and ca.case_id = c.id)
  or exists (select 1 from promises x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.status = 'pending' or x.recorded_at >= ?))
  or exists (select 1 from repayment_plans x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.status in ('proposed', 'active') or x.proposed_at >= ?))
  or exists (select 1 from pauses x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.created_at >= ? or (x.until_on >= ?::date
                  and (x.ended_on is null or x.ended_on >= ?::date))))
  or exists (select 1 from disputes x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.status = 'open' or x.created_at >= ? or x.decided_on >= ?::date))
  or exists (select 1 from notices x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.updated_at >= ? or x.deadline >= ?::date))
  or exists (select 1 from approvals x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.status = 'pending' or x.decided_at >= ? or x.requested_at >= ?))
  or exists (select 1 from tasks x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and (x.created_at >= ? or x.completed_at >= ?))
  or exists (select 1 from contact_attempts x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and x.recorded_at >= ?)
  or exists (select 1 from case_assignments x where x.tenant_id = c.tenant_id and x.case_id = c.id
             and x.assigned_at >= ?)
  or exists (select 1 from pack_flags x where x.tenant_id = c.tenant_id
             and (x.case_id = c.id or x.subject_id::text = c.debtor_id::text)
             and (x.set_on >= ?::date or x.cleared_on >= ?::date)))`;

/** DIRTY_CASE's parameters, in its order. */
export function dirtyCaseParams(
  runId: string,
  sinceAsOf: string,
  since: Date,
  everyCase: boolean,
): unknown[] {
  return [
    everyCase,
    sinceAsOf,
    since,
    runId,
    since,
    since,
    since,
    sinceAsOf,
    sinceAsOf,
    since,
    sinceAsOf,
    since,
    sinceAsOf,
    since,
    since,
    since,
    since,
    since,
    since,
    sinceAsOf,
    sinceAsOf,
  ];
}
