import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  GenerateReport,
  GetReportFile,
  ListReports,
  type ReportFile,
  type ReportRunView,
  type ReportsView,
  revealsInReports,
} from '@qingshou/reporting';
import { Clock, localDateOf } from '@qingshou/calendar';
import { GetMe, Me } from '@qingshou/tenancy';
import type { Response } from 'express';
import { GenerateReportBody } from '../../reports/reports.dto';
import { attachmentDisposition } from '../../reports/content-disposition';
import { emptyForm, FormSpec, FormState, submitForm, validateForm } from '../forms/form-state';
import { Permission } from '../../auth/access.decorators';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { nameIn } from '../dashboard/dashboard-model';

const GENERATE: FormSpec = { id: 'report', fields: ['asOf', 'format', 'lang'] };

/** 周报/月报: the pinned pack's report catalogue, generated on demand, downloaded. */
@ConsoleController('reports', 'report.read')
export class ReportsPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page('reports/index', page, await this.model(page, null, null));
  }

  @Post(':reportId')
  @Permission('report.run')
  async generate(
    @Page() page: PageContext,
    @Param('reportId') reportId: string,
    @Body() body: unknown,
  ): Promise<string> {
    const checked = await validateForm(GenerateReportBody, GENERATE, body);
    if (!checked.ok) return this.fail(page, reportId, checked.form);
    const { asOf, format, lang } = checked.value;
    const done = await submitForm(GENERATE, checked.values, () =>
      this.commands.execute<GenerateReport, ReportRunView>(
        new GenerateReport(page.meta(), reportId, asOf, format ?? 'xlsx', lang ?? page.lang),
      ),
    );
    if (!done.ok) return this.fail(page, reportId, done.form);
    if (!page.htmx) throw new ConsoleRedirect('/console/reports', 'flash.reportGenerated');
    return this.views.partial('reports/index.main', page, {
      ...(await this.model(page, null, null)),
      flash: 'flash.reportGenerated',
      generated: done.result.id,
    });
  }

  @Get('runs/:id/download')
  async download(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.queries.execute<GetReportFile, ReportFile>(
      new GetReportFile(page.meta(), id),
    );
    response.status(200);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    response.setHeader('Content-Length', String(file.content.length));
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(file.content);
  }

  private async fail(page: PageContext, reportId: string, form: FormState): Promise<never> {
    const model = await this.model(page, reportId, form);
    const html = page.htmx
      ? await this.views.partial('reports/index.main', page, model)
      : await this.views.page('reports/index', page, model);
    throw new ConsoleHtml(html, 422);
  }

  private async model(page: PageContext, failedId: string | null, failed: FormState | null) {
    const view = await this.queries.execute<ListReports, ReportsView>(
      new ListReports(page.meta(), undefined, 30),
    );
    const me = await this.queries.execute<GetMe, Me>(new GetMe(page.meta()));
    const today = localDateOf(this.clock.now(), me.tenant.timeZone);
    const reveals = revealsInReports(page.meta().roles);
    const names = new Map(view.reports.map((r) => [r.id, nameIn(page.lang, r.names, r.id)]));
    return {
      title: 'reports.title',
      pack: view.pack,
      reports: view.reports.map((r) => ({
        id: r.id,
        name: names.get(r.id),
        every: r.schedule.every,
        form:
          r.id === failedId && failed
            ? { ...failed, id: `report-${r.id}` }
            : emptyForm(
                { ...GENERATE, id: `report-${r.id}` },
                { asOf: today, format: 'xlsx', lang: page.lang },
              ),
      })),
      // A file with whole card numbers is offered only to a reader who may see them.
      runs: view.runs.map((run) => ({
        ...run,
        name: names.get(run.reportId) ?? run.reportId,
        downloadable: run.state === 'done' && (!run.revealed || reveals),
      })),
      formats: ['xlsx', 'html', 'pdf'],
      langs: [
        { value: 'zh', label: '中文' },
        { value: 'en', label: 'English' },
      ],
      flash: null as string | null,
      generated: null as string | null,
    };
  }
}
