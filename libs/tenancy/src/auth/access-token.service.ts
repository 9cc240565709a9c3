import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, Principal } from '@qingshou/core';

interface AccessTokenClaims {
  sub: string;
  tid: string;
  tsl: string;
  usr: string;
  roles: string[];
}

/** Short-lived access tokens (JWT_TTL_SECONDS, default 15 minutes). */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  issue(principal: Principal): string {
    const claims: AccessTokenClaims = {
      sub: principal.userId,
      tid: principal.tenantId,
      tsl: principal.tenantSlug,
      usr: principal.username,
      roles: [...principal.roles],
    };
    return this.jwt.sign(claims);
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
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token);
      if (!claims.sub || !claims.tid || !Array.isArray(claims.roles)) return null;
      return {
        userId: claims.sub,
        tenantId: claims.tid,
        tenantSlug: claims.tsl,
        username: claims.usr,
        roles: claims.roles.filter(isRole),
      };
    } catch {
      return null;
    }
  }
}
