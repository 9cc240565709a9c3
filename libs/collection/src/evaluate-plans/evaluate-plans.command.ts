import { ActorMeta, CollectionCommand } from '../domain/collection-command';

/**
 * Matches the ledger's receipts to the instalments of live repayment plans as of a date:
 * the nightly run sends it per tenant before the ladder, the payment path per case. An
 * instalment still short when its grace has run out breaks the plan on the day after the
 * grace (PlanBroken, dated then, whenever the run sees it); all paid → PlanKept.
 * Re-running the same day changes nothing.
 */
export class EvaluatePlans extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf: string,
    readonly caseId?: string,
  ) {
    super(meta);
  }
}

export interface EvaluatePlansResult {
  readonly asOf: string;
  readonly kept: number;
  readonly broken: number;
}
