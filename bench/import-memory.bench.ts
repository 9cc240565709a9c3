import 'reflect-metadata';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { AppConfigModule, type ActorMeta } from '../libs/core/src';
import { DbModule, RedisModule } from '../libs/db/src';
import {
  ImportsModule,
  RegisterImport,
  RunImport,
  type ImportView,
  type RegisteredImport,
} from '../libs/imports/src';
import { TenancyModule } from '../libs/tenancy/src';
import { writeAccountsCsv } from './accounts-csv';
import { dropDatabase, freshDatabase, withClient } from './bench-db';

/*
 * `npm run bench -- --only import-memory`: a 200,000-row accounts file streams through the
 * import in this process with bounded memory (moved here from the integration suite, where it
 * took over two minutes of a two-core machine). Live heap after each committed chunk must stay
 * flat (< 16 MB above the first chunk, < 64 MB above the start) and RSS grow < 200 MB; exits 1
 * when a limit is broken. Figures go to docs/benchmarks.md.
 */

const ROWS = 200_000;
const MB = 2 ** 20;
const ROOT = resolve(__dirname, '../..');
const CLI = resolve(ROOT, 'dist/apps/cli/src/main.js');
const WORK = resolve(ROOT, 'var/bench');

// A collectable heap reading needs a GC first; node runs without --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function createTenant(env: NodeJS.ProcessEnv): void {
  const args = [
    'tenant',
    'create',
    '--slug',
    'bench',
    '--name',
    '基准测试',
    '--kind',
    'credit-coop',
  ];
  const result = spawnSync(process.execPath, [CLI, ...args], { env, cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cli tenant create failed: ${result.stderr}`);
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const stamp = Date.now();
  const file = resolve(WORK, `accounts-200k-terms12-${stamp}.csv`);
  // One-year terms keep the ledger's date arithmetic to 12 calls a row, as the spec did.
  await writeAccountsCsv(file, { rows: ROWS, bom: true, terms: [12] });
  const db = `qs_bench_mem_${stamp}`;
  const url = await freshDatabase(db);
  const storage = resolve(WORK, `storage-${stamp}`);
  Object.assign(process.env, { DATABASE_URL: url, STORAGE_DIR: storage, LOG_LEVEL: 'error' });
  createTenant(process.env);
  const tenantId = await withClient(
    url,
    async (c) =>
      (await c.query(`select id from tenants where slug = 'bench'`)).rows[0].id as string,
  );
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(),
      CqrsModule.forRoot(),
      DbModule,
      RedisModule,
      TenancyModule,
      ImportsModule,
    ],
  }).compile();
  const app = await moduleRef.init();
  let failed = false;
  try {
    const commands = app.get(CommandBus);
    const meta: ActorMeta = {
      tenantId,
      actorId: 'bench-clerk',
      correlationId: `bench-${randomUUID()}`,
      roles: ['clerk'],
    };
    const registered: RegisteredImport = await commands.execute(
      new RegisterImport(meta, {
        kind: 'accounts',
        mapping: 'accounts',
        filePath: file,
        fileName: 'accounts-200k.csv',
      }),
    );
    gc();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const liveHeapAfterChunk: number[] = [];
    const started = performance.now();
    const view: ImportView = await commands
      .execute(
        new RunImport(meta, registered.import.id, {
          onProgress: (p) => {
            if (p.phase !== 'committed') return;
            gc();
            liveHeapAfterChunk.push(process.memoryUsage().heapUsed);
          },
        }),
      )
      .finally(() => clearInterval(sampler));
    const [first, ...rest] = liveHeapAfterChunk;
    const figures = {
      rows: view.rowsOk,
      status: view.status,
      counts: view.counts,
      seconds: +((performance.now() - started) / 1000).toFixed(1),
      loadAverage: +loadavg()[0].toFixed(2),
      chunks: liveHeapAfterChunk.length,
      heapGrowthAfterFirstChunkMb: +((Math.max(...rest) - first) / MB).toFixed(1),
      liveHeapAboveStartMb: +((Math.max(...liveHeapAfterChunk) - base.heapUsed) / MB).toFixed(1),
      rssGrowthMb: +((peakRss - base.rss) / MB).toFixed(1),
    };
    // Holding the file (or its rows) would grow the heap by ~40 MB per chunk; streaming
    // keeps what survives a GC within a chunk's working set, whatever the file size.
    const limits = {
      succeeded: view.status === 'succeeded' && view.rowsOk === ROWS,
      // Every fifth account is a second loan of the row before's debtor.
      counts: view.counts.accountsCreated === ROWS && view.counts.debtorsCreated === (ROWS * 4) / 5,
      fourChunks: figures.chunks === 4,
      heapFlatUnder16Mb: figures.heapGrowthAfterFirstChunkMb < 16,
      liveHeapUnder64Mb: figures.liveHeapAboveStartMb < 64,
      rssGrowthUnder200Mb: figures.rssGrowthMb < 200,
    };
    failed = Object.values(limits).some((ok) => !ok);
    console.log(JSON.stringify({ figures, limits }, null, 2));
  } finally {
    await app.close();
    await dropDatabase(db);
    rmSync(file, { force: true });
    rmSync(storage, { recursive: true, force: true });
  }
  if (failed) {
    console.error('import-memory: a memory limit was broken');
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
