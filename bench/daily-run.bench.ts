import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, freshDatabase, PG_BASE, watchPeakRss, withClient } from './bench-db';
import { renderThroughput, type RenderFigures } from './render-throughput';
import { generatePortfolio } from './run-portfolio';
import { runSqlScript, type ScriptFigures } from './run-script';

/*
 * `npm run bench -- --only run [--sizes 100000,300000,1000000] [--run-date 2026-11-20]
 *   [--no-script] [--no-render] [--cpu-prof] [--keep]`
 * The daily run (issue 6) over a generated book of each size across the six demo tenants,
 * against a hand-written set-based SQL script doing the same recomputation and stage moves;
 * notice rendering against bare handlebars; the run process's peak RSS.
 */

interface Args {
  sizes: number[];
  runDate: string;
  script: boolean;
  render: boolean;
  cpuProf: boolean;
  keep: boolean;
  tenants?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sizes: [100_000, 300_000, 1_000_000],
    runDate: '2026-11-20',
    script: true,
    render: true,
    cpuProf: false,
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--sizes':
      case '--accounts':
        args.sizes = value.split(',').map((s) => Number(s.replace(/_/g, '')));
        i++;
        break;
      case '--run-date':
        args.runDate = value;
        i++;
        break;
      case '--tenants':
        args.tenants = value;
        i++;
        break;
      case '--no-script':
        args.script = false;
        break;
      case '--no-render':
        args.render = false;
        break;
      case '--cpu-prof':
        args.cpuProf = true;
        break;
      case '--keep':
        args.keep = true;
        break;
      default:
        if (argv[i].startsWith('--')) throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (args.sizes.some((n) => !Number.isInteger(n) || n < 1000))
    throw new Error('--sizes must be whole numbers ≥ 1000, comma-separated');
  if (!/^2026-\d\d-\d\d$/.test(args.runDate))
    throw new Error('--run-date must be a date in 2026 (the PRC calendar data ends 2026-12-31)');
  return args;
}

const ROOT = resolve(__dirname, '../..');
const APP = resolve(__dirname, 'run-app.js');
const WORK = resolve(ROOT, 'var/bench');

const seconds = (ms: number) => +(ms / 1000).toFixed(2);
const load = () => +loadavg()[0].toFixed(2);

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

async function cloneDatabase(from: string, to: string): Promise<string> {
  await dropDatabase(to);
  await withClient(`${PG_BASE}/postgres`, (c) =>
    c.query(`create database "${to}" template "${from}"`),
  );
  return `${PG_BASE}/${to}`;
}

interface RunFigures {
  processSeconds: number;
  runsSeconds: number;
  peakRssMb: number;
  cpuSeconds: number;
  counts: Record<string, number>;
  stepSeconds: Record<string, number>;
  tenants: { slug: string; seconds: number; state: string; counts: Record<string, number> }[];
}

