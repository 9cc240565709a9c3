import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ActionInstance } from '../apply/action-rows';
import { pgArray } from '../load/sql';
import type { ChunkOutcome, RunContext } from '../run/run-context';

/**
 * A notice that may be held: an action of the pack (stage, rule, reminder, routine) or a
 * person's letter (`person`, with the fields they typed, kept until the letter is issued).
 */
export type HoldableNotice = Pick<ActionInstance, 'key' | 'caseId' | 'debtorId' | 'notice'> & {
  readonly source: ActionInstance['source'] | 'person';
  readonly action: { readonly stage: string };
  readonly input?: Readonly<Record<string, unknown>>;
};

interface HoldRow {
  idempotency_key: string;
  status: 'held' | 'released' | 'cancelled';
}

/**
 * Notices whose template the pack puts behind an approval (篇一: the clerk's receivables are
 * reconciled with finance before a statement or demand goes out). A gated notice that has
 * neither a hold nor a letter yet is held — an engine_notice_holds row naming its approval —
 * and the approval is requested (or the case's pending one of that kind is reused, so a
 * statement and a demand letter waiting together are approved once). Returns the keys that
 * may be ordered now: those released by a granted approval, and those issued before their
 * template was gated (IssueNotice's own key makes ordering them again a no-op).
 */
export async function holdGatedNotices(
  em: EntityManager,
  ctx: RunContext,
  gated: readonly HoldableNotice[],
  out: Pick<ChunkOutcome, 'held'>,
): Promise<Set<string>> {
  const orderable = new Set<string>();
  if (gated.length === 0) return orderable;
  const keys = pgArray(gated.map((i) => i.key));
  const holds = new Map(
    (
      await em.execute<HoldRow[]>(
        `select idempotency_key, status from engine_notice_holds
         where tenant_id = ? and idempotency_key = any(?::text[])`,
        [ctx.tenantId, keys],
      )
    ).map((h) => [h.idempotency_key, h.status]),
  );
  const issued = new Set(
    (
      await em.execute<{ idempotency_key: string }[]>(
        `select idempotency_key from notices where tenant_id = ? and idempotency_key = any(?::text[])`,
        [ctx.tenantId, keys],
      )
    ).map((r) => r.idempotency_key),
  );
  for (const i of gated) {
    const status = holds.get(i.key);
    if (status === 'released' || (status === undefined && issued.has(i.key))) {
      orderable.add(i.key);
      continue;
    }
    if (status !== undefined || !i.caseId || !i.debtorId || !i.notice?.gate) continue;
    const approvalId = await requestApproval(em, ctx, i);
    await em.execute(
      `insert into engine_notice_holds (tenant_id, idempotency_key, case_id, debtor_id, template,
         recipient, source, source_id, approval_id, status, pack_ref, held_at, input)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'held', ?, ?, ?::jsonb)
       on conflict (tenant_id, idempotency_key) do nothing`,
      [
        ctx.tenantId,
        i.key,
        i.caseId,
        i.debtorId,
        i.notice.template,
        i.notice.recipient,
        i.source,
        i.action.stage,
        approvalId,
        ctx.pack.ref,
        ctx.now,
        i.input ? JSON.stringify(i.input) : null,
      ],
    );
    out.held.push({
      caseId: i.caseId,
      template: i.notice.template,
      recipient: i.notice.recipient,
      approvalId,
      approvalKind: i.notice.gate.kind,
      key: i.key,
    });
  }
  return orderable;
}

/** The case's pending approval of the gate's kind, requested now if there is none. */
async function requestApproval(
  em: EntityManager,
  ctx: RunContext,
  i: HoldableNotice,
): Promise<string> {
  const gate = i.notice!.gate!;
  const created = await em.execute<{ id: string }[]>(
    `insert into approvals (tenant_id, id, case_id, kind, approver_role, status, payload, reason,
       requested_by, requested_at)
     values (?, ?, ?, ?, ?, 'pending', ?::jsonb, ?, ?, ?)
     on conflict (tenant_id, case_id, kind) where status = 'pending' do nothing
     returning id`,
    [
      ctx.tenantId,
      randomUUID(),
      i.caseId,
      gate.kind,
      gate.approverRole,
      JSON.stringify({
        source: 'policy-engine',
        pack: ctx.pack.ref,
        gate: 'notice',
        template: i.notice!.template,
        [i.source]: i.action.stage,
        asOf: ctx.asOf,
      }),
      `${ctx.pack.ref}: ${i.notice!.template} waits for ${gate.kind}`,
      // A person's letter is asked for by that person; the pack's own by the engine.
      i.source === 'person' ? ctx.actorId : `engine:${ctx.pack.ref}`,
      ctx.now,
    ],
  );
  if (created[0]) return created[0].id;
  const [pending] = await em.execute<{ id: string }[]>(
    `select id from approvals where tenant_id = ? and case_id = ? and kind = ? and status = 'pending'`,
    [ctx.tenantId, i.caseId, gate.kind],
  );
  return pending.id;
}
