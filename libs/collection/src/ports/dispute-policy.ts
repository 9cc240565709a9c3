import { Injectable } from '@nestjs/common';
import type { Role } from '@qingshou/core';
import { DISPUTE_KINDS, type DisputeKind, type DisputePause } from '../domain/disputes';

/** A tenant's 异议 rules: the pack's `disputes` block. */
export interface DisputeRules {
  /** The kinds the office accepts. */
  readonly kinds: readonly DisputeKind[];
  /** What stops counting while a dispute is open: the disputed account, or the whole case. */
  readonly pause: DisputePause;
  /** The platform role that decides (a manager may always decide). */
  readonly decidedBy: Role;
  /** Days the decider has; null: no limit stated. */
  readonly maxDays: number | null;
}

/** Without a pack: every kind, the account alone paused, the supervisor decides in 15 days. */
export const DEFAULT_DISPUTE_RULES: DisputeRules = {
  kinds: DISPUTE_KINDS,
  pause: 'account',
  decidedBy: 'supervisor',
  maxDays: 15,
};

/** PORT. The dispute rules are the pack's (`disputes`); the engine overrides the token. */
export abstract class DisputePolicy {
  abstract rules(tenantId: string): Promise<DisputeRules>;
}

@Injectable()
export class DefaultDisputePolicy extends DisputePolicy {
  async rules(): Promise<DisputeRules> {
    return DEFAULT_DISPUTE_RULES;
  }
}
