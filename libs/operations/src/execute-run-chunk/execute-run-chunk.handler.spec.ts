import type { CommandBus } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import type { TenantTx } from '@qingshou/db';
import { EvaluateCases } from '@qingshou/engine';
import { ExecuteRunChunk } from './execute-run-chunk.command';
import { ExecuteRunChunkHandler } from './execute-run-chunk.handler';

const TENANT = '00000000-0000-4000-8000-000000000001';
const RUN = '00000000-0000-4000-8000-000000000002';
const IDS = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];

/** A TenantTx whose one "connection" answers the chunk row and records every statement. */
function fakeTx(chunk: Record<string, unknown> | undefined) {
  const statements: { sql: string; params: unknown[] }[] = [];
  const em = {
    execute: async (sql: string, params: unknown[] = []) => {
      statements.push({ sql, params });
      if (sql.includes('from run_chunks c join runs r')) return chunk ? [chunk] : [];
      if (sql.includes('"casesEntered"')) return [{ casesEntered: '2', tasksCreated: '3' }];
      return [];
    },
  };
  const tx = { run: (_tenant: string, work: (e: typeof em) => unknown) => work(em) };
  return { tx: tx as unknown as TenantTx, statements };
}

const command = () =>
  new ExecuteRunChunk(
    systemMeta({ tenantId: TENANT, actorId: 'system:daily-run', correlationId: 'c-1' }),
    RUN,
    'evaluate-cases',
    3,
    'worker-b',
  );

describe('ExecuteRunChunk: a worker evaluates one planned chunk, counted once', () => {
  const pending = { as_of: '2026-03-10', case_ids: IDS, state: 'pending', run_state: 'running' };

  it('evaluates the chunk’s cases on the run’s date and marks it done by this worker with its counts', async () => {
    const { tx, statements } = fakeTx(pending);
    const sent: unknown[] = [];
    const bus = {
      execute: async (c: unknown) => {
        sent.push(c);
        return { evaluated: 2, errors: [], noticeFailures: [] };
      },
    };
    const result = await new ExecuteRunChunkHandler(tx, bus as unknown as CommandBus).execute(
      command(),
    );
    expect(result).toEqual({ runId: RUN, seq: 3, executed: true });
    expect(sent).toHaveLength(1);
    const evaluate = sent[0] as EvaluateCases;
    expect(evaluate).toBeInstanceOf(EvaluateCases);
    expect([evaluate.asOf, evaluate.caseIds]).toEqual(['2026-03-10', IDS]);
    const done = statements.find((s) => s.sql.includes("set state = 'done'"));
    expect(done?.sql).toContain("and state = 'pending'");
    expect(JSON.parse(done?.params[0] as string)).toEqual({
      casesEntered: 2,
      tasksCreated: 3,
      casesEvaluated: 2,
      caseErrors: 0,
      noticeFailures: 0,
    });
    expect(done?.params[1]).toBe('worker-b');
  });

  it('a chunk already done (a redelivered job) evaluates nothing', async () => {
    const { tx } = fakeTx({ ...pending, state: 'done' });
    const bus = { execute: jest.fn() };
    const result = await new ExecuteRunChunkHandler(tx, bus as unknown as CommandBus).execute(
      command(),
    );
    expect(result.executed).toBe(false);
    expect(bus.execute).not.toHaveBeenCalled();
  });

  it('a failure is recorded on the chunk (one attempt more) and rethrown for the queue to retry', async () => {
    const { tx, statements } = fakeTx(pending);
    const bus = { execute: async () => Promise.reject(new Error('database went away')) };
    await expect(
      new ExecuteRunChunkHandler(tx, bus as unknown as CommandBus).execute(command()),
    ).rejects.toThrow('database went away');
    const failed = statements.find((s) => s.sql.includes('attempts = attempts + 1'));
    expect(failed?.params.slice(0, 2)).toEqual(['database went away', 'worker-b']);
    expect(statements.some((s) => s.sql.includes("set state = 'done'"))).toBe(false);
  });
});
