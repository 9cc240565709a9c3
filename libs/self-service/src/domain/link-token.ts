import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: the only part of a link that names it. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token's shape: 43 base64url characters. Anything else is refused before any lookup. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** What is stored of a token: its sha256 (a leaked table opens no page). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A six-digit one-time code. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The code is stored keyed by its link, so the same code on another link hashes apart. */
export function hashCode(linkId: string, code: string): string {
  return createHmac('sha256', linkId).update(code, 'utf8').digest('hex');
}

export function sameHash(a: string | null, b: string): boolean {
  if (a === null || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** Session ids for the debtor's page: 32 random bytes. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** The form token of a session: bound to it, so a form from another session is refused. */
export function formTokenOf(sessionId: string): string {
  return createHash('sha256').update(`form:${sessionId}`, 'utf8').digest('base64url');
}

/**
 * 张三 → 张*, 欧阳小明 → 欧***, 某某建材有限公司 → 某某****公司: the debtor sees their own
 * name masked, so a page left open on a phone shows little to anyone else.
 */
export function maskName(name: string, kind: string): string {
  const chars = [...name];
  if (kind === 'organisation' && chars.length > 4) {
    return chars.slice(0, 2).join('') + '*'.repeat(chars.length - 4) + chars.slice(-2).join('');
  }
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** The last `count` characters of an ID number or credit code, upper-cased, as typed. */
export function idTailMatches(idNumber: string, typed: string, count: number): boolean {
  const want = idNumber.toUpperCase().slice(-count);
  const got = typed.trim().toUpperCase();
  if (got.length !== count) return false;
  return timingSafeEqual(Buffer.from(want, 'utf8'), Buffer.from(got, 'utf8'));
}
