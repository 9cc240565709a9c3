import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, Principal, ValidationFailedError } from '@qingshou/core';
import {
  DispatchView,
  GetNotice,
  GetNoticeHtml,
  IssuedNotice,
  IssueNotice,
  ListNoticeDispatches,
  NoticeDetail,
  NoticePreview,
  NoticeView,
  PreviewNotice,
  RecordDelivery,
  RecordedDelivery,
  RenderNoticePdf,
} from '@qingshou/notices';
import type { Response } from 'express';
import { CorrelationId, CurrentPrincipal, Permission } from '../auth/access.decorators';
import {
  IssueNoticeBody,
  NoticeIdParam,
  PreviewNoticeBody,
  RecordDeliveryBody,
} from './notices.dto';

/**
 * Notice HTML is served as a document that cannot run anything: a pack's template text is
 * not escaped (only data is), so the browser is told to sandbox it whatever it contains.
 */
const HTML_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
  'X-Content-Type-Options': 'nosniff',
};

/** Handler problems name command fields (`idempotencyKey`); the edge prefixes `body.`. */
async function fromBody<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    throw new ValidationFailedError(
      error.message,
      error.problems.map((p) => ({ path: `body.${p.path}`, reason: p.reason })),
    );
  }
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Permission('notice.issue')
  @ApiResponse({ status: 201, description: 'rendered and stored as a draft' })
  @ApiResponse({ status: 200, description: 'this idempotency key already issued the notice' })
  async issue(
    @Body() body: IssueNoticeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NoticeView> {
    const meta = actorMetaOf(principal, correlationId);
    const result: IssuedNotice = await fromBody(this.commands.execute(new IssueNotice(meta, body)));
    response.status(result.created ? 201 : 200);
    return result.notice;
  }

  @Post('preview')
  @HttpCode(200)
  @Permission('notice.preview')
  preview(
    @Body() body: PreviewNoticeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<NoticePreview> {
    const given = [body.templateSource, body.templateId].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw new ValidationFailedError('The preview names no template, or two', [
        {
          path: 'body.templateSource',
          reason: 'give exactly one of templateSource and templateId',
        },
      ]);
    }
    const template =
      body.templateSource !== undefined
        ? { templateSource: body.templateSource }
        : { templateId: body.templateId as string };
    const meta = actorMetaOf(principal, correlationId);
    return fromBody(this.queries.execute(new PreviewNotice(meta, template, body.data)));
  }

  @Get(':id')
  @Permission('notice.read')
  get(
    @Param() params: NoticeIdParam,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<NoticeDetail> {
    const meta = actorMetaOf(principal, correlationId);
    return this.queries.execute(new GetNotice(meta, params.id));
  }

  @Get(':id/html')
  @Permission('notice.read')
  @ApiProduces('text/html')
  async html(
    @Param() params: NoticeIdParam,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res() response: Response,
  ): Promise<void> {
    const meta = actorMetaOf(principal, correlationId);
    const html: string = await this.queries.execute(new GetNoticeHtml(meta, params.id));
    response.status(200).set(HTML_HEADERS).send(html);
  }

  /** The letter as an A4 PDF printed by headless Chromium (503 when it is not installed). */
  @Get(':id/pdf')
  @Permission('notice.read')
  @ApiProduces('application/pdf')
  async pdf(
    @Param() params: NoticeIdParam,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res() response: Response,
  ): Promise<void> {
    const meta = actorMetaOf(principal, correlationId);
    const pdf: Buffer = await this.queries.execute(new RenderNoticePdf(meta, params.id));
    response
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="notice-${params.id}.pdf"`,
        'Cache-Control': 'no-store',
      })
      .send(pdf);
  }

  /** How the notice went out: one row per channel and recipient, recipient masked. */
  @Get(':id/dispatches')
  @Permission('notice.read')
  dispatches(
    @Param() params: NoticeIdParam,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<DispatchView[]> {
    const meta = actorMetaOf(principal, correlationId);
    return this.queries.execute(new ListNoticeDispatches(meta, params.id));
  }

  @Post(':id/delivery')
  @HttpCode(200)
  @Permission('notice.record-delivery')
  async delivery(
    @Param() params: NoticeIdParam,
    @Body() body: RecordDeliveryBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<NoticeView> {
    const meta = actorMetaOf(principal, correlationId);
    const result: RecordedDelivery = await fromBody(
      this.commands.execute(new RecordDelivery(meta, params.id, body.status, body.on)),
    );
    return result.notice;
  }
}
