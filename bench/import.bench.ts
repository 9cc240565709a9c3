import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { writeAccountsCsv } from './accounts-csv';
import {
  dropDatabase,
  freshDatabase,
  ledgerFloor,
  PG_BASE,
  rawCopy,
  watchPeakRss,
  withClient,
} from './bench-db';

interface Args {
  accounts: number;
  schedule: 'bullet' | 'monthly';
  chunkSize?: number;
  floor: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { accounts: 1_000_000, schedule: 'bullet', floor: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--accounts':
        args.accounts = Number(value.replace(/_/g, ''));
        i++;
        break;
      case '--schedule':
        args.schedule = value === 'monthly' ? 'monthly' : 'bullet';
        i++;
        break;
      case '--chunk-size':
        args.chunkSize = Number(value);
        i++;
        break;
      case '--no-floor':
        args.floor = false;
        break;
      case '--keep':
        args.keep = true;
        break;
      default:
        if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!Number.isInteger(args.accounts) || args.accounts < 1)
    throw new Error('--accounts must be a whole number');
  return args;
}

const ROOT = resolve(__dirname, '../..');
const CLI = resolve(ROOT, 'dist/apps/cli/src/main.js');
const WORK = resolve(ROOT, 'var/bench');

function cli(env: NodeJS.ProcessEnv, args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { env, cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`cli ${args[0]} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** The import as an operator runs it: the CLI in its own process, its peak RSS watched. */
async function runImport(env: NodeJS.ProcessEnv, file: string, chunkSize?: number) {
  const args = [
    CLI,
    'import',
    file,
    '--tenant',
    'bench',
    '--kind',
    'accounts',
    '--json',
    '--timings',
  ];
  if (chunkSize) args.push('--chunk-size', String(chunkSize));
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const watch = watchPeakRss(child.pid as number);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 1)));
  const sampledMb = watch.stop();
  const wallMs = performance.now() - started;
  if (code !== 0) throw new Error(`import exited with ${code}: ${out}`);
  const summary = JSON.parse(out.trim().split('\n').pop() as string);
  return { summary, wallMs, peakRssMb: Math.max(sampledMb, summary.maxRssMb) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  const file = resolve(WORK, `accounts-${args.accounts}-${args.schedule}.csv`);
  if (!existsSync(file)) {
    const started = performance.now();
    await writeAccountsCsv(file, { rows: args.accounts, schedule: args.schedule });
    console.log(`generated ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const size = statSync(file).size;
  // Other work on the machine skews every figure; the load average is recorded with them.
  const loadBefore = loadavg()[0];
  const stamp = Date.now();
  const db = `qs_bench_${stamp}`;
  const url = await freshDatabase(db);
  const env = {
    ...process.env,
    DATABASE_URL: url,
    STORAGE_DIR: resolve(WORK, `storage-${stamp}`),
    LOG_LEVEL: 'error',
  };
  try {
    cli(env, [
      'tenant',
      'create',
      '--slug',
      'bench',
      '--name',
      '基准测试',
      '--kind',
      'credit-coop',
    ]);
    const raw = await rawCopy(url, file);
    const imported = await runImport(env, file, args.chunkSize);
    const view = imported.summary.import;
    const pipelineMs = Date.parse(view.finishedAt) - Date.parse(view.startedAt);
    let floor: Record<string, number> | undefined;
    if (args.floor) {
      // Its own database: the ledger tables as empty as the import found them.
      const floorDb = `${db}_floor`;
      const floorUrl = await freshDatabase(floorDb);
      const tenantId = await withClient(floorUrl, async (c) => {
        await c.query(
          `insert into tenants (id, slug, name, kind) values (gen_random_uuid(), 'floor', 'floor', 'credit-coop')`,
        );
        return (await c.query(`select id from tenants where slug = 'floor'`)).rows[0].id as string;
      });
      await rawCopy(floorUrl, file);
      floor = await ledgerFloor(floorUrl, tenantId);
      if (!args.keep) await dropDatabase(floorDb);
    }
    const floorMs = floor ? Object.values(floor).reduce((a, b) => a + b, 0) : undefined;
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        pg: PG_BASE,
        loadAverage: { before: +loadBefore.toFixed(2), after: +loadavg()[0].toFixed(2) },
      },
      accounts: args.accounts,
      schedule: args.schedule,
      fileMb: +(size / 2 ** 20).toFixed(1),
      rawCopy: { seconds: +(raw.ms / 1000).toFixed(2), rows: raw.rows },
      import: {
        status: view.status,
        rowsOk: view.rowsOk,
        rowsFailed: view.rowsFailed,
        pipelineSeconds: +(pipelineMs / 1000).toFixed(2),
        processSeconds: +(imported.wallMs / 1000).toFixed(2),
        rowsPerSecond: view.rowsPerSecond,
        peakRssMb: Math.round(imported.peakRssMb),
        counts: view.counts,
        timingsSeconds: Object.fromEntries(
          Object.entries(imported.summary.timings as Record<string, number>).map(([k, v]) => [
            k,
            +(v / 1000).toFixed(2),
          ]),
        ),
      },
      ratio: {
        pipelineToRawCopy: +(pipelineMs / raw.ms).toFixed(1),
        processToRawCopy: +(imported.wallMs / raw.ms).toFixed(1),
        floorToRawCopy: floorMs ? +(floorMs / raw.ms).toFixed(1) : null,
      },
      floor: floor && {
        seconds: +((floorMs as number) / 1000).toFixed(2),
        steps: Object.fromEntries(
          Object.entries(floor).map(([k, v]) => [k, +(v / 1000).toFixed(2)]),
        ),
      },
      goals: {
        ratioAtMost2: pipelineMs / raw.ms <= 2,
        peakRssAtMost300Mb: imported.peakRssMb <= 300,
      },
    };
    const out = resolve(WORK, `import-${args.accounts}-${args.schedule}-${stamp}.json`);
    writeFileSync(out, JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `\nraw COPY ${result.rawCopy.seconds} s | import ${result.import.pipelineSeconds} s (process ${result.import.processSeconds} s) | ratio ${result.ratio.pipelineToRawCopy}× (goal ≤ 2×) | peak RSS ${result.import.peakRssMb} MB (goal ≤ 300 MB)`,
    );
    console.log(`written to ${out}`);
  } finally {
    if (!args.keep) {
      await dropDatabase(db);
      // The CLI stored its own copy of the file there (it imports what it stored).
      rmSync(env.STORAGE_DIR, { recursive: true, force: true });
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
