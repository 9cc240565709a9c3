import { EntityManager } from '@mikro-orm/postgresql';
import { insertTasks as insertTaskRows, rollRepeatingTasks } from '@qingshou/collection';
import { randomUUID } from 'node:crypto';
import { holdGatedNotices } from '../gates/hold-notices';
import { pgArray, valuesList } from '../load/sql';
import type { ChunkOutcome, RunContext } from '../run/run-context';
import type { ActionInstance } from './action-rows';

/** Rows per multi-row insert: well under PostgreSQL's 65 535 bind parameters. */
const BATCH = 1000;

function batches<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}

/**
 * Fires a chunk's action instances exactly once. Each instance first claims its key in
 * engine_actions (ON CONFLICT DO NOTHING); only the claimed ones create their task,
 * approval or flag, so evaluating a date twice creates nothing. Notices are only ordered
 * here: they render after commit through IssueNotice, whose own key dedupes them. A notice
 * whose template needs an approval first is held with its approval request instead, and
 * ordered only once released (gates/).
 */
export async function fireActions(
  em: EntityManager,
  ctx: RunContext,
  instances: readonly ActionInstance[],
  out: ChunkOutcome,
): Promise<void> {
  const fresh = new Set<string>();
  for (const batch of batches(instances)) {
    const rows = await em.execute<{ idempotency_key: string }[]>(
      `insert into engine_actions (tenant_id, idempotency_key, case_id, stage, action, action_index,
         period, as_of, pack_id, pack_version, target_id, detail, created_at, source)
       values ${valuesList(batch.length, 14, ['', '', '', '', '', '', '', '', '', '', '', '::jsonb'])}
       on conflict (tenant_id, idempotency_key) do nothing
       returning idempotency_key`,
      batch.flatMap((i) => [
        ctx.tenantId,
        i.key,
        i.caseId,
        i.action.stage,
        i.action.name,
        i.action.index,
        i.action.period,
        ctx.asOf,
        ctx.pack.pack.id,
        ctx.pack.pack.version,
        i.targetId,
        JSON.stringify(i.detail),
        ctx.now,
        i.source,
      ]),
    );
    rows.forEach((r) => fresh.add(r.idempotency_key));
  }
  const claimed = instances.filter((i) => fresh.has(i.key));
  await insertTasks(em, ctx, claimed, out);
  await insertApprovals(em, ctx, claimed, out);
  await applyFlags(em, ctx, claimed, out);
  for (const i of claimed) {
    if (i.notify) out.notifications.push({ caseId: i.caseId, role: i.notify.role, key: i.key });
    if (i.source === 'reminder' && (i.notice || i.task)) out.reminders += 1;
  }
  const released = await holdGatedNotices(
    em,
    ctx,
    instances.filter((i) => i.notice?.gate),
    out,
  );
  for (const i of instances) {
    if (i.notice && i.caseId && i.debtorId && (!i.notice.gate || released.has(i.key))) {
      const { template, recipient } = i.notice;
      out.notices.push({
        caseId: i.caseId,
        debtorId: i.debtorId,
        stage: i.action.stage,
        template,
        recipient,
        key: i.key,
        fresh: fresh.has(i.key),
      });
    }
  }
}

