import { ActorMeta, CollectionQuery } from '@qingshou/collection';

/** A case's moves on the ladder, oldest first, if the caller may see the case. */
export class GetStageHistory extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}

export interface StageHistoryEntry {
  readonly from: string | null;
  readonly to: string | null;
  readonly asOf: string;
  /** The pack that moved the case, `id@version`. */
  readonly pack: string;
  readonly effectiveDpd: number;
  readonly reason: string;
  readonly recordedAt: string;
}

export interface StageHistory {
  readonly caseId: string;
  readonly stage: string | null;
  readonly packVersion: string | null;
  readonly history: readonly StageHistoryEntry[];
}
