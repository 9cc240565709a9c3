/**
 * Leaving: the session behind the token ends, so the same token is refused at once on the
 * API and the console. Not a TenantCommand: it comes with only a token, which may already
 * be expired or forged (then there is nothing to end).
 */
export class Logout {
  constructor(
    readonly accessToken: string,
    readonly correlationId: string,
  ) {}
}
