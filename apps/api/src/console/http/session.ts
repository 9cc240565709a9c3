import type { CookieOptions, Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import { SESSION_COOKIE } from '../../auth/access.decorators';

export { SESSION_COOKIE };
/** Double-submit CSRF token: an httpOnly cookie the page repeats in a header or field. */
export const CSRF_COOKIE = 'qs_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FIELD = '_csrf';
export const LANG_COOKIE = 'qs_lang';
/** A message key shown once on the next full page (after a redirect). */
export const FLASH_COOKIE = 'qs_flash';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export function parseCookies(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const name = part.slice(0, at).trim();
    try {
      out[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // A cookie we cannot decode is not one of ours; ignore it.
    }
  }
  return out;
}

/** httpOnly, SameSite=Lax, whole site; Secure when the request came over TLS. */
export function cookieOptions(request: Request, maxAgeSeconds?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds * 1000 } : {}),
  };
}

export function setSession(
  request: Request,
  response: Response,
  token: string,
  maxAgeSeconds: number,
): void {
  response.cookie(SESSION_COOKIE, token, cookieOptions(request, maxAgeSeconds));
}

export function clearSession(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/** The request's CSRF token, issuing a cookie for it when the browser has none yet. */
export function ensureCsrfToken(request: Request, response: Response): string {
  const existing = parseCookies(request)[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  response.cookie(CSRF_COOKIE, token, cookieOptions(request));
  // Later code in the same request (the page being rendered) must see the new token.
  request.headers.cookie = `${request.headers.cookie ? request.headers.cookie + '; ' : ''}${CSRF_COOKIE}=${token}`;
  return token;
}

export function langOf(request: Request): Lang {
  const value = parseCookies(request)[LANG_COOKIE];
  return value === 'en' ? 'en' : 'zh';
}

/** Only same-site paths may be a `next` target (no open redirect). */
export function safeNext(value: unknown, fallback = '/console'): string {
  return typeof value === 'string' && /^\/console(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(value)
    ? value
    : fallback;
}
