import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { DebtorKind } from './debtor.entity';

export const RELATED_PARTY_KINDS = ['guarantor', 'co-borrower', 'emergency-contact'] as const;
export type RelatedPartyKind = (typeof RELATED_PARTY_KINDS)[number];

/** 担保人 / 共同借款人 / 紧急联系人 of a debtor, optionally tied to one of its accounts. */
@Entity({ tableName: 'related_parties' })
export class RelatedParty {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  debtorId!: string;

  @Property({ type: 'uuid', nullable: true })
  accountId?: string | null;

  @Property({ type: 'text' })
  kind!: RelatedPartyKind;

  /** Free text as the contract states it: 配偶, 父母, 同事 … */
  @Property({ type: 'text', nullable: true })
  relation?: string | null;

  @Property({ type: 'text' })
  partyType!: DebtorKind;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  idNumber?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'Date' })
  createdAt!: Date;

  @Property({ type: 'text' })
  createdBy!: string;
}