/** The claimed task actions become tasks through collection's writer (it owns `tasks`). */
async function insertTasks(
  em: EntityManager,
  ctx: RunContext,
  claimed: readonly ActionInstance[],
  out: ChunkOutcome,
) {
  const tasks = claimed.filter((i) => i.task);
  // A ladder series' instance reuses the case's open task of its kind (one open repeating
  // task per case and kind, a miss counted); everything else is inserted.
  const repeats = (i: ActionInstance) => i.action.repeating && i.caseId !== null;
  const rowOf = (i: ActionInstance) => {
    const t = i.task!;
    return {
      id: t.id,
      caseId: i.caseId,
      kind: t.kind,
      title: t.title,
      dueAt: t.dueAt,
      slaDueAt: t.slaDueAt,
      assigneeId: t.assigneeId,
      priority: 0,
      idempotencyKey: i.key,
      createdBy: `engine:${ctx.pack.ref}`,
      createdAt: ctx.now,
      role: t.role,
    };
  };
  const created = await insertTaskRows(
    em,
    ctx.tenantId,
    tasks.filter((i) => !repeats(i)).map(rowOf),
  );
  // A dry run reports the period's instance without touching the open task: rolling it
  // would hold the row locked against a collector completing it until the rollback.
  const series = ctx.dryRun
    ? { created: new Set<string>(), rolled: new Set(tasks.filter(repeats).map((i) => i.key)) }
    : await rollRepeatingTasks(
        em,
        ctx.tenantId,
        tasks.filter(repeats).map(rowOf),
        ctx.now,
        ctx.timeZone,
      );
  // A rolled task is this period's task as much as a new one: the run reports both.
  series.created.forEach((key) => created.add(key));
  series.rolled.forEach((key) => created.add(key));
  for (const i of tasks) {
    if (!created.has(i.key)) continue;
    const t = i.task!;
    (i.source === 'routine' ? out.routineTasks : out.tasks).push({
      caseId: i.caseId,
      source: i.source,
      role: t.role,
      stage: i.action.stage,
      kind: t.kind,
      title: t.title,
      dueAt: t.dueAt.toISOString(),
      slaDueAt: t.slaDueAt?.toISOString() ?? null,
      assigneeId: t.assigneeId,
      key: i.key,
    });
  }
}

/**
 * One pending request per kind per case (approvals_one_pending): a stage that both asks for
 * a legal-referral approval and refers to legal behind the same approval asks once.
 */
async function insertApprovals(
  em: EntityManager,
  ctx: RunContext,
  claimed: readonly ActionInstance[],
  out: ChunkOutcome,
) {
  for (const i of claimed.filter((x) => x.approval && x.caseId)) {
    const a = i.approval!;
    const rows = await em.execute<{ id: string }[]>(
      `insert into approvals (tenant_id, id, case_id, kind, approver_role, status, payload, reason,
         requested_by, requested_at)
       values (?, ?, ?, ?, ?, 'pending', ?::jsonb, ?, ?, ?)
       on conflict (tenant_id, case_id, kind) where status = 'pending' do nothing
       returning id`,
      [
        ctx.tenantId,
        a.id,
        i.caseId,
        a.kind,
        a.approverRole,
        JSON.stringify(a.payload),
        `${ctx.pack.ref} stage ${i.action.stage}`,
        `engine:${ctx.pack.ref}`,
        ctx.now,
      ],
    );
    if (rows.length > 0)
      out.approvals.push({
        caseId: i.caseId as string,
        stage: i.action.stage,
        kind: a.kind,
        approverRole: a.approverRole,
        key: i.key,
      });
  }
}

async function applyFlags(
  em: EntityManager,
  ctx: RunContext,
  claimed: readonly ActionInstance[],
  out: ChunkOutcome,
) {
  for (const i of claimed.filter((x) => x.flag && x.caseId)) {
    const f = i.flag!;
    const rows =
      f.op === 'set'
        ? await em.execute(
            `insert into pack_flags (tenant_id, id, flag, subject, subject_id, case_id, set_on, set_by)
             values (?, ?, ?, ?, ?, ?, ?, ?)
             on conflict (tenant_id, flag, subject, subject_id) where cleared_on is null do nothing
             returning id`,
            [
              ctx.tenantId,
              randomUUID(),
              f.flag,
              f.subject,
              f.subjectId,
              i.caseId,
              ctx.asOf,
              `engine:${ctx.pack.ref}`,
            ],
          )
        : await em.execute(
            `update pack_flags set cleared_on = ?, cleared_by = ?
             where tenant_id = ? and flag = ? and subject = ? and subject_id = any(?::uuid[]) and cleared_on is null
             returning id`,
            [
              ctx.asOf,
              `engine:${ctx.pack.ref}`,
              ctx.tenantId,
              f.flag,
              f.subject,
              pgArray([f.subjectId]),
            ],
          );
    if (rows.length > 0) out.flags.push({ caseId: i.caseId as string, flag: f.flag, op: f.op });
  }
}
