import { ActorCommand, ActorMeta } from '@qingshou/core';

/** A tenant admin disables a user: no new login, and the user's live sessions end at once. */
export class DisableUser extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly userId: string,
  ) {
    super(meta);
  }
}
