import { QueryBus } from '@nestjs/cqrs';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { localDateOf, addDays } from '../../libs/calendar/src';
import { QUEUES, redisConnectionOptions } from '../../libs/jobs/src';
import { GetRun, type RunView } from '../../libs/operations/src';
import { connect, TestDatabase } from '../support/test-db';
import { queuedRunTwins, runSnapshot } from './support/queued-run';
import { bootWorker, meta } from './support/run-kit';
import { spawnWorker } from './support/worker-spawn';

/** Enough cases for several engine batches and a few hundred letters, in well under a minute. */
const ACCOUNTS = 2500;
const LOCK_MS = 3000;

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms: number,
  log: () => string,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('SIGKILL the worker mid-run: on restart the run resumes and ends exactly as an uninterrupted run', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  let tenantId: string;
  let runId: string;
  // Yesterday in Shanghai: a past date, so every instant the run computes is the date's own.
  const asOf = addDays(localDateOf(new Date(), 'Asia/Shanghai'), -1);

  beforeAll(async () => {
    ({ a, b, tenantId, runId } = await queuedRunTwins('ops-kill', ACCOUNTS, asOf));
  }, 120_000);
  afterAll(async () => {
    await a?.drop();
    await b?.drop();
  });

  it('killed twice (once early, once inside the case batches), the resumed run matches the clone’s uninterrupted run', async () => {
    // The uninterrupted run, in-process on the clone: the worker's boot sweep queues the
    // queued run and its processor executes it — one executor, as in production.
    const started = Date.now();
    const steady = await bootWorker(b, `qs-test-${randomBytes(4).toString('hex')}`, null);
    let steadyRun: RunView;
    try {
      const bOwner = await connect(b.ownerUrl);
      try {
        await until(
          'the uninterrupted run to finish',
          async () => {
            const { rows } = await bOwner.query<{ state: string }>(
              `select state from runs where id = $1`,
              [runId],
            );
            return ['succeeded', 'failed'].includes(rows[0].state) ? rows[0] : undefined;
          },
          120_000,
          () => '',
        );
      } finally {
        await bOwner.end();
      }
      steadyRun = await steady
        .get(QueryBus)
        .execute(new GetRun(meta(tenantId, 'system:daily-run'), runId));
    } finally {
      await steady.close();
    }
    const uninterruptedSeconds = (Date.now() - started) / 1000;
    expect(steadyRun.state).toBe('succeeded');

    // The same run on the original, in real worker processes.
    const prefix = `qs-test-${randomBytes(4).toString('hex')}`;
    const queue = new Queue(QUEUES.runs, {
      connection: redisConnectionOptions(a.config.REDIS_URL),
      prefix,
    });
    const owner = await connect(a.ownerUrl);
    const position = async () =>
      (
        await owner.query<{
          state: string;
          step_index: number;
          cursor: string | null;
          attempts: number;
        }>(`select state, step_index, cursor, attempts from runs where id = $1`, [runId])
      ).rows[0];
    try {
      await queue.add(
        'run',
        { tenantId, runId, correlationId: 'sigkill-test' },
        { jobId: runId, attempts: 5, backoff: { type: 'fixed', delay: 500 } },
      );
      const kills: string[] = [];
      // Kill 1: as soon as the first chunk is checkpointed (recompute-balances or later).
      let worker = spawnWorker(a, prefix, LOCK_MS);
      await worker.ready;
      let at = await until(
        'a first checkpoint',
        async () => {
          const p = await position();
          return p.state === 'running' && (p.cursor !== null || p.step_index > 0) ? p : undefined;
        },
        60_000,
        worker.output,
      );
      await worker.kill('SIGKILL');
      kills.push(`step ${at.step_index} after ${at.cursor}`);
      // Kill 2: inside evaluate-cases, after at least one batch of cases was checkpointed.
      worker = spawnWorker(a, prefix, LOCK_MS);
      await worker.ready;
      at = await until(
        'a checkpoint inside evaluate-cases',
        async () => {
          const p = await position();
          return p.step_index === 4 && p.cursor !== null ? p : undefined;
        },
        90_000,
        worker.output,
      );
      await worker.kill('SIGKILL');
      kills.push(`step ${at.step_index} after ${at.cursor}`);
      // The third worker finds the stalled job once its lock expired, and finishes the run.
      worker = spawnWorker(a, prefix, LOCK_MS);
      await worker.ready;
      const done = await until(
        'the run to succeed',
        async () => {
          const p = await position();
          return p.state === 'succeeded' ? p : undefined;
        },
        120_000,
        worker.output,
      );
      await worker.kill('SIGTERM');
      expect(kills).toHaveLength(2);
      expect(done.attempts).toBeGreaterThanOrEqual(3);
    } finally {
      await owner.end();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }

    const killed = await runSnapshot(a.ownerUrl, tenantId);
    const uninterrupted = await runSnapshot(b.ownerUrl, tenantId);
    // Sanity: the run did real work (cases, tasks, letters, events) to compare.
    expect((uninterrupted.tasks as unknown[]).length).toBeGreaterThan(1000);
    expect((uninterrupted.notices as unknown[]).length).toBeGreaterThan(200);
    for (const key of Object.keys(uninterrupted))
      expect([key, killed[key]]).toEqual([key, uninterrupted[key]]);
    console.log(
      `run-sigkill: ${ACCOUNTS} accounts, uninterrupted run ${uninterruptedSeconds.toFixed(1)} s; counts ${JSON.stringify(steadyRun.counts)}`,
    );
  }, 300_000);
});
