import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface AgingBucketRow {
  /** The bucket label the ledger stored (M0…M6+, or the pack's own table). */
  readonly bucket: string;
  /** False: the accounts with nothing overdue (DPD 0), shown as a count apart. */
  readonly overdue: boolean;
  /** The lowest days past due seen in the bucket: orders the buckets. */
  readonly minDpd: number;
  readonly accounts: number;
  /** Sum of the accounts' total due (decimal string, yuan). */
  readonly amountDue: string;
}

/**
 * 账龄分布: accounts with something owed, counted and summed per aging bucket (the pack's
 * classification.agingBuckets) as of their latest balance, restricted to the accounts of
 * cases the viewer may see; the accounts not overdue come back as rows of their own.
 */
export class GetAgingDistribution extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
