import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface CollectorPerformanceRow {
  readonly userId: string;
  readonly displayName: string;
  readonly openCases: number;
  /** Receipts (net of reversals) in the period on the accounts of the collector's cases. */
  readonly recovered: string;
  readonly contacts: number;
  readonly promisesMade: number;
  readonly promisesKept: number;
  readonly promisesBroken: number;
}

export interface CollectorPerformance {
  /** The period (null when there is no collector to show). */
  readonly from: string | null;
  readonly to: string | null;
  readonly rows: CollectorPerformanceRow[];
}

/**
 * Per collector, month to date in the tenant's zone (the 1st to today): money recovered on
 * their cases, contacts logged, promises made / kept / broken. One set-based statement.
 */
export class GetCollectorPerformance extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
