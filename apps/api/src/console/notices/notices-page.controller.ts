import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NotFoundError } from '@qingshou/core';
import {
  GetNotice,
  GetNoticeHtml,
  RenderNoticePdf,
  NoticeDetail,
  RecordDelivery,
  RecordedDelivery,
} from '@qingshou/notices';
import type { Response } from 'express';
import { RecordDeliveryBody } from '../../notices/notices.dto';
import { emptyForm, FormSpec, FormState, submitForm, validateForm } from '../forms/form-state';
import { Permission } from '../../auth/access.decorators';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ListNotices, NoticeListRow } from '../queries/list-notices/list-notices.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

const DELIVERY: FormSpec = { id: 'delivery', fields: ['status', 'on'] };
const STATUS_FILTERS = [
  'draft',
  'sent',
  'signed',
  'refused',
  'undeliverable',
  'delivered',
  'failed',
];

/** What a delivery report may say per channel (the command checks it again). */
function outcomesFor(channel: string): string[] {
  if (channel === 'letter' || channel === 'registered-mail') {
    return ['sent', 'signed', 'refused', 'undeliverable'];
  }
  if (channel === 'sms' || channel === 'email' || channel === 'wechat') {
    return ['sent', 'delivered', 'failed'];
  }
  return ['delivered'];
}

/**
 * The letter as issued, for the preview frame and printing: the pack's template text is not
 * escaped, so the document may run nothing (no script source at all); same-origin only so
 * the console page can print the frame.
 */
const LETTER_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; sandbox allow-same-origin allow-modals",
  'X-Frame-Options': 'SAMEORIGIN',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'private, no-store',
};

/** 催收通知书: the list, a preview to print, and delivery reports with their deadline. */
@ConsoleController('notices', 'notice.read')
export class NoticesPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async list(@Page() page: PageContext, @Query('status') status?: string): Promise<string> {
    const filter = status && STATUS_FILTERS.includes(status) ? status : null;
    const notices = await this.queries.execute<ListNotices, NoticeListRow[]>(
      new ListNotices(page.meta(), filter ? { status: filter } : {}, 200),
    );
    return this.views.page('notices/index', page, {
      title: 'notices.title',
      notices,
      filter,
      filters: STATUS_FILTERS.map((s) => ({ value: s, current: s === filter })),
    });
  }

  @Get(':id')
  async show(@Page() page: PageContext, @Param('id', ParseUUIDPipe) id: string): Promise<string> {
    return this.views.page('notices/show', page, await this.model(page, id, null));
  }

  @Get(':id/html')
  async html(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.visible(page, id);
    const html = await this.queries.execute<GetNoticeHtml, string>(
      new GetNoticeHtml(page.meta(), id),
    );
    response.status(200).set(LETTER_HEADERS).send(html);
  }

  /** The letter as a PDF from headless Chromium, through the same query as the API. */
  @Get(':id/pdf')
  async pdf(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.visible(page, id);
    const pdf = await this.queries.execute<RenderNoticePdf, Buffer>(
      new RenderNoticePdf(page.meta(), id),
    );
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="notice-${id}.pdf"`,
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }

  @Post(':id/delivery')
  @Permission('notice.record-delivery')
  async delivery(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    await this.visible(page, id);
    const checked = await validateForm(RecordDeliveryBody, DELIVERY, body);
    if (!checked.ok) return this.fail(page, id, checked.form);
    const { status, on } = checked.value;
    const done = await submitForm(DELIVERY, checked.values, () =>
      this.commands.execute<RecordDelivery, RecordedDelivery>(
        new RecordDelivery(page.meta(), id, status, on),
      ),
    );
    if (!done.ok) return this.fail(page, id, done.form);
    if (!page.htmx) throw new ConsoleRedirect(`/console/notices/${id}`, 'flash.deliveryRecorded');
    return this.views.partial('notices/show.delivery', page, {
      ...(await this.model(page, id, null)),
      flash: 'flash.deliveryRecorded',
    });
  }

  private async fail(page: PageContext, id: string, form: FormState): Promise<never> {
    const model = await this.model(page, id, form);
    const html = page.htmx
      ? await this.views.partial('notices/show.delivery', page, model)
      : await this.views.page('notices/show', page, model);
    throw new ConsoleHtml(html, 422);
  }

  /** A notice of a case the viewer does not see is not found (404), as for cases. */
  private async visible(page: PageContext, id: string): Promise<NoticeListRow> {
    const [row] = await this.queries.execute<ListNotices, NoticeListRow[]>(
      new ListNotices(page.meta(), { noticeId: id }, 1),
    );
    if (!row) throw new NotFoundError('notice', id);
    return row;
  }

  private async model(page: PageContext, id: string, form: FormState | null) {
    const row = await this.visible(page, id);
    const notice = await this.queries.execute<GetNotice, NoticeDetail>(
      new GetNotice(page.meta(), id),
    );
    return {
      title: 'notices.detail',
      notice,
      debtorName: row.debtorName,
      // The letter by its title (住房公积金催缴通知书), never its template id.
      noticeTitle: row.title ?? null,
      outcomes: outcomesFor(notice.channel),
      form: form ?? emptyForm(DELIVERY, { status: '', on: '' }),
      flash: null as string | null,
    };
  }
}
