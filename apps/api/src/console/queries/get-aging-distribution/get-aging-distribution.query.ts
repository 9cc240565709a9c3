import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface AgingBucketRow {
  /** The bucket label the ledger stored (M0…M6+, or the pack's own table). */
  readonly bucket: string;
  /** The lowest days past due seen in the bucket: orders the buckets. */
  readonly minDpd: number;
  readonly accounts: number;
  /** Sum of the accounts' total due (decimal string, yuan). */
  readonly amountDue: string;
}

/**
 * 账龄分布: accounts with something owed, counted and summed per aging bucket as of their
 * latest balance, restricted to the accounts of cases the viewer may see.
 */
export class GetAgingDistribution extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
