import { Injectable } from '@nestjs/common';
import { TenantTx } from '@qingshou/db';
import { AccountBalances, refreshBalanceChunk } from '@qingshou/ledger';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';
import { collectGarbageIfLarge } from '../support/collect-garbage';
import { markDirtyAccounts, runScope } from '../support/run-scope';

/** Accounts per transaction: a few statements and ~1 MB of JSON each. */
export const BALANCE_CHUNK = 1000;

/**
 * Balances, DPD, aging buckets and loan classes of every account as of the run's date, by
 * account id ranges: each chunk's snapshot upsert and its checkpoint commit together, so a
 * crash redoes at most the chunk in flight and counts nothing twice.
 */
@Injectable()
export class RecomputeBalancesStep implements RunStep {
  readonly name = 'recompute-balances';

  constructor(
    private readonly tx: TenantTx,
    private readonly balances: AccountBalances,
  ) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    // An incremental run recomputes its dirty accounts only (run_accounts, decided in SQL).
    const dirty = await this.tx.run(ctx.tenantId, async (em) => {
      const scope = await runScope(em, ctx.tenantId, ctx.runId);
      if (scope.mode === 'full') return null;
      return markDirtyAccounts(em, ctx.tenantId, ctx.runId, ctx.asOf, scope);
    });
    const total = await this.tx.run(ctx.tenantId, async (em) => {
      const [row] = await em.execute<{ n: string }[]>(
        `select count(*) as n from accounts where tenant_id = ?`,
        [ctx.tenantId],
      );
      return Number(row.n);
    });
    if (dirty !== null) return this.dirtyOnly(ctx, dirty, total);
    let cursor = ctx.cursor;
    let done = cursor
      ? await this.tx.run(ctx.tenantId, async (em) => {
          const [row] = await em.execute<{ n: string }[]>(
            `select count(*) as n from accounts where tenant_id = ? and id <= ?::uuid`,
            [ctx.tenantId, cursor],
          );
          return Number(row.n);
        })
      : 0;
    for (;;) {
      const chunk = await this.tx.run(ctx.tenantId, async (em) => {
        const refreshed = await refreshBalanceChunk(em, this.balances, {
          tenantId: ctx.tenantId,
          after: cursor,
          limit: BALANCE_CHUNK,
          asOf: ctx.asOf,
          now: ctx.now,
        });
        if (refreshed.accounts === 0) return refreshed;
        await ctx.checkpoint(
          { cursor: refreshed.last, done: done + refreshed.accounts, total },
          {
            accountsRecomputed: refreshed.accounts - refreshed.failed.length,
            accountsOverdue: refreshed.overdue,
            accountsFailed: refreshed.failed.length,
          },
          em,
        );
        return refreshed;
      });
      if (chunk.accounts === 0) return {};
      collectGarbageIfLarge();
      cursor = chunk.last;
      done += chunk.accounts;
    }
  }

  /** The dirty accounts by id, in chunks; the rest keep their snapshot (it is today's too). */
  private async dirtyOnly(ctx: RunStepContext, dirty: number, total: number) {
    let cursor = ctx.cursor;
    let done = cursor
      ? await this.tx.run(ctx.tenantId, async (em) => {
          const [row] = await em.execute<{ n: string }[]>(
            `select count(*) as n from run_accounts
             where tenant_id = ? and run_id = ? and account_id <= ?::uuid`,
            [ctx.tenantId, ctx.runId, cursor],
          );
          return Number(row.n);
        })
      : 0;
    for (;;) {
      const chunk = await this.tx.run(ctx.tenantId, async (em) => {
        const ids = (
          await em.execute<{ account_id: string }[]>(
            `select account_id from run_accounts
             where tenant_id = ? and run_id = ? and (?::uuid is null or account_id > ?::uuid)
             order by account_id limit ?`,
            [ctx.tenantId, ctx.runId, cursor, cursor, BALANCE_CHUNK],
          )
        ).map((r) => r.account_id);
        if (ids.length === 0) return null;
        const refreshed = await refreshBalanceChunk(em, this.balances, {
          tenantId: ctx.tenantId,
          after: null,
          limit: ids.length,
          asOf: ctx.asOf,
          now: ctx.now,
          accountIds: ids,
        });
        const last = ids[ids.length - 1];
        await ctx.checkpoint(
          { cursor: last, done: done + ids.length, total: dirty },
          {
            accountsRecomputed: refreshed.accounts - refreshed.failed.length,
            accountsOverdue: refreshed.overdue,
            accountsFailed: refreshed.failed.length,
          },
          em,
        );
        return { last, n: ids.length };
      });
      if (!chunk) return { accountsUnchanged: Math.max(0, total - dirty) };
      collectGarbageIfLarge();
      cursor = chunk.last;
      done += chunk.n;
    }
  }
}
