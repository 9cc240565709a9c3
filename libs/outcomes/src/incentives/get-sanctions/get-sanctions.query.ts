import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { LocalizedText } from '@qingshou/policy';

/**
 * Who carries which flag now: the sanctions report (第二篇: officials in arrears, suspended
 * beneficiaries). Default: every flag of kind `sanction`; or one flag, or the flags a
 * report of the pack lists.
 */
export class GetSanctions extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly filter: { readonly flag?: string; readonly kind?: string; readonly report?: string },
  ) {
    super(meta);
  }
}

export interface SanctionRow {
  readonly flag: {
    readonly id: string;
    readonly names: LocalizedText;
    readonly kind: string;
    readonly effects: readonly string[];
  };
  readonly debtor: { readonly id: string; readonly name: string; readonly idNumberMasked: string };
  readonly account: { readonly id: string; readonly ref: string } | null;
  readonly groups: { readonly type: string; readonly code: string; readonly name: string }[];
  /** The pack's recorded attributes of the debtor (是否村干部, 享受优惠政策…). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly setOn: string;
  readonly setBy: string;
  /** Amount due across the debtor's accounts, from the balance snapshot (as of `balanceAsOf`). */
  readonly totalDue: string;
  readonly balanceAsOf: string | null;
}

export interface SanctionsReport {
  readonly flags: string[];
  readonly rows: SanctionRow[];
}
