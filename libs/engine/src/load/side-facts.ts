import { EntityManager } from '@mikro-orm/postgresql';
import { addDays, type LocalDate } from '@qingshou/calendar';
import type { HistoryRow } from '../domain/case-facts';
import { type DisputeSpan, loadDisputeSpans } from './dispute-spans';
import { groupBy, pgArray } from './sql';

type Row = Record<string, string | null>;

/** What one chunk's side tables say, keyed by case id; only what the pack's conditions use. */
export interface SideFacts {
  readonly history: Map<string, HistoryRow[]>;
  readonly pauses: Map<string, { fromOn: string; untilOn: string; endedOn: string | null }[]>;
  /** 异议: each dispute's paused days, for its account (or the whole case). */
  readonly disputes: Map<string, DisputeSpan[]>;
  readonly promises: Map<
    string,
    { status: string; brokenOn: string | null; recordedOn: string; keptOn: string | null }[]
  >;
  readonly contacts: Map<string, { outcome: string; on: LocalDate }[]>;
  readonly flags: Set<string>;
  readonly lastPaid: Map<string, LocalDate>;
  readonly lastAssigned: Map<string, LocalDate>;
  readonly lastNoticeSent: Map<string, LocalDate>;
  readonly doneSeries: Map<string, Set<string>>;
}

export interface SideQuery {
  readonly tenantId: string;
  readonly asOf: LocalDate;
  readonly timeZone: string;
  readonly caseIds: readonly string[];
  readonly accountIds: readonly string[];
  /** Debtor and account ids whose flags count for these cases. */
  readonly subjectIds: readonly string[];
  /** Condition and event names the pack uses (conditionNames). */
  readonly needs: ReadonlySet<string>;
  /** The widest `withinDays` of the pack's contactOutcome conditions. */
  readonly contactWindowDays: number;
}

/**
 * Reads the side tables the ladder needs for a chunk of cases: history, pauses and disputes always,
 * promises, contacts, flags and event dates only when a condition of the pack looks at them.
 * One statement per table for the whole chunk.
 */
