import { TenantCommand, type CommandMeta } from '@qingshou/core';

/**
 * A fresh access token for a signed-in console user whose token is half spent: a collector
 * works eight hours without logging in every 15 minutes, yet a disabled user or a changed
 * role takes effect at the next renewal, as the token is rebuilt from the users table.
 */
export class RenewSession extends TenantCommand {
  constructor(meta: CommandMeta) {
    super(meta);
  }
}

export interface RenewedSession {
  readonly accessToken: string;
  readonly expiresIn: number;
}