/** The run in its own process, as the worker would execute it; its VmHWM watched. */
async function runDailyRun(
  env: NodeJS.ProcessEnv,
  args: Args,
  label: string,
  how: { mode: 'full' | 'incremental'; asOf?: string; at?: string } = { mode: 'full' },
) {
  const nodeArgs = args.cpuProf
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${resolve(WORK, 'prof')}`,
        `--cpu-prof-name=run-${label}.cpuprofile`,
      ]
    : [];
  const argv = [...nodeArgs, APP, 'run', '--as-of', how.asOf ?? args.runDate, '--mode', how.mode];
  if (how.at) argv.push('--at', how.at);
  if (args.tenants) argv.push('--tenants', args.tenants);
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const watch = watchPeakRss(child.pid as number);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise<number>((done) => child.on('exit', (c) => done(c ?? 1)));
  const sampledMb = watch.stop();
  const processMs = performance.now() - started;
  if (code !== 0) throw new Error(`the run process exited with ${code}: ${out}`);
  const result = JSON.parse(out.trim().split('\n').pop() as string) as {
    wallMs: number;
    maxRssMb: number;
    cpuUserMs: number;
    cpuSystemMs: number;
    runs: {
      slug: string;
      wallMs: number;
      run: { state: string; counts: Record<string, number>; steps: { name: string; ms: number }[] };
    }[];
  };
  const counts: Record<string, number> = {};
  const stepMs: Record<string, number> = {};
  for (const r of result.runs) {
    for (const [k, v] of Object.entries(r.run.counts)) counts[k] = (counts[k] ?? 0) + v;
    for (const s of r.run.steps) stepMs[s.name] = (stepMs[s.name] ?? 0) + s.ms;
  }
  const figures: RunFigures = {
    processSeconds: seconds(processMs),
    runsSeconds: seconds(result.wallMs),
    peakRssMb: Math.round(Math.max(sampledMb, result.maxRssMb)),
    cpuSeconds: seconds(result.cpuUserMs + result.cpuSystemMs),
    counts,
    stepSeconds: Object.fromEntries(Object.entries(stepMs).map(([k, v]) => [k, seconds(v)])),
    tenants: result.runs.map((r) => ({
      slug: r.slug,
      seconds: seconds(r.wallMs),
      state: r.run.state,
      counts: r.run.counts,
    })),
  };
  if (figures.tenants.some((t) => t.state !== 'succeeded'))
    throw new Error(`a run did not succeed: ${JSON.stringify(figures.tenants)}`);
  return figures;
}

interface SizeFigures {
  accounts: number;
  generateSeconds: number;
  loadAverage: { before: number; after: number };
  run: RunFigures;
  /** The scheduled (incremental) run of the same date on the same book, after the night before. */
  incremental: RunFigures | null;
  script: ScriptFigures | null;
  incrementalToScript: number | null;
  runToScript: number | null;
  secondsPer100k: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  const stamp = Date.now();
  const base = `qs_bench_run_${stamp}`;
  const envFor = (db: string): NodeJS.ProcessEnv => ({
    ...process.env,
    DATABASE_URL: `${PG_BASE}/${db}`,
    REDIS_KEY_PREFIX: `${db}:`,
    LOG_LEVEL: 'error',
  });
  const created: string[] = [];
  const sizes: SizeFigures[] = [];
  let render: RenderFigures | null = null;
  const loadBefore = load();
  const benchStarted = performance.now();
  try {
    // The six demo tenants with their packs pinned and a small book, escalated the day before.
    const template = `${base}_tpl`;
    created.push(template);
    await freshDatabase(template);
    const seed = spawnSync(
      process.execPath,
      [APP, 'seed', '--today', dayBefore(args.runDate), '--size', '50'],
      { env: envFor(template), cwd: ROOT, encoding: 'utf8' },
    );
    if (seed.status !== 0) throw new Error(`demo seeding failed: ${seed.stderr || seed.stdout}`);
    for (const size of args.sizes) {
      const db = `${base}_${size}`;
      created.push(db);
      const url = await cloneDatabase(template, db);
      const g0 = performance.now();
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        await generatePortfolio(client, { total: size, runDate: args.runDate });
        await client.query('checkpoint');
      } finally {
        await client.end();
      }
      const generateMs = performance.now() - g0;
      // The night before, as the scheduler ran it: the incremental run follows it. The demo
      // seed's own run of that date is replaced, late that day (after the seed's clock).
      const yesterday = dayBefore(args.runDate);
      await withClient(url, (c) => c.query(`delete from runs where as_of = $1`, [yesterday]));
      const night = await runDailyRun(envFor(db), args, `${size}-before`, {
        mode: 'full',
        asOf: yesterday,
        at: `${yesterday}T23:00:00+08:00`,
      });
      console.log(`  the night before (full) ${night.runsSeconds} s`);
      created.push(`${db}_inc`);
      const incUrl = await cloneDatabase(db, `${db}_inc`);
      // --keep: the book as the incremental run finds it, to run that night again by hand.
      if (args.keep) await cloneDatabase(db, `${db}_pre`);
      let scriptUrl: string | null = null;
      if (args.script) {
        created.push(`${db}_sql`);
        scriptUrl = await cloneDatabase(db, `${db}_sql`);
      }
      const before = load();
      console.log(
        `${size} accounts: generated in ${seconds(generateMs)} s; the run… (load ${before})`,
      );
      const run = await runDailyRun(envFor(db), args, String(size));
      console.log(`  run ${run.runsSeconds} s, peak RSS ${run.peakRssMb} MB`);
      const incremental = await runDailyRun(
        { ...envFor(db), DATABASE_URL: incUrl },
        args,
        `${size}-incremental`,
        { mode: 'incremental' },
      );
      console.log(`  incremental run ${incremental.runsSeconds} s`);
      if (!args.keep) await dropDatabase(`${db}_inc`);
      let script: ScriptFigures | null = null;
      if (scriptUrl) {
        script = await runSqlScript(scriptUrl, args.runDate);
        console.log(`  SQL script ${script.seconds} s`);
        if (!args.keep) await dropDatabase(`${db}_sql`);
      }
      if (args.render && !render) render = await renderThroughput(`${PG_BASE}/${db}`);
      if (!args.keep) await dropDatabase(db);
      sizes.push({
        accounts: size,
        generateSeconds: seconds(generateMs),
        loadAverage: { before, after: load() },
        run,
        incremental,
        script,
        runToScript: script ? +(run.runsSeconds / script.seconds).toFixed(2) : null,
        incrementalToScript: script ? +(incremental.runsSeconds / script.seconds).toFixed(2) : null,
        secondsPer100k: +((run.runsSeconds / size) * 100_000).toFixed(2),
      });
    }
  } finally {
    if (!args.keep) for (const db of created) await dropDatabase(db);
  }
  const largest = sizes[sizes.length - 1];
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      pg: PG_BASE,
      loadAverage: { before: loadBefore, after: load() },
    },
    runDate: args.runDate,
    benchSeconds: seconds(performance.now() - benchStarted),
    sizes,
    render,
    goals: {
      runToScriptAtMost1_5: largest?.runToScript != null ? largest.runToScript <= 1.5 : null,
      incrementalToScriptAtMost1_5:
        largest?.incrementalToScript != null ? largest.incrementalToScript <= 1.5 : null,
      renderAtLeast80Percent: render ? render.engineToBare >= 0.8 : null,
      peakRssAtMost512Mb: sizes.every((s) => s.run.peakRssMb <= 512),
      linear: sizes.map((s) => ({ accounts: s.accounts, secondsPer100k: s.secondsPer100k })),
    },
  };
  const out = resolve(WORK, `daily-run-${stamp}.json`);
  writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  for (const s of sizes) {
    console.log(
      `${s.accounts} incremental ${s.incremental?.runsSeconds} s (${s.incrementalToScript}× script); steps ${JSON.stringify(s.incremental?.stepSeconds)}`,
    );
  }
  console.log('\naccounts   run s  script s  run/script  s/100k  peak RSS MB  load');
  for (const s of sizes) {
    console.log(
      `${String(s.accounts).padStart(9)} ${String(s.run.runsSeconds).padStart(7)} ${String(
        s.script?.seconds ?? '-',
      ).padStart(9)} ${String(s.runToScript ?? '-').padStart(11)} ${String(
        s.secondsPer100k,
      ).padStart(
        7,
      )} ${String(s.run.peakRssMb).padStart(12)}  ${s.loadAverage.before}→${s.loadAverage.after}`,
    );
  }
  if (render)
    console.log(
      `rendering: engine ${render.engine.perSecond}/s, bare handlebars ${render.bare.perSecond}/s → ${Math.round(render.engineToBare * 100)}% (goal ≥ 80%)`,
    );
  console.log(`written to ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
