import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { DomainError } from '@qingshou/core';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../../auth/access.decorators';
import { ConsoleViews } from '../render/console-views';
import { PageContext } from '../render/page-context';
import { ConsoleHtml, ConsoleRedirect } from './console-redirect';
import { clearSession, ensureCsrfToken, langOf, parseCookies, SESSION_COOKIE } from './session';

const VIEWS: Record<number, string> = {
  403: 'errors/forbidden',
  404: 'errors/not-found',
};

/**
 * The console's answers that are not a 200 page: redirects, 422 forms, the login page for
 * a missing or expired session, and error pages (404 for a case the viewer may not see,
 * 403 for a role that may not act, 500 with the request id). Never problem+json.
 */
@Catch()
@Injectable()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('console');

  constructor(private readonly views: ConsoleViews) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    this.answer(exception, request, response).catch((error: unknown) => {
      this.logger.error(error);
      if (!response.headersSent) response.status(500).type('text').send('Internal error');
    });
  }

  private async answer(
    exception: unknown,
    request: Request & AuthenticatedRequest,
    response: Response,
  ): Promise<void> {
    const page = new PageContext(
      request,
      response,
      langOf(request),
      ensureCsrfToken(request, response),
    );
    if (exception instanceof ConsoleHtml) {
      this.send(response, exception.status, exception.html);
      return;
    }
    if (exception instanceof ConsoleRedirect) {
      if (exception.flash) page.flash(exception.flash);
      this.redirect(page, exception.location);
      return;
    }
    const status = statusOf(exception);
    if (status === 401) {
      const hadSession = Boolean(parseCookies(request)[SESSION_COOKIE]);
      clearSession(request, response);
      if (hadSession) page.flash('flash.sessionExpired');
      const back = request.method === 'GET' && !page.htmx ? request.originalUrl : '/console';
      this.redirect(page, `/console/login?next=${encodeURIComponent(back)}`);
      return;
    }
    if (status >= 500) this.logger.error(exception);
    const view = VIEWS[status] ?? 'errors/error';
    const model = {
      title: `error.title.${status === 403 || status === 404 ? status : 'other'}`,
      status,
      detail: status >= 500 || !(exception instanceof Error) ? null : detailOf(exception, page),
    };
    const html = page.htmx
      ? await this.views.partial(view, page, model)
      : await this.views.page(view, page, model);
    if (page.htmx) {
      // A failed action replaces the main area with the error, whatever the form targeted.
      response.setHeader('HX-Retarget', '#main');
      response.setHeader('HX-Reswap', 'innerHTML');
    }
    this.send(response, status, html);
  }

  private redirect(page: PageContext, location: string): void {
    if (page.htmx) {
      page.response.setHeader('HX-Redirect', location);
      page.response.status(204).end();
    } else {
      page.response.redirect(303, location);
    }
  }

  private send(response: Response, status: number, html: string): void {
    response.status(status).type('html').setHeader('Cache-Control', 'no-store').send(html);
  }
}

/**
 * What a refused request says on the page: the error's own words when they are Chinese
 * (a console-worded refusal), else a Chinese sentence: the API's English `detail` and
 * codes are for API clients, never for the page (议题 11 §8).
 */
function detailOf(exception: Error, page: PageContext): string {
  if (/[\u3400-\u9fff]/.test(exception.message)) return exception.message;
  // The input guard's refusal (control characters, an overlong or deeply nested field).
  if (exception instanceof DomainError && exception.code === 'validation-failed') {
    return page.t('error.badInput');
  }
  return page.t('error.refused', { status: statusOf(exception) });
}

function statusOf(exception: unknown): number {
  if (exception instanceof DomainError) return exception.status;
  if (exception instanceof HttpException) return exception.getStatus();
  return 500;
}