export async function loadSideFacts(em: EntityManager, q: SideQuery): Promise<SideFacts> {
  const cases = pgArray(q.caseIds);
  const byCase = (rows: Row[]) => groupBy(rows, (r) => String(r.case_id));
  const run = (sql: string, params: unknown[]) => em.execute<Row[]>(sql, params);
  const wants = (...names: string[]) => names.some((n) => q.needs.has(n));
  const tz = q.timeZone;

  const historyRows = await run(
    `select case_id, from_stage, to_stage, as_of::text as as_of from case_stage_history
     where tenant_id = ? and case_id = any(?::uuid[]) order by case_id, seq`,
    [q.tenantId, cases],
  );
  const history = new Map<string, HistoryRow[]>();
  for (const [id, rows] of byCase(historyRows)) {
    history.set(
      id,
      rows.map((r) => ({ from: r.from_stage, to: r.to_stage, asOf: String(r.as_of) })),
    );
  }
  const pauses = new Map<string, { fromOn: string; untilOn: string; endedOn: string | null }[]>();
  for (const [id, rows] of byCase(
    await run(
      `select case_id, from_on::text as from_on, until_on::text as until_on, ended_on::text as ended_on
       from pauses where tenant_id = ? and case_id = any(?::uuid[])`,
      [q.tenantId, cases],
    ),
  )) {
    pauses.set(
      id,
      rows.map((r) => ({
        fromOn: String(r.from_on),
        untilOn: String(r.until_on),
        endedOn: r.ended_on,
      })),
    );
  }

  const promises = new Map<
    string,
    { status: string; brokenOn: string | null; recordedOn: string; keptOn: string | null }[]
  >();
  if (
    wants(
      'brokenPromises',
      'promise',
      'event:promiseRecorded',
      'event:promiseKept',
      'event:promiseBroken',
    )
  ) {
    const rows = await run(
      `select case_id, status, (broken_at at time zone ?)::date::text as broken_on,
              (recorded_at at time zone ?)::date::text as recorded_on,
              (kept_at at time zone ?)::date::text as kept_on
       from promises where tenant_id = ? and case_id = any(?::uuid[]) order by recorded_at, id`,
      [tz, tz, tz, q.tenantId, cases],
    );
    for (const [id, list] of byCase(rows)) {
      promises.set(
        id,
        list.map((r) => ({
          status: String(r.status),
          brokenOn: r.broken_on,
          recordedOn: String(r.recorded_on),
          keptOn: r.kept_on,
        })),
      );
    }
  }

  const contacts = new Map<string, { outcome: string; on: LocalDate }[]>();
  if (wants('contactOutcome', 'event:contactLogged')) {
    const rows = await run(
      `select case_id, outcome_code, on_date from (
         select case_id, outcome_code, (attempted_at at time zone ?)::date::text as on_date,
                row_number() over (partition by case_id order by attempted_at desc, id) as rn
         from contact_attempts where tenant_id = ? and case_id = any(?::uuid[])) x
       where rn = 1 or on_date::date > ?::date order by case_id, rn`,
      [tz, q.tenantId, cases, addDays(q.asOf, -q.contactWindowDays)],
    );
    for (const [id, list] of byCase(rows)) {
      contacts.set(
        id,
        list.map((r) => ({ outcome: String(r.outcome_code), on: String(r.on_date) })),
      );
    }
  }

  const flags = new Set<string>();
  if (wants('flag') && q.subjectIds.length > 0) {
    const rows = await run(
      `select flag, subject_id from pack_flags
       where tenant_id = ? and cleared_on is null and subject_id = any(?::uuid[])`,
      [q.tenantId, pgArray(q.subjectIds)],
    );
    rows.forEach((r) => flags.add(`${r.subject_id}:${r.flag}`));
  }

  const lastPaid = new Map<string, LocalDate>();
  if (q.accountIds.length > 0) {
    const rows = await run(
      `select account_id, max(paid_on)::text as paid_on from payments
       where tenant_id = ? and account_id = any(?::uuid[]) and paid_on <= ?::date group by account_id`,
      [q.tenantId, pgArray(q.accountIds), q.asOf],
    );
    rows.forEach((r) => lastPaid.set(String(r.account_id), String(r.paid_on)));
  }

  const lastAssigned = new Map<string, LocalDate>();
  if (wants('event:caseAssigned', 'event:caseReassigned')) {
    const rows = await run(
      `select case_id, max((assigned_at at time zone ?)::date)::text as on_date from case_assignments
       where tenant_id = ? and case_id = any(?::uuid[]) group by case_id`,
      [tz, q.tenantId, cases],
    );
    rows.forEach((r) => lastAssigned.set(String(r.case_id), String(r.on_date)));
  }

  const lastNoticeSent = new Map<string, LocalDate>();
  if (wants('event:noticeSent')) {
    const rows = await run(
      `select case_id, max(sent_on)::text as sent_on from notices
       where tenant_id = ? and case_id = any(?::uuid[]) and sent_on is not null group by case_id`,
      [q.tenantId, cases],
    );
    rows.forEach((r) => lastNoticeSent.set(String(r.case_id), String(r.sent_on)));
  }

  const doneSeries = new Map<string, Set<string>>();
  if (wants('until:done')) {
    const rows = await run(
      `select distinct case_id, split_part(idempotency_key, ':', 3) || ':' || split_part(idempotency_key, ':', 4) as series
       from tasks where tenant_id = ? and case_id = any(?::uuid[]) and status = 'done'
         and starts_with(idempotency_key, ?)`,
      [q.tenantId, cases, `${q.tenantId}:`],
    );
    for (const [id, list] of byCase(rows))
      doneSeries.set(id, new Set(list.map((r) => String(r.series))));
  }

  return {
    history,
    pauses,
    disputes: await loadDisputeSpans(em, q.tenantId, q.caseIds, q.asOf),
    promises,
    contacts,
    flags,
    lastPaid,
    lastAssigned,
    lastNoticeSent,
    doneSeries,
  };
}
