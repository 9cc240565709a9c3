import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Applies the pinned pack's retention policies as of a date: closed cases past their
 * period are purged or anonymised, in batches, skipping any case under legal hold. The
 * nightly run calls it per tenant; a second run of the same day does nothing.
 */
export class ApplyRetention extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf: string,
  ) {
    super(meta);
  }
}

export interface RetentionResult {
  readonly asOf: string;
  readonly policies: {
    readonly policyId: string;
    readonly action: string;
    readonly cases: number;
    readonly heldBack: number;
    readonly debtorsAnonymised: number;
    readonly counts: Readonly<Record<string, number>>;
  }[];
}
