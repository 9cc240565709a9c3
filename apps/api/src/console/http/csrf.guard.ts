import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ForbiddenError } from '@qingshou/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, parseCookies } from './session';

const SAFE = ['GET', 'HEAD', 'OPTIONS'];

export class CsrfError extends ForbiddenError {
  constructor(reason: string) {
    super(`Cross-site request refused: ${reason}`);
  }
}

/**
 * Every state-changing console request proves it came from a console page: the token the
 * page holds (X-CSRF-Token header from htmx, or the `_csrf` form field) equals the httpOnly
 * cookie (double submit), and a browser-sent Origin, when present, is this host.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE.includes(request.method)) return true;
    const origin = request.headers.origin;
    if (origin && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new CsrfError('bad Origin header');
      }
      if (host !== request.headers.host) throw new CsrfError('foreign origin');
    }
    const cookie = parseCookies(request)[CSRF_COOKIE] ?? '';
    const header = request.headers[CSRF_HEADER];
    const field = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
    const sent = typeof header === 'string' ? header : typeof field === 'string' ? field : '';
    if (!cookie || !sent || !sameText(cookie, sent)) throw new CsrfError('missing or stale token');
    return true;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
