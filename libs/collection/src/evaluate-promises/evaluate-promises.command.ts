import { ActorMeta, CollectionCommand } from '../domain/collection-command';

/**
 * Marks pending promises kept or broken from the ledger's payments as of a date: the daily
 * run sends it per tenant; a manager may send it by hand. Re-running the same day changes
 * nothing (only pending promises are looked at).
 */
export class EvaluatePromises extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf: string,
    /** Only this case's promises; it must be visible to the sender. */
    readonly caseId?: string,
  ) {
    super(meta);
  }
}

export interface EvaluatePromisesResult {
  readonly asOf: string;
  readonly kept: number;
  readonly broken: number;
}
