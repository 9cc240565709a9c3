import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { DebtorKind } from '../entities/debtor.entity';
import type { RelatedPartyKind } from '../entities/related-party.entity';

export interface RelatedPartyInput {
  readonly kind: RelatedPartyKind;
  /** As the contract or the debtor states it: 配偶, 父母, 同事, 担保公司 … */
  readonly relation?: string | null;
  /** A guarantor may be an organisation (担保公司); default person. */
  readonly partyType?: DebtorKind;
  readonly name: string;
  readonly idNumber?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  /** The account this party stands behind; without it the party relates to the debtor. */
  readonly accountId?: string | null;
}

export class AddRelatedParty extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly debtorId: string,
    readonly party: RelatedPartyInput,
  ) {
    super(meta);
  }
}
