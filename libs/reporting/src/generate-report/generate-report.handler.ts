import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { isLocalDate } from '@qingshou/calendar';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ReportGenerator } from '../runs/report-generator';
import { REPORT_FORMATS, type ReportRunView } from '../runs/report-runs';
import { packReport, reportContext } from '../support/report-context';
import { onDemandReportPeriod } from '../document/build-report';
import { revealsInReports } from '../document/report-masking';
import { GenerateReport } from './generate-report.command';

@CommandHandler(GenerateReport)
export class GenerateReportHandler implements ICommandHandler<GenerateReport, ReportRunView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly generator: ReportGenerator,
  ) {}

  execute(command: GenerateReport): Promise<ReportRunView> {
    requirePermission(viewerOf(command), 'report.run');
    if (!isLocalDate(command.asOf)) {
      throw new ValidationFailedError('asOf is not a date', [
        { path: 'asOf', reason: 'must be a date written YYYY-MM-DD' },
      ]);
    }
    if (!REPORT_FORMATS.includes(command.format)) {
      throw new ValidationFailedError('unknown report format', [
        { path: 'format', reason: `must be one of ${REPORT_FORMATS.join(', ')}` },
      ]);
    }
    return this.tx.run(command.tenantId, async (em) => {
      // The file is the reader's: whole numbers for a role of the personal-data policy.
      const ctx = await reportContext(em, command.tenantId, revealsInReports(command.roles));
      const report = packReport(ctx, command.reportId);
      const [run] = await this.generator.generate(em, ctx, {
        actorId: command.actorId,
        correlationId: command.correlationId,
        report,
        asOf: command.asOf,
        period: onDemandReportPeriod(report, command.asOf),
        formats: [command.format],
        trigger: 'demand',
        lang: command.lang === 'en' ? 'en' : 'zh',
      });
      return run;
    });
  }
}
