import { EntityManager } from '@mikro-orm/postgresql';
import { K_CTE, kParams, pgTextArray, RECOVERY_CTES } from '../../kpi/sql/account-state.sql';

export interface ProgressCell {
  readonly phaseKey: string;
  /** null: the whole drive; else the debtor group. */
  readonly groupType: string | null;
  readonly groupId: string | null;
  readonly groupCode: string | null;
  readonly groupName: string | null;
  readonly tasks: { done: number; total: number };
  readonly deliverables: { done: number; total: number };
  readonly recovered: string;
}

/** A row of the recovered statement: null group for the whole drive. */
export type RecoveredRow = Record<
  'phase_key' | 'group_type' | 'group_id' | 'code' | 'name' | 'recovered',
  string | null
>;

export interface ProgressScope {
  readonly tenantId: string;
  readonly driveId: string;
  readonly asOf: string;
  readonly timeZone: string;
  readonly accountTypes: readonly string[];
  readonly groupTypes: readonly string[];
}

const GROUP_JOIN = `
  join debtor_group_members m on m.tenant_id = dc.tenant_id and m.debtor_id = dc.debtor_id
  join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id`;

/**
 * Items ticked off per phase (quantities: 60 of 100 posters count 60), for the drive and
 * per debtor group of its cases (phase-wide tasks such as meetings belong to no group).
 */
async function itemCells(em: EntityManager, s: ProgressScope) {
  return em.execute<Record<string, string | null>[]>(
    `select i.phase_key, (i.kind <> 'deliverable') as is_task, null as group_type, null as group_id,
            null as code, null as name, sum(i.done_quantity)::text as done, sum(i.quantity)::text as total
     from drive_items i where i.tenant_id = ? and i.drive_id = ?
     group by i.phase_key, is_task
     union all
     select i.phase_key, (i.kind <> 'deliverable'), g.type, g.id::text, g.code, g.name,
            sum(i.done_quantity)::text, sum(i.quantity)::text
     from drive_items i
     join drive_cases dc on dc.tenant_id = i.tenant_id and dc.drive_id = i.drive_id and dc.case_id = i.case_id
     ${GROUP_JOIN}
     where i.tenant_id = ? and i.drive_id = ? and g.type = any(?::text[])
     group by i.phase_key, 2, g.type, g.id, g.code, g.name`,
    [s.tenantId, s.driveId, s.tenantId, s.driveId, pgTextArray(s.groupTypes)],
  );
}

/**
 * Arrears recovered on the drive's accounts within each phase's dates (up to the as-of
 * date), for the drive and per debtor group: the same "recovered" as the metric.
 * `recovery`: the recovery CTEs, inline or read from the night's cached table
 * (AccountStateTables: the same rows).
 */
export async function recoveredCells(
  em: EntityManager,
  s: ProgressScope,
  recovery: string = RECOVERY_CTES,
): Promise<RecoveredRow[]> {
  return em.execute<RecoveredRow[]>(
    `with ${K_CTE}, ${recovery},
     scope as (
       select distinct ca.account_id from drive_cases dc
       join case_accounts ca on ca.tenant_id = dc.tenant_id and ca.case_id = dc.case_id
       cross join k where dc.tenant_id = k.tenant_id and dc.drive_id = ?::uuid
     ),
     phased as (
       select ph.phase_key, r.debtor_id, r.recovered from rec r
       join scope sc on sc.account_id = r.account_id
       cross join k
       join drive_phases ph on ph.tenant_id = k.tenant_id and ph.drive_id = ?::uuid
                           and r.paid_on between ph.starts_on and ph.ends_on
     )
     select p.phase_key, null as group_type, null as group_id, null as code, null as name,
            round(sum(p.recovered), 2)::text as recovered
     from phased p group by p.phase_key
     union all
     select p.phase_key, g.type, g.id::text, g.code, g.name, round(sum(p.recovered), 2)::text
     from phased p cross join k
     join debtor_group_members m on m.tenant_id = k.tenant_id and m.debtor_id = p.debtor_id
     join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
     where g.type = any(?::text[])
     group by p.phase_key, g.type, g.id, g.code, g.name`,
    [
      ...kParams({
        tenantId: s.tenantId,
        asOf: s.asOf,
        periodStart: s.asOf,
        timeZone: s.timeZone,
        thresholdDays: 0,
        accountTypes: s.accountTypes,
        groupType: '',
      }),
      s.driveId,
      s.driveId,
      pgTextArray(s.groupTypes),
    ],
  );
}

/**
 * One cell per phase and group (and per phase for the whole drive): the items ticked off as
 * they stand, the recovered arrears as `recovered` gives them (computed now or the night's).
 */
export async function progressCells(
  em: EntityManager,
  s: ProgressScope,
  recovered: readonly RecoveredRow[],
): Promise<ProgressCell[]> {
  const cells = new Map<string, ProgressCell>();
  const cell = (r: Record<string, string | null>): ProgressCell => {
    const key = `${r.phase_key}|${r.group_id ?? ''}`;
    const found = cells.get(key);
    if (found) return found;
    const fresh: ProgressCell = {
      phaseKey: String(r.phase_key),
      groupType: r.group_type,
      groupId: r.group_id,
      groupCode: r.code,
      groupName: r.name,
      tasks: { done: 0, total: 0 },
      deliverables: { done: 0, total: 0 },
      recovered: '0.00',
    };
    cells.set(key, fresh);
    return fresh;
  };
  for (const r of await itemCells(em, s)) {
    const target = cell(r)[String(r.is_task) === 'true' ? 'tasks' : 'deliverables'];
    target.done += Number(r.done);
    target.total += Number(r.total);
  }
  for (const r of recovered) {
    const c = cell(r);
    cells.set(`${r.phase_key}|${r.group_id ?? ''}`, { ...c, recovered: String(r.recovered) });
  }
  return [...cells.values()];
}
