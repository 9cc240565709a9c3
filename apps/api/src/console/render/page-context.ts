import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ActorMeta } from '@qingshou/collection';
import type { Principal } from '@qingshou/core';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../../auth/access.decorators';
import {
  cookieOptions,
  ensureCsrfToken,
  FLASH_COOKIE,
  Lang,
  langOf,
  parseCookies,
} from '../http/session';
import { hasMessage, translate } from '../i18n/i18n';

/** What a console handler knows about the request it answers. */
export class PageContext {
  constructor(
    readonly request: Request & AuthenticatedRequest,
    readonly response: Response,
    readonly lang: Lang,
    readonly csrf: string,
  ) {}

  /** Null on public pages (login). */
  get principal(): Principal | null {
    return this.request.principal ?? null;
  }

  /** The authenticated caller; throws on a public page, where there is none. */
  get user(): Principal {
    if (!this.request.principal) throw new Error('PageContext.user on a public page');
    return this.request.principal;
  }

  /** htmx asked for a fragment rather than a page. */
  get htmx(): boolean {
    return this.request.headers['hx-request'] === 'true';
  }

  get requestId(): string {
    return String(this.request.id ?? '');
  }

  /** What commands and queries carry: tenant, actor, roles, and the request id. */
  meta(): ActorMeta {
    const user = this.user;
    return {
      tenantId: user.tenantId,
      actorId: user.userId,
      correlationId: this.requestId,
      roles: user.roles,
    };
  }

  t(key: string, values?: Record<string, unknown>): string {
    return translate(this.lang, key, values);
  }

  /** A message for the next full page (after a redirect). */
  flash(key: string): void {
    this.response.cookie(FLASH_COOKIE, key, cookieOptions(this.request, 60));
  }

  /** The pending flash message key, consumed: it shows once. */
  takeFlash(): string | null {
    const key = parseCookies(this.request)[FLASH_COOKIE];
    if (!key) return null;
    this.response.clearCookie(FLASH_COOKIE, cookieOptions(this.request));
    return hasMessage(key) ? key : null;
  }
}

export function pageContextOf(context: ExecutionContext): PageContext {
  const http = context.switchToHttp();
  const request = http.getRequest<Request & AuthenticatedRequest>();
  const response = http.getResponse<Response>();
  return new PageContext(request, response, langOf(request), ensureCsrfToken(request, response));
}

/** `@Page() page: PageContext` in a console handler. */
export const Page = createParamDecorator((_: unknown, context: ExecutionContext) =>
  pageContextOf(context),
);
