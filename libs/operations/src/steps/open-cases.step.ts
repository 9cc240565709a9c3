import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { listedAccounts, type OpenedCase, openCases } from '@qingshou/collection';
import { type DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';
import { pgArray, pinnedPackFacts } from '../support/pack-facts';
import { OVERDUE_ACCOUNTS } from './open-cases.sql';

/** Overdue accounts scanned per transaction. */
export const OPEN_CASES_CHUNK = 2000;

/**
 * Newly overdue accounts get a case, as the pack's caseScope says (per account or per
 * debtor), opened on the run's date and unassigned (assignment stays a manager's call).
 * Set-based by account id ranges, one transaction per chunk with its checkpoint and a
 * CaseOpened audit event per case. Which accounts get a case, and how, is collection's one
 * rule (`openCases`, shared with OpenCase and the import merge); this step only scans. A re-run of
 * the day finds every account covered and opens nothing.
 */
@Injectable()
export class OpenCasesStep implements RunStep {
  readonly name = 'open-cases';

  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
  ) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const pack = await this.tx.run(ctx.tenantId, (em) => pinnedPackFacts(em, ctx.tenantId));
    if (!pack) return {};
    const total = await this.tx.run(ctx.tenantId, async (em) => {
      const [row] = await em.execute<{ n: string }[]>(
        `select count(*) as n from account_balances where tenant_id = ? and dpd > 0 and as_of = ?::date`,
        [ctx.tenantId, ctx.asOf],
      );
      return Number(row.n);
    });
    let cursor = ctx.cursor;
    let done = 0;
    for (;;) {
      const scanned = await this.tx.run(ctx.tenantId, async (em) => {
        const candidates = await em.execute<{ account_id: string; debtor_id: string }[]>(
          ...bindNamed(OVERDUE_ACCOUNTS, {
            tenant: ctx.tenantId,
            after: cursor,
            asOf: ctx.asOf,
            types: pgArray(pack.accountTypes),
            limit: OPEN_CASES_CHUNK,
          }),
        );
        if (candidates.length === 0) return { scanned: 0, last: null };
        // Candidates come back ordered by account id: the last one is the next cursor.
        const last = candidates[candidates.length - 1].account_id;
        const { cases: opened } = await openCases(em, ctx.tenantId, {
          scope: pack.caseScope,
          source: listedAccounts(
            candidates.map((c) => ({ debtorId: c.debtor_id, accountId: c.account_id })),
            ctx.asOf,
          ),
          accountTypes: pack.accountTypes,
          reopenAfterEnd: false,
          now: ctx.now,
        });
        await this.audit(em, ctx, pack.caseScope, opened);
        await ctx.checkpoint(
          { cursor: last, done: done + candidates.length, total },
          { casesOpened: opened.length },
          em,
        );
        return { scanned: candidates.length, last };
      });
      if (scanned.scanned === 0) return {};
      cursor = scanned.last;
      done += scanned.scanned;
    }
  }

  private async audit(
    em: EntityManager,
    ctx: RunStepContext,
    scope: 'debtor' | 'account',
    opened: readonly OpenedCase[],
  ): Promise<void> {
    const events: DomainEvent[] = opened.map((c) => ({
      type: 'CaseOpened',
      aggregateType: 'case',
      aggregateId: c.id,
      payload: {
        debtorId: c.debtorId,
        scope,
        accountIds: c.accountIds,
        asOf: ctx.asOf,
        by: 'daily-run',
      },
      before: null,
      after: {
        status: 'open',
        assigneeId: null,
        teamId: null,
        priority: 0,
        stage: null,
        overdueReasonCode: null,
        pausedUntil: null,
        closedOn: null,
        debtorId: c.debtorId,
        scope,
        accountIds: c.accountIds,
      },
    }));
    await this.events.append(em, { ...ctx.meta, occurredAt: ctx.now }, events);
  }
}

/** `:name` placeholders → `?` with the values in order (every statement here is our own). */
export function bindNamed(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const params: unknown[] = [];
  const text = sql.replace(/(?<!:):([a-zA-Z]+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    params.push(values[name]);
    return '?';
  });
  return [text, params];
}
