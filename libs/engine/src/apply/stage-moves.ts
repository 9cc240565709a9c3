import { EntityManager } from '@mikro-orm/postgresql';
import { cancelOpenTasks, countOpenTasks, moveCaseStages } from '@qingshou/collection';
import { randomUUID } from 'node:crypto';
import type { CaseFacts } from '../domain/case-facts';
import type { CasePlan } from '../domain/ladder';
import { pgArray, valuesList } from '../load/sql';
import type { MoveOutcome, RunContext } from '../run/run-context';

/**
 * Records the moves of a chunk: one history row each, and the cases' stage and pack_version
 * (cases remember the version that staged them), written by collection's `moveCaseStages`
 * (collection owns `cases`). Set-based: two statements per chunk.
 */
export async function recordMoves(
  em: EntityManager,
  ctx: RunContext,
  plans: readonly CasePlan[],
  facts: ReadonlyMap<string, CaseFacts>,
): Promise<MoveOutcome[]> {
  const moves = plans.flatMap((p) =>
    p.move
      ? [{ caseId: p.caseId, ...p.move, effectiveDpd: facts.get(p.caseId)?.effectiveDpd ?? 0 }]
      : [],
  );
  if (moves.length === 0) return [];
  const { pack } = ctx.pack;
  await em.execute(
    `insert into case_stage_history (tenant_id, id, case_id, from_stage, to_stage, as_of,
       pack_id, pack_version, effective_dpd, reason, recorded_at)
     values ${valuesList(moves.length, 11)}`,
    moves.flatMap((m) => [
      ctx.tenantId,
      randomUUID(),
      m.caseId,
      m.from,
      m.to,
      ctx.asOf,
      pack.id,
      pack.version,
      m.effectiveDpd,
      m.reason,
      ctx.now,
    ]),
  );
  // A dry run leaves the cases alone: nothing later in the run reads cases.stage, and an
  // update would hold the case rows locked against collectors until the rollback.
  if (ctx.dryRun) return moves;
  await moveCaseStages(
    em,
    ctx.tenantId,
    moves.map((m) => ({ caseId: m.caseId, stage: m.to })),
    { packVersion: pack.version, now: ctx.now },
  );
  return moves;
}

/**
 * Cancels the open engine tasks the moves made moot: all of a case's when it leaves the
 * ladder (the arrears are paid), and the repeating ones of a stage it escalated out of.
 * Engine tasks are recognised by their key, which starts with `tenant:case:`.
 */
export async function cancelTasks(
  em: EntityManager,
  ctx: RunContext,
  plans: readonly CasePlan[],
): Promise<number> {
  const prefixes = plans.flatMap((p) => p.cancelPrefixes);
  if (prefixes.length === 0) return 0;
  const selection = {
    caseIds: plans.filter((p) => p.cancelPrefixes.length > 0).map((p) => p.caseId),
    keyPrefixes: prefixes,
  };
  // A dry run counts, not updates: the task rows stay unlocked for collectors completing them.
  if (ctx.dryRun) return countOpenTasks(em, ctx.tenantId, selection);
  const cancelled = await cancelOpenTasks(em, ctx.tenantId, selection, {
    note: `cancelled by the policy engine as of ${ctx.asOf}: the case left the stage`,
  });
  return cancelled.length;
}

/**
 * 篇六 7: a long-overdue client is blacklisted once collected. A case that leaves the ladder
 * settled, having fired `blacklistOnSettlement` in this or an earlier stage, puts its debtor
 * on the blacklist (once: the debtor is the key).
 */
export async function blacklistSettled(
  em: EntityManager,
  ctx: RunContext,
  plans: readonly CasePlan[],
  facts: ReadonlyMap<string, CaseFacts>,
): Promise<string[]> {
  const settled = plans.filter((p) => p.move?.to === null && facts.get(p.caseId)?.settled);
  if (settled.length === 0) return [];
  const rows = await em.execute<{ debtor_id: string }[]>(
    `insert into blacklist (tenant_id, debtor_id, reason, since, case_id, added_by, added_at)
     select c.tenant_id, c.debtor_id, ?, ?::date, c.id, ?, ?
     from cases c
     where c.tenant_id = ? and c.id = any(?::uuid[])
       and exists (select 1 from engine_actions e where e.tenant_id = c.tenant_id
                   and e.case_id = c.id and e.action = 'blacklistOnSettlement')
     on conflict do nothing
     returning debtor_id`,
    [
      `结清后列入黑名单（${ctx.pack.ref}）`,
      ctx.asOf,
      `engine:${ctx.pack.ref}`,
      ctx.now,
      ctx.tenantId,
      pgArray(settled.map((p) => p.caseId)),
    ],
  );
  return rows.map((r) => r.debtor_id);
}
