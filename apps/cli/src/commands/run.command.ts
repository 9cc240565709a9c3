import { Module } from '@nestjs/common';
import { ReportingModule } from '@qingshou/reporting';
import { CommandBus } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import {
  ExecuteRun,
  CLI_RUN_STEPS,
  OperationsModule,
  RequestedRun,
  RequestRun,
  RunView,
} from '@qingshou/operations';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { performance } from 'node:perf_hooks';
import { operatorMeta } from './platform-actor';
import { tenantIdBySlug } from './tenant-lookup';

interface RunOptions {
  tenant: string;
  asOf?: string;
  json?: boolean;
  progress?: boolean;
  full?: boolean;
}

/**
 * `npm run cli -- run escalation --tenant <slug> --as-of <date> [--full]`: the daily run of one
 * tenant and date, executed in THIS process (like `import`). Inline rather than enqueue and
 * follow: it works with no worker running (a backfill on a maintenance night, a first
 * install), the progress bar reads the run's own checkpoints with no polling, and a failure
 * prints here. It is the same run row and the same steps the worker executes: a finished
 * day is returned as it is, an interrupted one resumes from its checkpoint, and if the
 * worker happens to execute the same run at the same time the compare-and-set checkpoints
 * keep every chunk counted once (every step is idempotent).
 * Exit code 0 succeeded, 1 failed.
 */
@SubCommand({
  name: 'escalation',
  description: "Run (or resume) the tenant's daily escalation run for a date, with a progress bar",
})
export class RunEscalationCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
  ) {
    super();
  }

  async run(_: string[], options: RunOptions): Promise<void> {
    const started = performance.now();
    const tenantId = await tenantIdBySlug(this.tx, options.tenant);
    const meta = operatorMeta(tenantId);
    const requested: RequestedRun = await this.commands.execute(
      new RequestRun(
        meta,
        'escalation',
        options.asOf,
        false,
        options.full ? 'full' : 'incremental',
      ),
    );
    const bar =
      options.progress === false || options.json
        ? undefined
        : new SingleBar({
            format: ' {bar} {percentage}% | {step} {done}/{total}',
            hideCursor: true,
            clearOnComplete: false,
          });
    bar?.start(100, 0, { step: 'starting', done: 0, total: '?' });
    const result: RunView = await this.commands.execute(
      new ExecuteRun(meta, requested.run.id, {
        finalAttempt: true,
        onProgress: (run: RunView) => {
          const p = run.progress as {
            percent?: number;
            step?: string | null;
            done?: number;
            total?: number | null;
          };
          bar?.update(Math.floor(p.percent ?? 0), {
            step: p.step ?? (run.state === 'succeeded' ? 'done' : ''),
            done: p.done ?? 0,
            total: p.total ?? '?',
          });
        },
      }),
    );
    bar?.stop();
    const elapsedMs = Math.round(performance.now() - started);
    if (options.json) {
      console.log(JSON.stringify({ run: result, created: requested.created, elapsedMs }));
    } else {
      printSummary(result, requested.created, elapsedMs);
    }
    process.exitCode = result.state === 'succeeded' ? 0 : 1;
  }

  @Option({ flags: '--tenant <slug>', required: true })
  parseTenant(value: string): string {
    return value;
  }

  @Option({
    flags: '--as-of <date>',
    description: "YYYY-MM-DD; default today in the tenant's zone",
  })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({
    flags: '--full',
    description: 'recompute every account and case (default: what changed since the last run)',
  })
  parseFull(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'print the run as one JSON line' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--no-progress', description: 'no progress bar' })
  parseProgress(): boolean {
    return false;
  }
}

function printSummary(run: RunView, created: boolean, elapsedMs: number): void {
  console.log(
    `run ${run.id}: ${run.kind} ${run.asOf} ${run.state}${created ? '' : ' (existing run)'} in ${(elapsedMs / 1000).toFixed(1)} s`,
  );
  for (const step of run.steps) {
    const counts = Object.entries(step.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    console.log(
      `  ${step.name.padEnd(20)} ${(step.ms / 1000).toFixed(1).padStart(6)} s  ${counts}`,
    );
  }
  if (run.error) console.log(`  error ${run.error}`);
}

@Command({
  name: 'run',
  description: 'Daily runs: escalation',
  subCommands: [RunEscalationCommand],
})
export class RunCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

/** The CLI imports this module for `run` and the operations lib it drives (in-process). */
@Module({
  imports: [OperationsModule.register({ extraSteps: CLI_RUN_STEPS, imports: [ReportingModule] })],
  providers: [RunCommand, RunEscalationCommand],
})
export class RunCliModule {}
