/** Not a TenantCommand: the tenant is what the caller is asking to enter. */
export class Login {
  constructor(
    readonly tenantSlug: string,
    readonly username: string,
    readonly password: string,
    readonly clientIp: string,
    readonly correlationId: string,
  ) {}
}

export interface LoginResult {
  readonly accessToken: string;
  readonly expiresIn: number;
}
