import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { addDays, localDateOf } from '../../libs/calendar/src';
import { QUEUES, redisConnectionOptions } from '../../libs/jobs/src';
import { connect, TestDatabase } from '../support/test-db';
import { queuedRunTwins } from './support/queued-run';
import { bootWorker, eventCounts, tableCounts } from './support/run-kit';

/** Enough open cases for three chunks of 500 (four in five accounts are late or due). */
const ACCOUNTS = 1600;

/** What the run leaves, by keys that do not depend on generated ids or wall-clock instants. */
const SNAPSHOT = {
  balances: `select account_id, as_of, dpd, total_due, aging_bucket, loan_class from account_balances
             where tenant_id = $1 order by account_id`,
  stages: `select account_id, status, stage, opened_on, version from cases where tenant_id = $1
           order by account_id`,
  tasks: `select c.account_id, t.kind, t.status, t.due_at,
            regexp_replace(t.idempotency_key, '^[^:]+:[^:]+:', '') as key
          from tasks t join cases c on c.tenant_id = t.tenant_id and c.id = t.case_id
          where t.tenant_id = $1 order by 1, key`,
  notices: `select c.account_id, n.template_id, n.status,
              regexp_replace(n.idempotency_key, '^[^:]+:[^:]+:', '') as key
            from notices n join cases c on c.tenant_id = n.tenant_id and c.id = n.case_id
            where n.tenant_id = $1 order by 1, key`,
  run: `select state, counts, jsonb_array_length(steps) as steps from runs where tenant_id = $1`,
};

async function runThrough(db: TestDatabase, workers: number, runId: string) {
  const prefix = `qs-test-${randomBytes(4).toString('hex')}`;
  // Each worker app's boot sweep queues the queued run (job id = run id: one job).
  const apps = [];
  for (let i = 0; i < workers; i++) apps.push(await bootWorker(db, prefix, null));
  const owner = await connect(db.ownerUrl);
  try {
    const end = Date.now() + 120_000;
    for (;;) {
      const { rows } = await owner.query<{ state: string; error: string | null }>(
        `select state, error from runs where id = $1`,
        [runId],
      );
      if (rows[0].state === 'succeeded') break;
      if (rows[0].state === 'failed' || Date.now() > end) throw new Error(JSON.stringify(rows[0]));
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await owner.end();
    for (const app of apps) await app.close();
    for (const name of [QUEUES.runs, QUEUES.runChunks]) {
      const queue = new Queue(name, {
        connection: redisConnectionOptions(db.config.REDIS_URL),
        prefix,
      });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  }
}

async function snapshot(db: TestDatabase, tenantId: string) {
  const owner = await connect(db.ownerUrl);
  try {
    const out: Record<string, unknown> = {
      events: await eventCounts(owner, tenantId),
      tables: await tableCounts(owner, tenantId),
    };
    for (const [name, sql] of Object.entries(SNAPSHOT)) {
      out[name] = (await owner.query(sql, [tenantId])).rows;
    }
    const { rows } = await owner.query<{ worker: string; chunks: number }>(
      `select worker, count(*)::int as chunks from run_chunks
        where tenant_id = $1 and state = 'done' group by worker order by worker`,
      [tenantId],
    );
    return { out, chunksByWorker: rows };
  } finally {
    await owner.end();
  }
}

describe('the nightly run fans its case chunks out over worker processes (issue 15 §3)', () => {
  let one: TestDatabase;
  let two: TestDatabase;
  let tenantId: string;
  let runId: string;
  const asOf = addDays(localDateOf(new Date(), 'Asia/Shanghai'), -1);

  beforeAll(async () => {
    ({ a: one, b: two, tenantId, runId } = await queuedRunTwins('ops-fan-out', ACCOUNTS, asOf));
  }, 120_000);
  afterAll(async () => {
    await one?.drop();
    await two?.drop();
  });

  it('two workers on one run leave exactly what one worker leaves, and both took chunks', async () => {
    await runThrough(one, 1, runId);
    await runThrough(two, 2, runId);
    const single = await snapshot(one, tenantId);
    const shared = await snapshot(two, tenantId);

    // Sanity: a real run (cases at every rung, letters, tasks) over several chunks.
    expect((single.out.stages as unknown[]).length).toBeGreaterThan(1000);
    expect((single.out.notices as unknown[]).length).toBeGreaterThan(100);
    expect(single.chunksByWorker).toHaveLength(1);
    const chunks = single.chunksByWorker[0].chunks;
    expect(chunks).toBeGreaterThanOrEqual(3);
    // Every chunk done once, spread over both worker apps.
    expect(shared.chunksByWorker).toHaveLength(2);
    expect(shared.chunksByWorker.reduce((n, w) => n + w.chunks, 0)).toBe(chunks);
    for (const key of Object.keys(single.out))
      expect([key, shared.out[key]]).toEqual([key, single.out[key]]);
  }, 300_000);
});
