import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { addDays, localDateOf } from '../../libs/calendar/src';
import { QUEUES, redisConnectionOptions } from '../../libs/jobs/src';
import { connect, TestDatabase } from '../support/test-db';
import { queuedRunTwins, runSnapshot } from './support/queued-run';
import { bootWorker, tableCounts } from './support/run-kit';

/** Enough open cases for three chunks of 500 (four in five accounts are late or due). */
const ACCOUNTS = 1600;

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

/** What the run left (runSnapshot), its rows per table, and who did how many chunks. */
async function snapshot(db: TestDatabase, tenantId: string) {
  const out = await runSnapshot(db.ownerUrl, tenantId);
  const owner = await connect(db.ownerUrl);
  try {
    out.tables = await tableCounts(owner, tenantId);
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
    expect((single.out.cases as unknown[]).length).toBeGreaterThan(1000);
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
