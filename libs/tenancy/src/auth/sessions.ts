import { Injectable } from '@nestjs/common';
import { AppConfig, type Principal } from '@qingshou/core';
import type { Tenant } from '../entities/tenant.entity';
import { AccessTokenService } from './access-token.service';
import { SessionClock, SessionPolicy, SessionStore } from './session-store';

export interface IssuedSession {
  readonly accessToken: string;
  readonly expiresIn: number;
}

export interface AuthenticatedSession {
  readonly principal: Principal;
  readonly sessionId: string;
}

/** The tenant's session limits as the store keeps them. */
export function sessionPolicyOf(
  tenant: Pick<Tenant, 'sessionIdleMinutes' | 'sessionAbsoluteHours'>,
): SessionPolicy {
  return {
    idleSeconds: tenant.sessionIdleMinutes * 60,
    absoluteSeconds: tenant.sessionAbsoluteHours * 60 * 60,
  };
}

/**
 * Access tokens bound to a server-side session: a token is good only while its session is
 * (logout, password change, disabling the user and "sign out everywhere" end sessions at
 * once), and no token outlives its session's absolute end, so renewal cannot extend it.
 */
@Injectable()
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly tokens: AccessTokenService,
    private readonly clock: SessionClock,
    private readonly config: AppConfig,
  ) {}

  async start(principal: Principal, policy: SessionPolicy): Promise<IssuedSession> {
    const sessionId = await this.store.open(
      principal.tenantId,
      principal.userId,
      policy,
      this.clock.now(),
    );
    const expiresIn = Math.min(this.config.JWT_TTL_SECONDS, policy.absoluteSeconds);
    return { accessToken: this.tokens.issue(principal, sessionId, expiresIn), expiresIn };
  }

  /** The token's principal when the token is valid and its session live; marks it used. */
  async authenticate(token: string): Promise<AuthenticatedSession | null> {
    const verified = this.tokens.verifyToken(token);
    if (!verified?.sessionId) return null;
    const { principal, sessionId } = verified;
    const end = await this.store.touch(
      sessionId,
      principal.tenantId,
      principal.userId,
      this.clock.now(),
    );
    return end === null ? null : { principal, sessionId };
  }

  /**
   * A fresh token for a live session (rebuilt from the caller's current user row), never
   * valid past the session's absolute end; null once the session has ended or is too close.
   */
  async renew(principal: Principal, sessionId: string): Promise<IssuedSession | null> {
    const now = this.clock.now();
    const end = await this.store.touch(sessionId, principal.tenantId, principal.userId, now);
    if (end === null) return null;
    const left = Math.floor((end - now.getTime()) / 1000);
    if (left <= 0) return null;
    const expiresIn = Math.min(this.config.JWT_TTL_SECONDS, left);
    return { accessToken: this.tokens.issue(principal, sessionId, expiresIn), expiresIn };
  }

  end(sessionId: string): Promise<void> {
    return this.store.revoke(sessionId);
  }

  endAllOf(tenantId: string, userId: string): Promise<number> {
    return this.store.revokeAllOf(tenantId, userId);
  }
}
