import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { dropDatabase, freshDatabase, PG_BASE } from './bench-db';
import { BENCH_PASSWORD, buildWork, type BenchUser } from './web-book';
import { phase, type Next, type PhaseFigures } from './web-load';
import { generatePortfolio } from './run-portfolio';

/*
 * `npm run bench -- --only web [--accounts 1000000] [--duration 30] [--connections 50]
 *   [--dashboard-connections 6] [--port 3190] [--api-workers 1] [--keep]`
 * Issue 15 §1: the pages people wait on, under 50 concurrent collectors, over a generated
 * book across the six demo tenants, beside a bare Nest route in the same run. Each phase
 * has a short warm-up, then `--duration` seconds of load; latencies are every response's
 * own (p50/p95/p99 from all of them), and any non-2xx answer fails the run. `--api-workers`
 * runs that many API processes behind the one port (the API's API_WORKERS, node:cluster).
 */

interface Args {
  accounts: number;
  duration: number;
  connections: number;
  dashboardConnections: number;
  port: number;
  apiWorkers: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    accounts: 1_000_000,
    duration: 30,
    connections: 50,
    dashboardConnections: 6,
    port: 3190,
    apiWorkers: 1,
    keep: false,
  };
  const number = (value: string | undefined, name: string) => {
    const n = Number(String(value).replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const flag = argv[i];
    if (flag === '--keep') args.keep = true;
    else if (flag === '--accounts') args.accounts = number(value, flag);
    else if (flag === '--duration') args.duration = number(value, flag);
    else if (flag === '--connections') args.connections = number(value, flag);
    else if (flag === '--dashboard-connections') args.dashboardConnections = number(value, flag);
    else if (flag === '--port') args.port = number(value, flag);
    else if (flag === '--api-workers') args.apiWorkers = number(value, flag);
    else throw new Error(`unknown option ${flag}`);
    if (flag !== '--keep') i++;
  }
  if (args.accounts < 1000) throw new Error('--accounts must be at least 1000');
  return args;
}

const BUILT = resolve(__dirname, '..');
const WORK = resolve(process.cwd(), 'var/bench');
const load = () => +loadavg()[0].toFixed(2);

/** Today in the demo tenants' zone: the server runs on the real clock. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function start(script: string, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [script, ...argv], {
    env,
    cwd: process.cwd(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A port nothing listens on now, for the bare app. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`${url} did not answer in 150 s`);
}

interface Session extends BenchUser {
  readonly cookie: string;
}

async function login(base: string, user: BenchUser): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      tenant: user.tenant,
      username: user.username,
      password: BENCH_PASSWORD,
    }),
  });
  if (response.status !== 200)
    throw new Error(`login ${user.tenant}/${user.username}: ${response.status}`);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { ...user, cookie: `qs_session=${accessToken}; qs_lang=zh` };
}

/** Each request as the next session in turn: every collector is asked for, evenly. */
function roundRobin(sessions: readonly Session[], pathOf: (s: Session, n: number) => string): Next {
  let n = 0;
  return () => {
    const session = sessions[n % sessions.length];
    n++;
    return { path: pathOf(session, n), cookie: session.cookie };
  };
}

