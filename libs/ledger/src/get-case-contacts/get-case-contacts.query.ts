import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { CaseContactAccess } from '../personal-data/personal-data-policy';

/**
 * The contact panel of a case (issue 11 §2): the debtor's phones and addresses, related
 * parties with theirs, groups, and the 失联 flag. Whole or masked per `caseContactAccess`;
 * `reveal` asks for the whole values (reveal roles only, audited).
 */
export class GetCaseContacts extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly options: { reveal?: boolean } = {},
  ) {
    super(meta);
  }
}

export interface ContactPointView {
  readonly id: string;
  readonly kind: 'phone' | 'address';
  readonly subtype: string;
  /** Masked unless the view is whole. */
  readonly value: string;
  readonly source: string;
  readonly status: string;
  readonly updatedAt: string;
}

export interface ContactPartyView {
  readonly id: string;
  /** guarantor / co-borrower / emergency-contact */
  readonly kind: string;
  /** 父亲, 母亲, 配偶, 担保公司 … as the contract states it. */
  readonly relation: string | null;
  readonly partyType: 'person' | 'organisation';
  readonly name: string;
  readonly phones: readonly ContactPointView[];
  readonly addresses: readonly ContactPointView[];
}

export interface CaseContactsView {
  readonly caseId: string;
  readonly debtorId: string;
  readonly debtorName: string;
  /** assigned / revealed: shown whole (and audited); masked otherwise. */
  readonly access: Exclude<CaseContactAccess, 'refused'>;
  /** The viewer may ask for the whole values (显示完整). */
  readonly mayReveal: boolean;
  readonly phones: readonly ContactPointView[];
  readonly addresses: readonly ContactPointView[];
  readonly parties: readonly ContactPartyView[];
  /** Village, school, employer, dealer … the debtor belongs to. */
  readonly groups: readonly { id: string; type: string; code: string; name: string }[];
  /** 失联 since (tenant date), or null. */
  readonly unreachableSince: string | null;
}
