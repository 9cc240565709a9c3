import { TenantCommand, type CommandMeta } from '@qingshou/core';

/**
 * A fresh access token for a signed-in console user whose token is half spent: a collector
 * works through the day without logging in every 15 minutes, yet a disabled user or a
 * changed role takes effect at the next renewal, as the token is rebuilt from the users
 * table. The session it belongs to must still be live, and the new token never outlives
 * the session's absolute end (the tenant's setting, 12 hours by default).
 */
export class RenewSession extends TenantCommand {
  constructor(
    meta: CommandMeta,
    readonly sessionId: string,
  ) {
    super(meta);
  }
}

export interface RenewedSession {
  readonly accessToken: string;
  readonly expiresIn: number;
}
