import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { RunKind } from '../domain/run-vocabulary';

/**
 * What the tenant's job scheduler fires: the run of the business date the fire instant
 * falls on in the tenant's zone (a job delayed past midnight still runs its own date),
 * requested and handed to the worker like a manual one.
 */
export class StartScheduledRun extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly kind: RunKind,
    readonly firedAt: Date,
  ) {
    super(meta);
  }
}
