import { ActorCommand, ActorMeta } from '@qingshou/core';

/** The tenant's session limits (issue 14); defaults 30 minutes idle, 12 hours absolute. */
export interface TenantSessionPolicy {
  readonly idleMinutes: number;
  readonly absoluteHours: number;
}

/**
 * A tenant admin sets how long a session may sit idle and how long it may live at most.
 * Sessions started from now on get the new limits; live ones keep those they began with.
 */
export class UpdateSessionPolicy extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly policy: TenantSessionPolicy,
  ) {
    super(meta);
  }
}
