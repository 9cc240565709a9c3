import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FilesInterceptor } from '@nestjs/platform-express';
import { Clock, localDateOf } from '@qingshou/calendar';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { parseCookies } from '../console/http/session';
import { DebtorAct, DebtorAction, DebtorActInput } from './debtor-act/debtor-act.command';
import { formTokenOf } from '@qingshou/self-service';
import { GetDebtorPage, DebtorPageView } from './get-debtor-page/get-debtor-page.query';
import { pageModel } from './self-service-page-model';
import { SelfServiceErrorFilter } from './self-service-error.filter';
import { SelfServiceViews } from './self-service-views';
import { DEBTOR_SESSION_SECONDS } from './support/debtor-sessions';
import { RequestDebtorCode } from './verify-identity/request-debtor-code.command';
import { VerifyDebtorCode } from './verify-code/verify-debtor-code.command';

export const DEBTOR_COOKIE = 'qs_debtor';
const ACTIONS: readonly DebtorAction[] = ['promise', 'plan', 'dispute', 'callback'];
const SHELL = { title: '自助服务', heading: '欠款自助服务', subheading: null };
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** The one answer to a link that cannot be used, whatever the reason. */
const GONE = { heading2: '链接无法使用', message: '此链接无效、已过期或已停用。' };

interface MulterFile {
  readonly buffer: Buffer;
  readonly originalname: string;
  readonly mimetype: string;
}

const text = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/**
 * 债务人自助页面 (issue 16 §3) at /d/<token>: outside /console and /api/v1, no console session
 * counts here, and no script runs. Every step goes to one command or query whose handler
 * decides the link, the session, the pack and the limits; this edge only words the answers.
 */
@Public()
@Controller('d')
@UseFilters(SelfServiceErrorFilter)
export class SelfServiceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: SelfServiceViews,
    private readonly clock: Clock,
  ) {}

  @Get(':token')
  async show(
    @Param('token') token: string,
    @Query('done') done: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    html(response);
    const sessionId = parseCookies(request)[DEBTOR_COOKIE];
    if (!sessionId) return this.views.render('start', SHELL, { base: base(token), error: null });
    const view = await this.queries.execute<GetDebtorPage, DebtorPageView | null>(
      new GetDebtorPage(token, sessionId, ip(request), String(request.id ?? '')),
    );
    if (!view) return this.gone(token, response);
    return this.page(token, sessionId, view, { done: done ?? null });
  }

  @Post(':token/verify')
  @HttpCode(200)
  async verify(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    html(response);
    await this.commands.execute(
      new RequestDebtorCode(token, text(body, 'idTail'), ip(request), String(request.id ?? '')),
    );
    return this.views.render('code', SHELL, {
      base: base(token),
      codeNote: '5分钟内有效',
      error: null,
    });
  }

  @Post(':token/code')
  @HttpCode(200)
  async code(
    @Param('token') token: string,
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    html(response);
    const result = await this.commands.execute<VerifyDebtorCode, { sessionId: string } | null>(
      new VerifyDebtorCode(token, text(body, 'code'), ip(request), String(request.id ?? '')),
    );
    if (!result) {
      return this.views.render('code', SHELL, {
        base: base(token),
        codeNote: '5分钟内有效',
        error: '验证码不正确或已失效，请重新获取。',
      });
    }
    response.cookie(DEBTOR_COOKIE, result.sessionId, {
      httpOnly: true,
      sameSite: 'strict',
      path: base(token),
      secure: request.secure,
      maxAge: DEBTOR_SESSION_SECONDS * 1000,
    });
    response.status(303).setHeader('Location', base(token));
  }

  @Post(':token/act/:action')
  @HttpCode(200)
  @UseInterceptors(FilesInterceptor('files', 5, { limits: { fileSize: MAX_DOCUMENT_BYTES } }))
  async act(
    @Param('token') token: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @UploadedFiles() files: MulterFile[] | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string | void> {
    html(response);
    const sessionId = parseCookies(request)[DEBTOR_COOKIE];
    const chosen = ACTIONS.find((a) => a === action);
    if (!sessionId || !chosen || text(body, '_t') !== formTokenOf(sessionId)) {
      return this.gone(token, response);
    }
    const values: Record<string, string> = {};
    for (const name of [
      'amount',
      'dueOn',
      'downPayment',
      'count',
      'firstDueOn',
      'accountId',
      'kind',
      'note',
      'date',
      'time',
    ]) {
      values[name] = text(body, name);
    }
    const input: DebtorActInput = {
      ...values,
      files: (files ?? []).map((f) => ({
        data: f.buffer,
        originalName: Buffer.from(f.originalname, 'latin1').toString('utf8'),
        contentType: f.mimetype,
      })),
    };
    const correlationId = String(request.id ?? '');
    const result = await this.commands.execute(
      new DebtorAct(token, sessionId, ip(request), correlationId, chosen, input),
    );
    if (result === null) return this.gone(token, response);
    if (result.ok) {
      response.status(303).setHeader('Location', `${base(token)}?done=${result.outcome}`);
      return;
    }
    const view = await this.queries.execute<GetDebtorPage, DebtorPageView | null>(
      new GetDebtorPage(token, sessionId, ip(request), correlationId),
    );
    if (!view) return this.gone(token, response);
    response.status(422);
    return this.page(token, sessionId, view, { open: chosen, errors: result.errors, values });
  }

  @Post(':token/logout')
  async logout(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    response.clearCookie(DEBTOR_COOKIE, { path: base(token) });
    response.status(303).setHeader('Location', base(token));
  }

  private page(
    token: string,
    sessionId: string,
    view: DebtorPageView,
    state: {
      done?: string | null;
      open?: string;
      errors?: Record<string, string>;
      values?: Record<string, string>;
    },
  ): string {
    const model = pageModel(view, {
      base: base(token),
      formToken: formTokenOf(sessionId),
      today: localDateOf(this.clock.now(), view.timeZone),
      done: state.done ?? null,
      open: state.open ?? null,
      errors: state.errors ?? {},
      values: state.values ?? {},
    });
    return this.views.render(
      'page',
      { title: SHELL.title, heading: view.officeName, subheading: `${view.maskedName}，您好` },
      model,
    );
  }

  private gone(token: string, response: Response): string {
    response.clearCookie(DEBTOR_COOKIE, { path: base(token) });
    response.status(404);
    return this.views.render('gone', SHELL, GONE);
  }
}

function base(token: string): string {
  return `/d/${encodeURIComponent(token)}`;
}

function ip(request: Request): string {
  return request.ip ?? 'unknown';
}

function html(response: Response): void {
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
}
