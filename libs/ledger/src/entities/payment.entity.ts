import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Append-only (the app role may not UPDATE or DELETE payments): a receipt is positive, a
 * reversal is a new negative row naming the receipt in reversesPaymentId.
 */
@Entity({ tableName: 'payments' })
export class Payment {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  externalRef!: string;

  @Property({ type: 'string', columnType: 'date' })
  paidOn!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Property({ type: 'uuid', nullable: true })
  reversesPaymentId?: string | null;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'Date' })
  recordedAt!: Date;
}

/** A charge other than interest (collection cost, late fee, legal fee). */
@Entity({ tableName: 'account_fees' })
export class AccountFee {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  accountId!: string;

  @Property({ type: 'integer', nullable: true })
  seq?: number | null;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'string', columnType: 'date' })
  feeDate!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  amount!: string;

  @Property({ type: 'text', nullable: true })
  note?: string | null;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'Date' })
  recordedAt!: Date;
}
