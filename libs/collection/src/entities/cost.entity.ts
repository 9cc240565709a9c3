import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A cost charged to the case (篇一: 尽可能将费用所发生摊在客户案件上). */
@Entity({ tableName: 'case_costs' })
export class CaseCost {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'uuid', fieldName: 'legal_matter_id', nullable: true })
  legalMatterId: string | null = null;

  @Property({ type: 'text' })
  category!: string;

  @Property({ type: 'decimal' })
  amount!: string;

  @Property({ type: 'text', fieldName: 'voucher_ref', nullable: true })
  voucherRef: string | null = null;

  @Property({ type: 'date', fieldName: 'incurred_on' })
  incurredOn!: string;

  @Property({ type: 'boolean' })
  approved = false;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'text', fieldName: 'recorded_by' })
  recordedBy!: string;

  @Property({ type: 'Date', fieldName: 'recorded_at' })
  recordedAt!: Date;
}

/** 以物抵债 (篇五 第十六条): an asset taken instead of cash, with appraisal and title transfer. */
@Entity({ tableName: 'settlements_in_kind' })
export class SettlementInKind {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'text' })
  asset!: string;

  @Property({ type: 'decimal', fieldName: 'appraisal_value' })
  appraisalValue!: string;

  @Property({ type: 'date', fieldName: 'appraised_on', nullable: true })
  appraisedOn: string | null = null;

  @Property({ type: 'date', fieldName: 'title_transfer_on', nullable: true })
  titleTransferOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'text', fieldName: 'recorded_by' })
  recordedBy!: string;

  @Property({ type: 'Date', fieldName: 'recorded_at' })
  recordedAt!: Date;
}

@Entity({ tableName: 'blacklist' })
export class BlacklistEntry {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'debtor_id' })
  debtorId!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'date' })
  since!: string;

  @Property({ type: 'uuid', fieldName: 'case_id', nullable: true })
  caseId: string | null = null;

  @Property({ type: 'text', fieldName: 'added_by' })
  addedBy!: string;

  @Property({ type: 'Date', fieldName: 'added_at' })
  addedAt!: Date;
}