async function measure(args: Args, base: string, bareUrl: string, sessions: Session[]) {
  const collectors = sessions.filter((s) => s.role === 'phone-collector');
  const withCases = collectors.filter((s) => s.caseIds.length > 0);
  const managers = sessions.filter((s) => s.role === 'manager');
  const pages = {
    worklist: () => roundRobin(collectors, () => '/console/work'),
    casePage: () =>
      roundRobin(withCases, (s, n) => `/console/cases/${s.caseIds[n % s.caseIds.length]}`),
    // 案件查询 with the search box: a generated debtor's name in part (压测债务人123…).
    caseSearch: () =>
      roundRobin(
        collectors,
        (_, n) => `/console/cases?q=${encodeURIComponent(`压测债务人${n % 1000}`)}`,
      ),
    dashboard: () => roundRobin(managers, () => '/console/dashboard'),
  };
  const figures: Record<string, PhaseFigures & { connections: number }> = {};
  const run = async (name: string, url: string, conns: number, next?: Next) => {
    // Warm-up (JIT, pools, the pack views' caches), which also sizes the measured phase.
    const warm = await phase(url, conns, { seconds: 3 }, next);
    const amount = Math.max(conns * 2, Math.round(warm.perSecond * args.duration));
    const f = await phase(url, conns, { amount }, next);
    figures[name] = { ...f, connections: conns };
    console.log(
      `  ${name.padEnd(10)} ${String(f.perSecond).padStart(7)} req/s  p50 ${f.p50}  p95 ${f.p95}  p99 ${f.p99} ms  ${f.requests} in ${f.seconds} s  (load ${load()})`,
    );
    if (f.non2xx || f.errors) console.log(`  ${name}: ${f.non2xx} non-2xx, ${f.errors} errors`);
  };
  await run('bare', bareUrl, args.connections);
  await run('worklist', base, args.connections, pages.worklist());
  await run('casePage', base, args.connections, pages.casePage());
  await run('caseSearch', base, args.connections, pages.caseSearch());
  await run('dashboard', base, args.dashboardConnections, pages.dashboard());
  return figures;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(WORK, { recursive: true });
  const stamp = Date.now();
  const db = `qs_bench_web_${stamp}`;
  const runDate = today();
  const url = `${PG_BASE}/${db}`;
  const scratch = mkdtempSync(join(tmpdir(), 'qs-bench-web-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    REDIS_KEY_PREFIX: `${db}:`,
    LOG_LEVEL: 'error',
    STORAGE_DIR: join(scratch, 'storage'),
  };
  const children: ChildProcess[] = [];
  const loadBefore = load();
  try {
    await freshDatabase(db);
    const t0 = performance.now();
    const seed = spawnSync(
      process.execPath,
      [join(BUILT, 'bench', 'run-app.js'), 'seed', '--today', runDate, '--size', '50'],
      { env, cwd: process.cwd(), encoding: 'utf8' },
    );
    if (seed.status !== 0) throw new Error(`demo seeding failed: ${seed.stderr || seed.stdout}`);
    const client = new Client({ connectionString: url });
    await client.connect();
    let users: BenchUser[];
    try {
      const shares = await generatePortfolio(client, { total: args.accounts, runDate });
      users = await buildWork(client, shares, runDate);
      await client.query('checkpoint');
    } finally {
      await client.end();
    }
    const buildSeconds = +((performance.now() - t0) / 1000).toFixed(1);
    console.log(`book of ${args.accounts} accounts built in ${buildSeconds} s`);
    const barePort = await freePort();
    const bare = start(join(BUILT, 'bench', 'web-bare.js'), [String(barePort)], env);
    const api = start(join(BUILT, 'apps', 'api', 'src', 'main.js'), [], {
      ...env,
      PORT: String(args.port),
      API_WORKERS: String(args.apiWorkers),
    });
    children.push(bare, api);
    const base = `http://127.0.0.1:${args.port}`;
    const bareUrl = `http://127.0.0.1:${barePort}/bare`;
    await waitFor(`${base}/api/v1/health`, api);
    await waitFor(bareUrl, bare);
    const sessions: Session[] = [];
    for (const user of users) sessions.push(await login(base, user));
    const collectors = sessions.filter((s) => s.role === 'phone-collector');
    console.log(`${collectors.length} collectors logged in; load ${load()}`);
    const figures = await measure(args, base, bareUrl, sessions);
    const share = (name: string) => +(figures[name].perSecond / figures.bare.perSecond).toFixed(3);
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        loadAverage: { before: loadBefore, after: load() },
      },
      args,
      runDate,
      buildSeconds,
      collectors: collectors.length,
      casesPerCollector: Math.round(
        collectors.reduce((sum, c) => sum + c.caseIds.length, 0) / collectors.length,
      ),
      figures,
      goals: {
        worklistP99AtMost150: figures.worklist.p99 <= 150,
        casePageP99AtMost150: figures.casePage.p99 <= 150,
        caseSearchP99AtMost150: figures.caseSearch.p99 <= 150,
        dashboardP99AtMost500: figures.dashboard.p99 <= 500,
        worklistThroughputShareOfBare: share('worklist'),
        casePageThroughputShareOfBare: share('casePage'),
        throughputAtLeast25Percent: share('worklist') >= 0.25 && share('casePage') >= 0.25,
      },
    };
    const out = resolve(WORK, `web-${stamp}.json`);
    writeFileSync(out, JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result.goals, null, 2));
    console.log(`written to ${out}`);
    const failed = Object.entries(figures).filter(([, f]) => f.non2xx || f.errors);
    if (failed.length) throw new Error(`failed answers in: ${failed.map(([n]) => n).join(', ')}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    rmSync(scratch, { recursive: true, force: true });
    if (args.keep) console.log(`kept database ${db}`);
    else await dropDatabase(db);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
