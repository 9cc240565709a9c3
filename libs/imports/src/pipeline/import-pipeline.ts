import { Injectable } from '@nestjs/common';
import { CalendarService } from '@qingshou/calendar';
import { EventContext, EventLog, TenantTx } from '@qingshou/db';
import { AccountBalances, refreshUnpaidBalances, type PackTerms } from '@qingshou/ledger';
import { performance } from 'node:perf_hooks';
import { addCounts, IMPORT_EVENTS } from '../domain/import-vocabulary';
import { CopyLineEncoder } from '../staging/copy-text';
import { collectGarbage } from '../support/collect-garbage';
import { ChunkProgress, ImportJob, recordChunk } from '../support/import-rows';
import { addElapsed, Timings } from '../support/timings';
import { mapRows, readTabular, TextEncodingName } from '../support/tabular';
import type { ChunkRules } from '../rows/chunk-rules';
import { ChunkProducer, PreparedChunk } from './chunk-producer';
import { ACCOUNT_STAGE } from '../staging/stage-tables';
import { applyChunk } from './import-chunk';
import { headerBinding, KIND_STRATEGIES } from './kind-strategy';

/** 50,000 rows per transaction: large enough for set-based merges, small enough to retry. */
export const DEFAULT_CHUNK_SIZE = 50_000;

export interface ImportProgress extends ChunkProgress {
  /** 'reading': rows read ahead of the last commit; 'committed': a chunk committed. */
  readonly phase: 'reading' | 'committed';
}

export interface PipelineOptions {
  readonly chunkSize?: number;
  readonly onProgress?: (progress: ImportProgress) => void | Promise<void>;
  /**
   * Milliseconds by phase, summed over the run: 'wait for rows' (Node reading ahead was
   * the bottleneck), 'copy', and each merge statement. For the benchmark's breakdown.
   */
  readonly timings?: Timings;
}

export interface PipelineMeta {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly today: string;
  readonly filePath: string;
  /** The tenant's active pack terms (markup, compound, basis) new accounts are stored with. */
  readonly terms?: PackTerms;
}

/**
 * Streams a stored file through readTabular → mapRows → row validation → COPY → merge, one
 * transaction per chunk. While chunk N is merged, chunk N+1 is read and validated, so Node's
 * and PostgreSQL's work overlap on two cores. Memory holds at most two chunks' COPY text and
 * errors, never the file. Resumes after `job.lastRow`: a retried job does not apply
 * committed rows twice (and if it did, the merges are idempotent).
 */
