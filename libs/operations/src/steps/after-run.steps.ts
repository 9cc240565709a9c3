import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { MonitorSlas, type MonitorSlasResult } from '@qingshou/collection';
import { DispatchNotices, type DispatchSummary } from '@qingshou/notices';
import { NOTICE_DISPATCH_JOB_OPTIONS, NoticeDispatchJobData, QUEUES } from '@qingshou/jobs';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';
import { PublishDueDriveProgress, type DueDrivePublications } from '@qingshou/outcomes';
import {
  ApplyRetention,
  type DueReportsResult,
  type RetentionResult,
  RunDueReports,
} from '@qingshou/reporting';
import { Queue } from 'bullmq';

/*
 * The nightly run's steps after the case ladder: each sends one idempotent command, so a
 * resumed run repeats a finished step harmlessly. The worker lists AFTER_RUN_STEPS (with the
 * notices queue); the CLI, which has no queues, lists CLI_RUN_STEPS.
 */

/** 篇三: drive progress published on the phase schedule, once per publication. */
@Injectable()
export class PublishDriveProgressStep implements RunStep {
  readonly name = 'publish-drive-progress';
  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const result: DueDrivePublications = await this.commands.execute(
      new PublishDueDriveProgress(ctx.meta, ctx.asOf),
    );
    return { drivePublications: result.published.length };
  }
}

/** Alerts for SLAs already breached when the run ends (the quarter-hour monitor does the day). */
@Injectable()
export class MonitorSlasStep implements RunStep {
  readonly name = 'monitor-slas';
  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const result: MonitorSlasResult = await this.commands.execute(
      new MonitorSlas(ctx.meta, ctx.now),
    );
    return { slaAlerts: result.raised };
  }
}

/**
 * Hands the day's notices to the notices queue rather than sending them inline: a letter's
 * PDF takes ~0.5 s and an SMTP server may be slow, neither of which should hold the run. The
 * job id is the run's, so a resumed run does not queue a second pass.
 */
@Injectable()
export class QueueNoticeDispatchStep implements RunStep {
  readonly name = 'queue-notice-dispatch';
  constructor(@InjectQueue(QUEUES.notices) private readonly queue: Queue) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const data: NoticeDispatchJobData = {
      tenantId: ctx.tenantId,
      correlationId: ctx.meta.correlationId,
      asOf: ctx.asOf,
    };
    await this.queue.add('dispatch', data, {
      ...NOTICE_DISPATCH_JOB_OPTIONS,
      jobId: `run-${ctx.runId}`,
    });
    return { noticeDispatchesQueued: 1 };
  }
}

/** The packs' weekly, monthly and yearly reports whose period ended by the run's date. */
@Injectable()
export class RunDueReportsStep implements RunStep {
  readonly name = 'run-due-reports';
  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const result: DueReportsResult = await this.commands.execute(
      new RunDueReports(ctx.meta, ctx.asOf),
    );
    return { reportsGenerated: result.generated.length, reportsFailed: result.failed.length };
  }
}

/** Purge or anonymise past the pack's retention period; legal holds are skipped. */
@Injectable()
export class ApplyRetentionStep implements RunStep {
  readonly name = 'apply-retention';
  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const result: RetentionResult = await this.commands.execute(
      new ApplyRetention(ctx.meta, ctx.asOf),
    );
    return { casesRetained: result.policies.reduce((n, p) => n + p.cases, 0) };
  }
}

export const AFTER_RUN_STEPS = [
  PublishDriveProgressStep,
  MonitorSlasStep,
  QueueNoticeDispatchStep,
  RunDueReportsStep,
  ApplyRetentionStep,
];

/** The CLI runs a day in its own process, without queues: it delivers the notices itself. */
@Injectable()
export class DispatchNoticesInlineStep implements RunStep {
  readonly name = 'queue-notice-dispatch';
  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const result: DispatchSummary = await this.commands.execute(
      new DispatchNotices(ctx.meta, ctx.asOf),
    );
    return { noticesDispatched: result.sent };
  }
}

export const CLI_RUN_STEPS = AFTER_RUN_STEPS.map((step) =>
  step === QueueNoticeDispatchStep ? DispatchNoticesInlineStep : step,
);
