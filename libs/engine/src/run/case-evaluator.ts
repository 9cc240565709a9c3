import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AccountBalances } from '@qingshou/ledger';
import { LetterLinks } from '@qingshou/self-service';
import { EventLog } from '@qingshou/db';
import { instancesOf } from '../apply/action-rows';
import { fireActions } from '../apply/fire-actions';
import { ReadyNotice, withNoticeData } from '../apply/notice-data';
import { blacklistSettled, cancelTasks, recordMoves } from '../apply/stage-moves';
import type { CaseFacts } from '../domain/case-facts';
import { planCase } from '../domain/ladder';
import { CaseRow, loadChunkFacts } from '../load/case-facts';
import { pgArray } from '../load/sql';
import { remindersDue } from '../reminders/reminder-plan';
import { appendChunkEvents } from './chunk-events';
import { assigneeRoles, unissued } from './notice-orders';
import { ChunkOutcome, emptyOutcome, NO_STAGE, RunContext } from './run-context';

/** Cases per chunk: one transaction, a handful of set-based statements. */
export const CHUNK_SIZE = 500;

/**
 * Evaluates chunks of cases: read the chunk's facts set-based, decide each case's stage and
 * due actions without I/O (domain/), then write moves, cancellations and actions set-based
 * and append the chunk's events — all in the caller's transaction.
 */
@Injectable()
export class CaseEvaluator {
  constructor(
    private readonly ledger: AccountBalances,
    private readonly events: EventLog,
    private readonly links: LetterLinks,
  ) {}

  /**
   * The next chunk of open cases after `after` (by id), optionally only `caseIds`. A real
   * run locks them so two runs of one tenant queue instead of interleaving; a dry run reads.
   */
  async nextChunk(
    em: EntityManager,
    ctx: RunContext,
    after: string | null,
    caseIds?: readonly string[],
  ): Promise<CaseRow[]> {
    const rows = await em.execute<Record<string, string | null>[]>(
      `select c.id, c.debtor_id, c.status, c.stage, c.assignee_id, c.overdue_reason_code,
              c.opened_on::text as opened_on
       from cases c
       where c.tenant_id = ? and c.closed_on is null and c.opened_on <= ?::date
         and (?::uuid is null or c.id > ?::uuid)
         and (?::uuid[] is null or c.id = any(?::uuid[]))
       order by c.id limit ?${ctx.dryRun ? '' : ' for update'}`,
      [
        ctx.tenantId,
        ctx.asOf,
        after,
        after,
        ...Array(2).fill(caseIds ? pgArray(caseIds) : null),
        CHUNK_SIZE,
      ],
    );
    return rows.map((r) => ({
      id: String(r.id),
      debtorId: String(r.debtor_id),
      status: String(r.status),
      stage: r.stage,
      assigneeId: r.assignee_id,
      overdueReasonCode: r.overdue_reason_code,
      openedOn: String(r.opened_on),
    }));
  }

  async evaluate(
    em: EntityManager,
    ctx: RunContext,
    rows: readonly CaseRow[],
    chunk: number,
  ): Promise<{ outcome: ChunkOutcome; notices: ReadyNotice[] }> {
    const out = emptyOutcome();
    const view = ctx.pack;
    const loaded = await loadChunkFacts(
      em,
      this.ledger,
      {
        tenantId: ctx.tenantId,
        asOf: ctx.asOf,
        timeZone: ctx.timeZone,
        needs: view.needs,
        contactWindowDays: view.contactWindowDays,
        pack: view,
      },
      rows,
    );
    out.errors.push(...loaded.errors);
    const facts = new Map<string, CaseFacts>(loaded.facts.map((f) => [f.caseId, f]));
    const plans = loaded.facts.map((f) =>
      planCase({ tenantId: ctx.tenantId, stages: view.stages, facts: f, asOf: ctx.asOf }),
    );
    for (const plan of plans) {
      if (plan.skipped) out.skipped += 1;
      else out.evaluated += 1;
      const stage = plan.stage ?? NO_STAGE;
      out.stageCounts[stage] = (out.stageCounts[stage] ?? 0) + 1;
    }
    out.moves = await recordMoves(em, ctx, plans, facts);
    out.tasksCancelled = await cancelTasks(em, ctx, plans);
    out.blacklisted = await blacklistSettled(em, ctx, plans, facts);
    const roles = await assigneeRoles(em, ctx.tenantId, loaded.facts);
    const instances = plans.flatMap((p) =>
      instancesOf(ctx, facts.get(p.caseId) as CaseFacts, p.actions, roles),
    );
    // Reminders before each installment's due date ride on the same evaluation (篇二 到期提醒).
    const openedOn = new Map(rows.map((r) => [r.id, r.openedOn]));
    for (const f of loaded.facts) {
      if (f.pausedToday) continue;
      const due = remindersDue(ctx, {
        facts: f,
        openedOn: openedOn.get(f.caseId) as string,
        accounts: loaded.balances.get(f.caseId) ?? [],
      });
      if (due.length > 0) instances.push(...instancesOf(ctx, f, due, roles, 'reminder'));
    }
    await fireActions(em, ctx, instances, out);
    out.notices = await unissued(em, ctx.tenantId, out.notices);
    const notices = await withNoticeData(em, ctx, out.notices, loaded.balances, this.links);
    // A chunk that changed nothing leaves nothing: a second run of a date writes no row.
    if (!ctx.dryRun && changedAnything(out))
      await appendChunkEvents(this.events, em, ctx, chunk, out);
    return { outcome: out, notices };
  }
}

function changedAnything(out: ChunkOutcome): boolean {
  const lists = [
    out.moves,
    out.tasks,
    out.held,
    out.approvals,
    out.flags,
    out.notifications,
    out.blacklisted,
  ];
  return out.tasksCancelled > 0 || lists.some((list) => list.length > 0);
}
