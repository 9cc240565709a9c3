import { CommandMeta, Role, TenantCommand } from '@qingshou/core';

export class CreateUser extends TenantCommand {
  constructor(
    meta: CommandMeta,
    readonly username: string,
    readonly displayName: string,
    readonly password: string,
    readonly roles: readonly Role[],
  ) {
    super(meta);
  }
}
