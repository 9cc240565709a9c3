import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, isLocalDate } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ReportGenerator } from '../runs/report-generator';
import { donePeriods, SCHEDULED_FORMATS, saveRun } from '../runs/report-runs';
import { reportContext } from '../support/report-context';
import { latestDue } from '../support/report-schedule';
import { DueReportsResult, RunDueReports } from './run-due-reports.command';

/**
 * One short transaction per report: a report that fails (a pack metric the SQL cannot
 * compute) is recorded as a failed run and does not hold back the others; the unique
 * (tenant, report, period, format) key turns a concurrent or repeated call into a no-op.
 */
@CommandHandler(RunDueReports)
export class RunDueReportsHandler implements ICommandHandler<RunDueReports, DueReportsResult> {
  constructor(
    private readonly tx: TenantTx,
    private readonly generator: ReportGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: RunDueReports): Promise<DueReportsResult> {
    requirePermission(viewerOf(command), 'report.run');
    if (!isLocalDate(command.asOf)) {
      throw new ValidationFailedError('asOf is not a date', [
        { path: 'asOf', reason: 'must be a date written YYYY-MM-DD' },
      ]);
    }
    const reports = await this.tx.run(
      command.tenantId,
      async (em) => (await reportContext(em, command.tenantId)).pack.spec.reports,
    );
    const result: { -readonly [K in keyof DueReportsResult]: DueReportsResult[K] } = {
      asOf: command.asOf,
      generated: [],
      upToDate: 0,
      failed: [],
    };
    for (const report of reports) {
      const period = latestDue(report.schedule, command.asOf);
      try {
        const stored = await this.tx.run(command.tenantId, async (em) => {
          const done = await donePeriods(em, command.tenantId, report.id, period.key);
          const formats = SCHEDULED_FORMATS.filter((f) => !done.has(f));
          if (formats.length === 0) return null;
          const ctx = await reportContext(em, command.tenantId);
          return this.generator.generate(em, ctx, {
            actorId: command.actorId,
            correlationId: command.correlationId,
            report,
            asOf: period.dueOn,
            period,
            formats,
            trigger: 'schedule',
          });
        });
        if (stored === null) result.upToDate += 1;
        for (const run of stored ?? []) {
          result.generated.push({ reportId: run.reportId, period: run.period, format: run.format });
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.failed.push({ reportId: report.id, error: message });
        await this.recordFailure(command, report.id, period, message);
      }
    }
    return result;
  }

  private async recordFailure(
    command: RunDueReports,
    reportId: string,
    period: ReturnType<typeof latestDue>,
    error: string,
  ): Promise<void> {
    await this.tx.run(command.tenantId, async (em) => {
      const ctx = await reportContext(em, command.tenantId);
      for (const format of SCHEDULED_FORMATS) {
        await saveRun(
          em,
          {
            tenantId: command.tenantId,
            reportId,
            period,
            asOf: period.dueOn,
            format,
            trigger: 'schedule',
            pack: { id: ctx.pack.packId, version: ctx.pack.version },
            fileName: `${reportId}_${period.dueOn}.${format}`,
            content: null,
            error: error.slice(0, 2000),
            requestedBy: command.actorId,
            createdAt: this.clock.now(),
          },
          false,
        );
      }
    });
  }
}
