import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CalendarModule } from '@qingshou/calendar';
import { AppConfig } from '@qingshou/core';
import { PdfBrowserPool } from '@qingshou/notices';
import { MetricCalculator } from '@qingshou/outcomes';
import { GenerateReportHandler } from './generate-report/generate-report.handler';
import { GetReportFileHandler } from './get-report-file/get-report-file.handler';
import { ListReportsHandler } from './list-reports/list-reports.handler';
import { ApplyRetentionHandler } from './retention/apply-retention/apply-retention.handler';
import { SetLegalHoldHandler } from './retention/set-legal-hold/set-legal-hold.handler';
import { StoredFileEraser, LocalDiskFileEraser } from './retention/stored-file-eraser';
import { RunDueReportsHandler } from './run-due-reports/run-due-reports.handler';
import { ReportGenerator } from './runs/report-generator';
import { REPORT_PDF_POOL, ReportPrinter } from './render/pdf-report.printer';

/**
 * The packs' reports (generated on schedule and on demand, XLSX, HTML and PDF) and retention
 * (purge or anonymise after the pack's period, legal holds). The API, the worker and the
 * CLI import this module as is.
 */
@Module({
  imports: [CqrsModule, CalendarModule],
  providers: [
    // Stateless: the same class policy's own module provides, here for our handlers.
    MetricCalculator,
    ReportGenerator,
    // PDFs of reports: a pool of the notices' kind, launched on the first report printed.
    // Its own token: provided as PdfBrowserPool it shadowed the notices' pool for app.get().
    {
      provide: REPORT_PDF_POOL,
      useFactory: (config: AppConfig) => new PdfBrowserPool(config),
      inject: [AppConfig],
    },
    ReportPrinter,
    GenerateReportHandler,
    RunDueReportsHandler,
    ListReportsHandler,
    GetReportFileHandler,
    { provide: StoredFileEraser, useClass: LocalDiskFileEraser },
    ApplyRetentionHandler,
    SetLegalHoldHandler,
  ],
  exports: [StoredFileEraser],
})
export class ReportingModule {}
