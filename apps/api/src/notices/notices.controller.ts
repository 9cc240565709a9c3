import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { actorMetaOf, Principal, ValidationFailedError } from '@qingshou/core';
import {
  DispatchView,
  GetNotice,
  GetNoticeHtml,
  ListNoticeDispatches,
  NoticeDetail,
  NoticePreview,
  NoticeView,
  PreviewNotice,
  RecordDelivery,
  RecordedDelivery,
  RenderNoticePdf,
} from '@qingshou/notices';
import {
  type CaseLetterRequest,
  type CaseNoticeHeld,
  type CaseNoticeOutcome,
  type CaseNoticePreview,
  IssueCaseNotice,
  PreviewCaseNotice,
} from '@qingshou/engine';
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

/** A draft's sample data goes with its source only; a case's letter takes no source. */
function onlyWithSource(field: string, withSource = false): ValidationFailedError {
  return new ValidationFailedError('The preview mixes a case letter and a template draft', [
    {
      path: `body.${field}`,
      reason: withSource
        ? 'a template draft (templateSource) is previewed with data only'
        : 'goes with templateSource only; a case letter is built from the ledger and the pack',
    },
  ]);
}

@ApiTags('notices')
@ApiBearerAuth()
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /**
   * A person's letter of a case, on the engine's path: figures from the ledger as of the
   * letter's date, params and delivery rule from the pinned pack; a template the pack gates
   * is held for its approval (202) and issued by the engine once granted.
   */
  @Post()
  @Permission('notice.issue')
  @ApiResponse({ status: 201, description: 'rendered and stored as a draft' })
  @ApiResponse({ status: 200, description: 'this idempotency key already issued the letter' })
  @ApiResponse({ status: 202, description: "held for the pack's approval (approvalId)" })
  async issue(
    @Body() body: IssueNoticeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<NoticeView | CaseNoticeHeld> {
    const meta = actorMetaOf(principal, correlationId);
    const result: CaseNoticeOutcome = await fromBody(
      this.commands.execute(new IssueCaseNotice(meta, body)),
    );
    if (result.status === 'held') {
      response.status(202);
      return result;
    }
    response.status(result.created ? 201 : 200);
    return result.notice;
  }

  /** A case's letter as it would be issued, or (pack editors) a template draft; nothing stored. */
  @Post('preview')
  @HttpCode(200)
  @Permission('notice.preview')
  preview(
    @Body() body: PreviewNoticeBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<NoticePreview | CaseNoticePreview> {
    const meta = actorMetaOf(principal, correlationId);
    const { templateSource, data, ...letter } = body;
    if (templateSource === undefined) {
      if (data !== undefined) throw onlyWithSource('data');
      return fromBody(
        this.queries.execute(new PreviewCaseNotice(meta, letter as CaseLetterRequest)),
      );
    }
    const extra = Object.keys(letter).find(
      (key) => (letter as Record<string, unknown>)[key] !== undefined,
    );
    if (extra) throw onlyWithSource(extra, true);
    return fromBody(this.queries.execute(new PreviewNotice(meta, { templateSource }, data ?? {})));
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