@Injectable()
export class ImportPipeline {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly calendar: CalendarService,
    private readonly balances: AccountBalances,
  ) {}

  async run(
    job: ImportJob,
    meta: PipelineMeta,
    options: PipelineOptions = {},
  ): Promise<ChunkProgress> {
    const strategy = KIND_STRATEGIES[job.kind];
    const encoding = (job.encodingRequested ?? undefined) as TextEncodingName | undefined;
    const reader = readTabular({ path: meta.filePath, format: job.fileFormat }, { encoding });
    const headerOf = headerBinding(reader, job.mapping);
    const rows = mapRows(reader, job.mapping.columns)[Symbol.asyncIterator]();
    const encoder = new CopyLineEncoder(strategy.columns);
    const started = performance.now();
    const rate = (n: number) => n / Math.max((performance.now() - started) / 1000, 0.001);
    let totals: ChunkProgress = {
      rowsTotal: job.rowsTotal,
      rowsOk: job.rowsOk,
      rowsFailed: job.rowsFailed,
      lastRow: job.lastRow,
      rowsPerSecond: 0,
      counts: job.counts,
    };
    let doneThisRun = 0;
    const producer = new ChunkProducer(
      rows,
      strategy.builder(job.mapping, meta.today, headerOf, meta.terms),
      encoder,
      options.chunkSize ?? DEFAULT_CHUNK_SIZE,
      job.lastRow,
      (read) =>
        void Promise.resolve(
          options.onProgress?.({
            ...totals,
            phase: 'reading',
            rowsTotal: job.rowsTotal + read,
            rowsPerSecond: rate(read),
          }),
        ).catch(() => undefined),
      strategy.chunkRules && (() => strategy.chunkRules?.(headerOf) as ChunkRules),
    );
    let next: Promise<PreparedChunk> | undefined = quiet(producer.prepare());
    try {
      for (let chunkNo = 1; next; chunkNo++) {
        const waited = performance.now();
        const chunk: PreparedChunk = await next;
        addElapsed(options.timings, 'wait for rows (read, validate, encode)', waited);
        next = chunk.exhausted ? undefined : quiet(producer.prepare());
        if (chunk.read === 0) break;
        const now = this.calendar.now();
        const base = totals;
        const applying = performance.now();
        totals = await this.tx.run(meta.tenantId, async (em) => {
          const applied = await applyChunk(
            em,
            chunk,
            strategy,
            encoder.columnList,
            {
              tenantId: meta.tenantId,
              source: job.mapping.source,
              accountSource: job.mapping.accountSource,
              actorId: meta.actorId,
              now,
              today: meta.today,
              headerOf,
              timings: options.timings,
            },
            job.id,
          );
          if (strategy.stage === ACCOUNT_STAGE && chunk.staged > 0) {
            const refreshing = performance.now();
            await refreshStaged(em, this.balances, meta, now);
            addElapsed(options.timings, 'balances of the chunk', refreshing);
          }
          const progress: ChunkProgress = {
            rowsTotal: base.rowsTotal + chunk.read,
            rowsOk: base.rowsOk + chunk.read - applied.failed,
            rowsFailed: base.rowsFailed + applied.failed,
            lastRow: chunk.lastRow,
            rowsPerSecond: rate(doneThisRun + chunk.read),
            counts: addCounts(base.counts, applied.counts),
          };
          const recording = performance.now();
          await recordChunk(em, meta.tenantId, job.id, progress, now);
          // Appended last: the tenant's chain head stays locked only until this commit.
          await this.events.append(em, eventContext(meta, now), [
            {
              type: IMPORT_EVENTS.chunkCommitted,
              aggregateType: 'import',
              aggregateId: job.id,
              payload: {
                importId: job.id,
                chunk: chunkNo,
                fromRow: chunk.firstRow,
                toRow: chunk.lastRow,
                rows: chunk.read,
                rowsOk: chunk.read - applied.failed,
                rowsFailed: applied.failed,
                counts: applied.counts,
              },
            },
          ]);
          addElapsed(options.timings, 'progress row and chunk event', recording);
          return progress;
        });
        addElapsed(options.timings, 'chunk transactions in all (incl. commit)', applying);
        const collecting = performance.now();
        collectGarbage();
        addElapsed(options.timings, 'garbage collection', collecting);
        doneThisRun += chunk.read;
        await options.onProgress?.({ ...totals, phase: 'committed' });
      }
      return totals;
    } finally {
      // A failed chunk leaves a preparation in flight: stop it, then close the file.
      producer.cancel();
      await next?.catch(() => undefined);
      await rows.return?.();
    }
  }
}

/**
 * Balances of the chunk's accounts as of today, in the chunk's transaction: the new cases
 * show their amount due and DPD right after the import (the supervisor assigns them within
 * a working day, 篇八), not ¥0.00 until the nightly run. The stage is this transaction's
 * TEMP table; refused rows have left it. Accounts that have received nothing (most of a
 * book, in arrears or not) are priced set-based by the ledger; the calculator takes the rest.
 */
async function refreshStaged(
  em: Parameters<typeof refreshUnpaidBalances>[0],
  balances: AccountBalances,
  meta: PipelineMeta,
  now: Date,
): Promise<void> {
  const rows = await em.execute<{ account_id: string }[]>(
    `select distinct account_id::text as account_id from ${ACCOUNT_STAGE}
     where account_id is not null`,
  );
  await refreshUnpaidBalances(em, balances, {
    tenantId: meta.tenantId,
    accountIds: rows.map((r) => r.account_id),
    asOf: meta.today,
    now,
  });
}

/** The promise is awaited later; until then a rejection must not count as unhandled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

function eventContext(meta: PipelineMeta, occurredAt: Date): EventContext {
  return {
    tenantId: meta.tenantId,
    actorId: meta.actorId,
    correlationId: meta.correlationId,
    occurredAt,
  };
}
