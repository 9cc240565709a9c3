import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { DebtorKind } from '../entities/debtor.entity';
import type { AccountRow } from '../read/loan-rows';
import type { BalanceSummary } from '../read/balance-summary';

/** A debtor's 360° view. `reveal` asks for personal data whole (see personal-data-policy). */
export class GetDebtor extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly debtorId: string,
    readonly options: { reveal?: boolean; asOf?: string } = {},
  ) {
    super(meta);
  }
}

export interface DebtorAccountView extends Omit<AccountRow, 'debtorId'> {
  readonly balance: BalanceSummary;
}

export interface RelatedPartyView {
  readonly id: string;
  readonly kind: string;
  readonly relation: string | null;
  readonly partyType: DebtorKind;
  readonly name: string;
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly accountId: string | null;
}

export interface DebtorView {
  readonly id: string;
  readonly kind: DebtorKind;
  readonly name: string;
  readonly idNumber: string;
  readonly phones: readonly string[];
  readonly address: string | null;
  /** False when idNumber, phones and addresses are shown whole (and the view was audited). */
  readonly masked: boolean;
  readonly asOf: string;
  readonly accounts: readonly DebtorAccountView[];
  readonly relatedParties: readonly RelatedPartyView[];
  readonly groups: readonly { id: string; type: string; code: string; name: string }[];
}
