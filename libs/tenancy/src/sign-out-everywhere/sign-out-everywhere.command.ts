import { ActorCommand, ActorMeta } from '@qingshou/core';

/** A tenant admin ends every session of one user (a lost phone, a shared password). */
export class SignOutEverywhere extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly userId: string,
  ) {
    super(meta);
  }
}

export interface SignedOut {
  /** How many sessions were live and are now ended. */
  readonly sessionsEnded: number;
}
