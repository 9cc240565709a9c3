import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '@qingshou/calendar';
import { EventLog } from '@qingshou/db';
import { MetricCalculator } from '@qingshou/outcomes';
import { buildReport, type ReportContext } from '../document/build-report';
import type { ReportData } from '../document/report-data';
import type { Lang, ReportDocument } from '../document/report-document';
import { ReportPrinter } from '../render/pdf-report.printer';
import { renderHtmlReport } from '../render/html-report.renderer';
import { reportFileName } from '../render/report-meta';
import { writeXlsxReport } from '../render/xlsx-report.writer';
import type { ScheduledPeriod } from '../support/report-schedule';
import { type ReportFormat, type ReportRunView, saveRun } from './report-runs';

export interface GenerateRequest {
  readonly actorId: string;
  readonly correlationId: string;
  readonly report: ReportData;
  readonly asOf: string;
  readonly period: ScheduledPeriod;
  readonly formats: readonly ReportFormat[];
  readonly trigger: 'schedule' | 'demand';
  readonly lang?: Lang;
}

/**
 * Builds a report once and writes it in each format asked for, inside the caller's
 * transaction, with a `ReportGenerated` event per stored file (reports name debtors: who
 * produced which file is audit matter).
 */
@Injectable()
export class ReportGenerator {
  constructor(
    private readonly calculator: MetricCalculator,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly printer: ReportPrinter,
  ) {}

  private async render(doc: ReportDocument, format: ReportFormat, lang: Lang): Promise<Buffer> {
    if (format === 'xlsx') return writeXlsxReport(doc, lang);
    if (format === 'pdf') return this.printer.print(doc, lang);
    return renderHtmlReport(doc, lang);
  }

  async generate(
    em: EntityManager,
    ctx: ReportContext,
    request: GenerateRequest,
  ): Promise<ReportRunView[]> {
    const now = this.clock.now();
    const doc = await buildReport(
      em,
      this.calculator,
      ctx,
      request.report,
      request.asOf,
      request.period,
      now,
    );
    const stored: ReportRunView[] = [];
    for (const format of request.formats) {
      const lang = request.lang ?? 'zh';
      const content = await this.render(doc, format, lang);
      const run = await saveRun(
        em,
        {
          tenantId: ctx.tenantId,
          reportId: request.report.id,
          period: request.period,
          asOf: request.asOf,
          format,
          trigger: request.trigger,
          pack: doc.pack,
          fileName: reportFileName(doc, format, request.lang ?? 'zh'),
          content,
          requestedBy: request.actorId,
          createdAt: now,
          revealed: ctx.masking.showedWhole,
        },
        request.trigger === 'demand',
      );
      if (run) stored.push(run);
    }
    await this.events.append(
      em,
      {
        tenantId: ctx.tenantId,
        actorId: request.actorId,
        correlationId: request.correlationId,
        occurredAt: now,
      },
      stored.map((run) => ({
        type: 'ReportGenerated',
        aggregateType: 'report-run',
        aggregateId: run.id,
        payload: {
          reportId: run.reportId,
          period: run.period,
          asOf: run.asOf,
          format: run.format,
          trigger: run.trigger,
          sizeBytes: run.sizeBytes,
          sha256: run.sha256,
        },
      })),
    );
    return stored;
  }
}
