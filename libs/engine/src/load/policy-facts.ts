import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { MetricCalculator, eventDateSql, type PinnedPack } from '@qingshou/outcomes';
import { groupMetricKey, groupMetricSpecs } from '../domain/group-metric';
import type { PackView } from '../domain/pack-view';
import { groupBy, pgArray } from './sql';

/** One case of a chunk as the policy facts need it. */
export interface PolicyFactsCase {
  readonly id: string;
  readonly debtorId: string;
  readonly assigneeId: string | null;
  readonly accountIds: readonly string[];
}

export interface PolicyFactsQuery {
  readonly tenantId: string;
  readonly asOf: LocalDate;
  readonly timeZone: string;
  readonly needs: ReadonlySet<string>;
  /** The pack being evaluated: its groupMetric conditions, attribute subjects, account types. */
  readonly pack?: PackView;
}

/** What the conditions bound to other parts of the policy lib see, per case id. */
export interface PolicyFacts {
  readonly attributes: Map<string, Map<string, string[]>> | null;
  readonly groupMetrics: Map<string, Map<string, string | null>> | null;
  readonly drivePhases: Map<string, string> | null;
  /** Event dates the side tables do not give, per case: `event → date`. */
  readonly events: Map<string, Record<string, LocalDate>>;
}

const calculator = new MetricCalculator();

/**
 * Reads, for a chunk, what `attribute`, `drivePhase`, `groupMetric` and `daysSince` of the
 * remaining events look at — each only when the pack tests it, each set-based: one
 * statement for the attributes, one for the drives, one per distinct group metric (every
 * group of the type at once, so a group's figure is computed once, not once per case), one
 * for the event dates.
 */
export async function loadPolicyFacts(
  em: EntityManager,
  q: PolicyFactsQuery,
  cases: readonly PolicyFactsCase[],
  knownEvents: ReadonlySet<string>,
): Promise<PolicyFacts> {
  const wants = (name: string) => q.needs.has(name);
  return {
    attributes: wants('attribute') ? await attributesOf(em, q, cases) : null,
    drivePhases: wants('drivePhase') ? await drivePhasesOn(em, q.tenantId, q.asOf) : null,
    groupMetrics: wants('groupMetric') && q.pack ? await groupMetricsOf(em, q, cases) : null,
    events: await eventDates(em, q, cases, knownEvents),
  };
}

async function attributesOf(
  em: EntityManager,
  q: PolicyFactsQuery,
  cases: readonly PolicyFactsCase[],
) {
  const keys = [...q.needs].filter((n) => n.startsWith('attribute:')).map((n) => n.slice(10));
  const debtors = [...new Set(cases.map((c) => c.debtorId))];
  const accounts = [...new Set(cases.flatMap((c) => c.accountIds))];
  const rows = await em.execute<
    { subject: string; subject_id: string; key: string; value: string }[]
  >(
    `select subject, subject_id, key, value from attribute_values
     where tenant_id = ? and key = any(?::text[])
       and ((subject = 'debtor' and subject_id = any(?::uuid[]))
         or (subject = 'account' and subject_id = any(?::uuid[]))
         or (subject = 'case' and subject_id = any(?::uuid[])))`,
    [
      q.tenantId,
      pgArray(keys),
      pgArray(debtors),
      pgArray(accounts),
      pgArray(cases.map((c) => c.id)),
    ],
  );
  const bySubject = groupBy(rows, (r) => `${r.subject}:${r.subject_id}`);
  const out = new Map<string, Map<string, string[]>>();
  for (const c of cases) {
    const values = new Map<string, string[]>();
    const subjects = [
      `debtor:${c.debtorId}`,
      `case:${c.id}`,
      ...c.accountIds.map((a) => `account:${a}`),
    ];
    for (const row of subjects.flatMap((s) => bySubject.get(s) ?? [])) {
      values.set(row.key, [...(values.get(row.key) ?? []), row.value]);
    }
    out.set(c.id, values);
  }
  return out;
}

/** Per drive key, the phase that holds the date in the latest drive launched on or before it. */
export async function drivePhasesOn(
  em: EntityManager,
  tenantId: string,
  asOf: LocalDate,
): Promise<Map<string, string>> {
  const rows = await em.execute<{ drive_key: string; phase_key: string | null }[]>(
    `select distinct on (dr.drive_key) dr.drive_key, ph.phase_key
     from drives dr
     left join drive_phases ph on ph.tenant_id = dr.tenant_id and ph.drive_id = dr.id
       and ph.starts_on <= ?::date and ph.ends_on >= ?::date
     where dr.tenant_id = ? and dr.launch_date <= ?::date
     order by dr.drive_key, dr.launch_date desc, ph.seq`,
    [asOf, asOf, tenantId, asOf],
  );
  return new Map(
    rows.filter((r) => r.phase_key !== null).map((r) => [r.drive_key, r.phase_key as string]),
  );
}

