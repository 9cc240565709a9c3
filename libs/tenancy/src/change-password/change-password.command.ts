import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * A signed-in user changes his own password. Every session he has ends (a thief holding an
 * old token is out); the caller gets a fresh session so he is not sent to log in again.
 */
export class ChangePassword extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super(meta);
  }
}

export interface PasswordChanged {
  readonly accessToken: string;
  readonly expiresIn: number;
}
