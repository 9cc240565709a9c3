import { ActorCommand, ActorMeta, Role } from '@qingshou/core';

export class CreateUser extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly username: string,
    readonly displayName: string,
    readonly password: string,
    /** The new user's roles (`roles` is the creator's, as on every ActorCommand). */
    readonly grantedRoles: readonly Role[],
  ) {
    super(meta);
  }
}
