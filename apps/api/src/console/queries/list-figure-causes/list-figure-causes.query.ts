import { ActorMeta, ActorQuery } from '@qingshou/core';

/**
 * Why a dashboard figure may move on a day other than by the office's work: an import adds
 * accounts, a pack upgrade changes a bound or a definition, a plan entered changes the
 * denominator, a drive launched starts the drive's window.
 */
export type FigureCauseKind = 'import' | 'repayments' | 'pack' | 'plan' | 'drive';

export interface FigureCause {
  /** The tenant-local day the cause took effect. */
  readonly date: string;
  readonly kind: FigureCauseKind;
  /**
   * Imports: debtors created (repayments: payments booked) and accounts created; plans: the
   * groups whose plan was entered.
   */
  readonly count: number;
  readonly accounts: number;
  /** Pack upgrades: the version before and after; imports: the file's name. */
  readonly from: string | null;
  readonly to: string | null;
}

/** The causes from `from` to `to` (tenant-local days, inclusive), oldest first. */
export class ListFigureCauses extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly from: string,
    readonly to: string,
  ) {
    super(meta);
  }
}
