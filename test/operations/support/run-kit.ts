import { INestApplicationContext } from '@nestjs/common';
import { systemMeta } from '@qingshou/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { FixedClock } from '../../../libs/calendar/src';
import { PLATFORM_TENANT_ID } from '../../../libs/db/src';
import {
  ExecuteRun,
  RequestRun,
  type RequestedRun,
  type RunView,
} from '../../../libs/operations/src';
import { InstallPack } from '../../../libs/policy/src';
import { CreateTenant } from '../../../libs/tenancy/src';
import { connect, createTestDatabase, TestDatabase } from '../../support/test-db';
import { bootTestWorker } from '../../support/test-worker';

/** One test file's world: the real worker module on its own database and queue prefix. */
export interface RunKit {
  readonly app: INestApplicationContext;
  readonly db: TestDatabase;
  readonly prefix: string;
  /** Null when the kit runs on the system clock. */
  readonly clock: FixedClock | null;
  readonly commands: CommandBus;
  readonly queries: QueryBus;
  /** Superuser connection: what really is in the tables, past RLS. */
  readonly owner: Client;
  close(): Promise<void>;
}

/** The operator of a run is a system actor (the scheduler, the CLI). */
export const meta = (tenantId: string, actorId = 'test-operator') =>
  systemMeta({ tenantId, actorId, correlationId: `test-${randomBytes(4).toString('hex')}` });

export { bootTestWorker as bootWorker } from '../../support/test-worker';

export async function startRunKit(now: string | null, existing?: TestDatabase): Promise<RunKit> {
  const db = existing ?? (await createTestDatabase());
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;
  const clock = now ? new FixedClock(now) : null;
  const app = await bootTestWorker(db, prefix, clock);
  const owner = await connect(db.ownerUrl);
  return {
    app,
    db,
    prefix,
    clock,
    commands: app.get(CommandBus),
    queries: app.get(QueryBus),
    owner,
    async close() {
      await owner.end();
      await app.close();
      if (!existing) await db.drop();
    },
  };
}

/** A tenant (Asia/Shanghai unless told) with a pack pinned the way its admin would. */
export async function packTenant(
  kit: RunKit,
  slug: string,
  pack = 'microloan-overdue',
  timeZone = 'Asia/Shanghai',
): Promise<string> {
  const { id } = await kit.commands.execute(
    new CreateTenant(meta(PLATFORM_TENANT_ID), slug, `${slug} 测试`, 'microloan', timeZone),
  );
  await kit.commands.execute(new InstallPack(meta(id), id, pack, undefined, {}));
  return id;
}

/** Requests the day's run without the queue and executes it here, as the CLI does. */
export async function runDay(kit: RunKit, tenantId: string, asOf: string): Promise<RunView> {
  const requested: RequestedRun = await kit.commands.execute(
    new RequestRun(meta(tenantId), 'escalation', asOf, false),
  );
  return kit.commands.execute(new ExecuteRun(meta(tenantId), requested.run.id));
}

/** Rows per table the run writes, for one tenant (owner: RLS bypassed). */
export const RUN_TABLES = [
  'account_balances',
  'cases',
  'case_accounts',
  'case_stage_history',
  'engine_actions',
  'tasks',
  'notices',
  'approvals',
  'event_log',
  'outbox',
  'runs',
] as const;

export async function tableCounts(
  owner: Client,
  tenantId: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of RUN_TABLES) {
    const { rows } = await owner.query<{ n: number }>(
      `select count(*)::int as n from ${table} where tenant_id = $1`,
      [tenantId],
    );
    counts[table] = rows[0].n;
  }
  return counts;
}

/** event_log rows per type for one tenant. */
export async function eventCounts(
  owner: Client,
  tenantId: string,
): Promise<Record<string, number>> {
  const { rows } = await owner.query<{ type: string; n: number }>(
    `select type, count(*)::int as n from event_log where tenant_id = $1 group by type order by type`,
    [tenantId],
  );
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}
