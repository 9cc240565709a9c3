import type { EntityManager } from '@mikro-orm/postgresql';
import { performance } from 'node:perf_hooks';
import type { ImportCounts } from '../domain/import-vocabulary';
import type { MergeContext } from '../merge/merge-context';
import { tempTableSql } from '../staging/copy-text';
import { CopyWriter, transactionClient } from '../staging/copy-writer';
import { collectGarbage } from '../support/collect-garbage';
import { addElapsed } from '../support/timings';
import type { PreparedChunk } from './chunk-producer';
import type { KindStrategy } from './kind-strategy';
import { failedRowCount, insertRowErrors } from './row-errors';

export interface AppliedChunk {
  readonly failed: number;
  readonly counts: Partial<ImportCounts>;
}

/**
 * One prepared chunk inside the caller's transaction: COPY into a TEMP stage, the kind's
 * set-based merge, the chunk's row errors. Nothing of it is visible until the caller
 * commits, and a failure anywhere rolls all of it back.
 */
export async function applyChunk(
  em: EntityManager,
  chunk: PreparedChunk,
  strategy: KindStrategy,
  columnList: string,
  merge: Omit<MergeContext, 'client' | 'em'>,
  importId: string,
): Promise<AppliedChunk> {
  const client = await transactionClient(em);
  let merged: Awaited<ReturnType<KindStrategy['merge']>> = { counts: {}, rejected: [] };
  if (chunk.staged > 0) {
    // Local to this transaction. Sorts and hashes of a whole chunk get memory enough not to
    // spill. JIT is off: the merges' cost estimates cross jit_above_cost, and compiling them
    // took ~0.3 s per statement (measured), more than most of them take to run.
    await client.query(`set local work_mem = '64MB'; set local jit = off`);
    await client.query(tempTableSql(strategy.stage, strategy.columns, strategy.flags));
    const started = performance.now();
    const copy = CopyWriter.open(client, `copy ${strategy.stage} (${columnList}) from stdin`);
    try {
      for (const batch of chunk.batches) await copy.write(batch);
      await copy.end();
    } catch (error) {
      await copy.abort(error as Error);
      throw error;
    }
    addElapsed(merge.timings, 'copy into stage', started);
    // The chunk's text is in PostgreSQL now; while the merge runs (seconds of database
    // work), the next chunk is being read: free this one's buffers and garbage first.
    chunk.batches.length = 0;
    const collecting = performance.now();
    collectGarbage();
    addElapsed(merge.timings, 'garbage collection', collecting);
    const merging = performance.now();
    merged = await strategy.merge({ ...merge, client, em, importId });
    addElapsed(merge.timings, 'merge in all', merging);
  }
  const errors = [...chunk.errors, ...merged.rejected];
  await insertRowErrors(client, merge.tenantId, importId, errors);
  return { failed: failedRowCount(errors), counts: merged.counts };
}