async function groupMetricsOf(
  em: EntityManager,
  q: PolicyFactsQuery,
  cases: readonly PolicyFactsCase[],
): Promise<Map<string, Map<string, string | null>>> {
  const view = q.pack as PackView;
  const specs = groupMetricSpecs(view.stages.map((s) => s.when));
  const pinned: PinnedPack = {
    installationId: '',
    packId: view.pack.id,
    version: view.pack.version,
    spec: view.pack.spec,
    params: view.pack.params,
  };
  const types = [...new Set(specs.map((s) => s.groupType))].filter(
    (t) => t !== 'collector' && t !== 'team',
  );
  const membership = await em.execute<{ debtor_id: string; type: string; group_id: string }[]>(
    `select m.debtor_id, g.type, g.id as group_id from debtor_group_members m
     join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
     where m.tenant_id = ? and m.debtor_id = any(?::uuid[]) and g.type = any(?::text[])`,
    [q.tenantId, pgArray([...new Set(cases.map((c) => c.debtorId))]), pgArray(types)],
  );
  const groupsOf = groupBy(membership, (r) => `${r.debtor_id}:${r.type}`);
  const teams = await teamsOf(
    em,
    q.tenantId,
    cases,
    specs.some((s) => s.groupType === 'team'),
  );
  const out = new Map<string, Map<string, string | null>>(cases.map((c) => [c.id, new Map()]));
  for (const spec of specs) {
    const result = await calculator.compute(
      em,
      { tenantId: q.tenantId, timeZone: q.timeZone, pack: pinned },
      { metric: spec.metric, args: spec.args, asOf: q.asOf, per: spec.groupType },
    );
    const values = new Map(result.values.map((v) => [v.groupId, v.value]));
    const key = groupMetricKey(spec);
    for (const c of cases) {
      const groups =
        spec.groupType === 'collector'
          ? c.assigneeId
            ? [c.assigneeId]
            : []
          : spec.groupType === 'team'
            ? (teams.get(c.id) ?? [])
            : (groupsOf.get(`${c.debtorId}:${spec.groupType}`) ?? []).map((g) => g.group_id);
      // A debtor in one group of a type is the rule; in several, the worst reading would
      // need a direction the metric does not give, so the first group in id order counts.
      const value = groups.map((g) => values.get(g)).find((v) => v !== undefined);
      (out.get(c.id) as Map<string, string | null>).set(key, value ?? null);
    }
  }
  return out;
}

async function teamsOf(
  em: EntityManager,
  tenantId: string,
  cases: readonly PolicyFactsCase[],
  wanted: boolean,
): Promise<Map<string, string[]>> {
  if (!wanted) return new Map();
  const rows = await em.execute<{ id: string; team_id: string }[]>(
    `select id, team_id from cases where tenant_id = ? and id = any(?::uuid[]) and team_id is not null`,
    [tenantId, pgArray(cases.map((c) => c.id))],
  );
  return new Map(rows.map((r) => [r.id, [r.team_id]]));
}

/**
 * Dates of the events `daysSince` names that the side tables do not already give, for the
 * whole chunk in one statement (kpi/sql/event-dates.sql.ts, the definitions EvaluateFlags
 * uses too).
 */
async function eventDates(
  em: EntityManager,
  q: PolicyFactsQuery,
  cases: readonly PolicyFactsCase[],
  known: ReadonlySet<string>,
): Promise<Map<string, Record<string, LocalDate>>> {
  const scope = {
    cases: '(x.case_id)',
    accounts: `(select ca.account_id from case_accounts ca
                where ca.tenant_id = k.tenant_id and ca.case_id = x.case_id)`,
    debtor: 'x.debtor_id',
  };
  const events = [...q.needs]
    .filter((n) => n.startsWith('event:'))
    .map((n) => n.slice(6))
    .filter((e) => !known.has(e))
    .map((event) => ({ event, sql: eventDateSql(event, scope) }))
    .filter((e): e is { event: string; sql: string } => e.sql !== null);
  const out = new Map<string, Record<string, LocalDate>>();
  if (events.length === 0 || cases.length === 0) return out;
  const rows = await em.execute<Record<string, string | null>[]>(
    `with k as (select ?::uuid as tenant_id, ?::date as as_of, ?::text as tz)
     select x.case_id, ${events.map((e, i) => `(${e.sql})::text as e${i}`).join(', ')}
     from unnest(?::uuid[], ?::uuid[]) as x (case_id, debtor_id) cross join k`,
    [
      q.tenantId,
      q.asOf,
      q.timeZone,
      pgArray(cases.map((c) => c.id)),
      pgArray(cases.map((c) => c.debtorId)),
    ],
  );
  for (const row of rows) {
    const dates: Record<string, LocalDate> = {};
    events.forEach((e, i) => {
      const date = row[`e${i}`];
      if (date) dates[e.event] = date;
    });
    out.set(String(row.case_id), dates);
  }
  return out;
}
