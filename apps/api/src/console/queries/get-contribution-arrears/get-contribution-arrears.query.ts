import { ActorMeta, ActorQuery } from '@qingshou/core';

export interface EmployerArrearsRow {
  readonly debtorId: string;
  readonly name: string;
  /** Contributions due and unpaid (decimal string, yuan). */
  readonly arrears: string;
  /** 停缴月数: monthly contributions due and still unpaid (the contribution ledger). */
  readonly months: number;
  /** Flagged 停缴单位 by the pack (contribution-stopped), and since when. */
  readonly stoppedSince: string | null;
}

export interface ContributionArrears {
  readonly asOf: string;
  readonly employers: number;
  readonly stopped: number;
  readonly months: number;
  readonly arrears: string;
  /** Stopped employers first, then the most months and the largest arrears. */
  readonly rows: EmployerArrearsRow[];
}

/**
 * 篇九 归集: the employers behind on their housing-fund contributions as of today — how many,
 * how many the pack counts as stopped (停缴单位), the months and the amount in arrears.
 */
export class GetContributionArrears extends ActorQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}
