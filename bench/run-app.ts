import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliModule } from '../apps/cli/src/cli.module';
import { DemoCommand } from '../apps/cli/src/commands/demo.command';
import { Clock, FixedClock } from '../libs/calendar/src';
import { AppConfigModule, systemMeta } from '../libs/core/src';
import { DbModule, RedisModule, TenantTx } from '../libs/db/src';
import {
  ExecuteRun,
  OperationsModule,
  RequestRun,
  type RequestedRun,
  type RunMode,
  type RunView,
} from '../libs/operations/src';
import { TenancyModule } from '../libs/tenancy/src';

/*
 * The daily-run benchmark's child process (not a benchmark itself: bench.js runs only
 * *.bench.ts). `seed --today <date>` creates the six demo tenants with their packs and a small
 * book on a fixed clock; `run --as-of <date> [--tenants a,b]` executes each tenant's daily run
 * through RequestRun + ExecuteRun in this process, as the CLI and the worker do, and prints
 * one JSON line: every run's view (steps with their ms and counts) and this process's peak
 * RSS. DATABASE_URL names the bench database.
 */

/** The built-in daily run and nothing else: the steps the benchmark measures. */
@Module({
  imports: [
    AppConfigModule.forRoot(),
    CqrsModule.forRoot(),
    DbModule,
    RedisModule,
    TenancyModule,
    OperationsModule,
  ],
})
class BenchRunModule {}

/** The tenants' own 01:00 (Asia/Shanghai) on the date: when the scheduler fires the run. */
const runInstant = (date: string) => new Date(`${date}T01:00:00+08:00`);

/**
 * The system clock moved back to the run's night: time passes as it does for the worker, so
 * the run row's step timestamps (and thus its per-step ms) are real.
 */
class NightClock extends Clock {
  private readonly offset: number;

  constructor(start: Date) {
    super();
    this.offset = start.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}

async function boot(root: unknown, clock: Clock): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({ imports: [root as typeof BenchRunModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .setLogger({ log() {}, warn() {}, error: console.error, debug() {}, verbose() {} })
    .compile();
  return moduleRef.init();
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function seed(): Promise<void> {
  const today = option('--today') as string;
  // The bench tenants' passwords are throwaway: `demo` writes them to a temp file, and the
  // operator's own .qingshou/demo-credentials.txt is left as it was.
  const scratch = mkdtempSync(join(tmpdir(), 'qs-bench-demo-'));
  process.env.DEMO_CREDENTIALS_FILE = join(scratch, 'demo-credentials.txt');
  const app = await boot(CliModule, new FixedClock(`${today}T02:00:00+08:00`));
  try {
    await app.get(DemoCommand).seed({ size: Number(option('--size') ?? 50), historyDays: 0 });
  } finally {
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

interface TenantRun {
  slug: string;
  wallMs: number;
  run: RunView;
}

async function run(): Promise<void> {
  const asOf = option('--as-of') as string;
  const slugs = option('--tenants')?.split(',');
  // `incremental` as the scheduler asks; `full` as the admin's request (the bench's default).
  const mode = (option('--mode') ?? 'full') as RunMode;
  // The night before is run late that day (--at): after the demo seed's own clock.
  const at = option('--at');
  const app = await boot(BenchRunModule, new NightClock(at ? new Date(at) : runInstant(asOf)));
  const commands = app.get(CommandBus);
  const tx = app.get(TenantTx);
  const runs: TenantRun[] = [];
  const started = performance.now();
  try {
    const tenants = await tx.runUnscoped((em) =>
      em.execute<{ id: string; slug: string }[]>(
        `select id, slug from tenants where slug like 'demo-%' order by slug`,
      ),
    );
    for (const tenant of tenants.filter((t) => !slugs || slugs.includes(t.slug))) {
      // The worker's scheduler runs as the system, as here.
      const meta = systemMeta({
        tenantId: tenant.id,
        actorId: 'bench',
        correlationId: `bench-${randomUUID()}`,
      });
      const t0 = performance.now();
      const requested: RequestedRun = await commands.execute(
        new RequestRun(meta, 'escalation', asOf, false, mode),
      );
      const view: RunView = await commands.execute(
        new ExecuteRun(meta, requested.run.id, { finalAttempt: true }),
      );
      runs.push({ slug: tenant.slug, wallMs: performance.now() - t0, run: view });
      process.stderr.write(
        `  ${tenant.slug.padEnd(18)} ${((performance.now() - t0) / 1000).toFixed(1)} s ${view.state}\n`,
      );
    }
  } finally {
    await app.close();
  }
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      wallMs: performance.now() - started,
      maxRssMb: usage.maxRSS / 1024,
      cpuUserMs: usage.userCPUTime / 1000,
      cpuSystemMs: usage.systemCPUTime / 1000,
      runs,
    }),
  );
}

const command = process.argv[2];
(command === 'seed' ? seed() : command === 'run' ? run() : Promise.reject(new Error(command)))
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
