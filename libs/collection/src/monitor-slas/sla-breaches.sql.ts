import { SLA_BREACH } from '../entities/alert.entity';

/**
 * Breaches are looked for this far back. An alert is raised on the first pass after the due
 * instant; the window only bounds the scan, so a monitor that was down for longer than this
 * misses older breaches rather than rescanning every task ever created each 15 minutes.
 */
export const LOOKBACK_DAYS = 30;

/** Alerts per transaction (and per event-log append). */
export const ALERT_CHUNK = 1000;

/**
 * Inserts up to ALERT_CHUNK alerts for breached tasks, in one statement. A task is
 * breached when its SLA instant has passed and it was neither started nor done by then;
 * one cancelled before its due instant never breached. The alert goes to the supervisor
 * role and, when the case's team (or the assignee's team) has a lead, to that lead by name.
 * ON CONFLICT on (tenant, task, kind): a concurrent or repeated pass raises nothing twice.
 * Params: tenant, now, now, now.
 */
export const RAISE_SLA_ALERTS = `
with breached as (
  select t.tenant_id, t.id as task_id, t.case_id, t.sla_due_at, t.kind, t.title,
         t.assignee_id, t.started_at, lead.user_id as lead_id
  from tasks t
  join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
  left join lateral (
    select tm.user_id from team_members tm
    where tm.tenant_id = t.tenant_id and tm.role = 'lead'
      and (tm.team_id = c.team_id
           or tm.team_id in (select m.team_id from team_members m
                             where m.tenant_id = t.tenant_id
                               and m.user_id = coalesce(t.assignee_id, c.assignee_id)))
    order by (tm.team_id is not distinct from c.team_id) desc, tm.added_at, tm.user_id
    limit 1
  ) lead on true
  where t.tenant_id = ?
    and t.sla_due_at is not null
    and t.sla_due_at < ?::timestamptz
    and t.sla_due_at >= ?::timestamptz - interval '${LOOKBACK_DAYS} days'
    and c.closed_on is null
    and coalesce(least(t.started_at, case when t.status = 'done' then t.completed_at end),
                 'infinity'::timestamptz) > t.sla_due_at
    and not (t.status = 'cancelled' and t.completed_at <= t.sla_due_at)
    and not exists (select 1 from alerts a
                    where a.tenant_id = t.tenant_id and a.task_id = t.id and a.kind = '${SLA_BREACH}')
  order by t.sla_due_at, t.id
  limit ${ALERT_CHUNK}
)
insert into alerts (tenant_id, id, kind, task_id, case_id, addressed_role, addressed_user_id,
  due_at, detected_at, details)
select tenant_id, gen_random_uuid(), '${SLA_BREACH}', task_id, case_id, 'supervisor', lead_id,
  sla_due_at, ?::timestamptz,
  jsonb_build_object('taskKind', kind, 'taskTitle', title, 'assigneeId', assignee_id,
                     'startedAt', started_at)
from breached
on conflict (tenant_id, task_id, kind) do nothing
returning id, task_id, case_id, addressed_user_id, to_json(due_at) #>> '{}' as due_at,
  details`;
