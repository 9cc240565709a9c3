import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, Principal } from '@qingshou/core';

interface AccessTokenClaims {
  sub: string;
  tid: string;
  tsl: string;
  usr: string;
  roles: string[];
  /** The server-side session the token belongs to (SessionStore); checked on each request. */
  sid?: string;
}

/** A verified token: who, and which session (absent on tokens issued before sessions). */
export interface VerifiedToken {
  readonly principal: Principal;
  readonly sessionId: string | null;
}

/** Short-lived access tokens (JWT_TTL_SECONDS, default 15 minutes). */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  /** A token of one session; `expiresInSeconds` caps it at the session's absolute end. */
  issue(principal: Principal, sessionId?: string, expiresInSeconds?: number): string {
    const claims: AccessTokenClaims = {
      sub: principal.userId,
      tid: principal.tenantId,
      tsl: principal.tenantSlug,
      usr: principal.username,
      roles: [...principal.roles],
      ...(sessionId ? { sid: sessionId } : {}),
    };
    return expiresInSeconds === undefined
      ? this.jwt.sign(claims)
      : this.jwt.sign(claims, { expiresIn: expiresInSeconds });
  }

  /**
   * Whether a token (already verified) has spent more than half its life: the console then
   * renews its session, so a collector at work is not sent to log in every 15 minutes.
   */
  pastHalfLife(token: string, now = Date.now()): boolean {
    const claims = this.jwt.decode<{ iat?: unknown; exp?: unknown } | null>(token);
    if (!claims || typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return false;
    return claims.exp - now / 1000 <= (claims.exp - claims.iat) / 2;
  }

  /** Returns the principal, or null for a missing, expired, forged or malformed token. */
  verify(token: string): Principal | null {
    return this.verifyToken(token)?.principal ?? null;
  }

  /** The principal and session id, or null for a missing, expired, forged or malformed token. */
  verifyToken(token: string): VerifiedToken | null {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token);
      if (!claims.sub || !claims.tid || !Array.isArray(claims.roles)) return null;
      const principal: Principal = {
        userId: claims.sub,
        tenantId: claims.tid,
        tenantSlug: claims.tsl,
        username: claims.usr,
        roles: claims.roles.filter(isRole),
      };
      return { principal, sessionId: typeof claims.sid === 'string' ? claims.sid : null };
    } catch {
      return null;
    }
  }
}
