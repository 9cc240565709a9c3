import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const ACCOUNT_TYPES = [
  'lease-contract',
  'student-loan',
  'loan',
  'microloan',
  'housing-fund-loan',
  'employer-contribution',
  'card-account',
  'receivable',
] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** The domain's generators plus 'given': a schedule imported or entered row by row. */
export const REPAYMENT_METHODS = [
  'equal-installment',
  'equal-principal',
  'bullet',
  'interest-only',
  'student-loan',
  'given',
] as const;
export type AccountRepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** Money and rates are decimal strings (numeric in PostgreSQL); dates are 'YYYY-MM-DD'. */
@Entity({ tableName: 'accounts' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  debtorId!: string;

  @Property({ type: 'text' })
  type!: AccountType;

  @Property({ type: 'text' })
  source!: string;

  @Property({ type: 'text' })
  externalRef!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  principal!: string;

  @Property({ type: 'decimal', precision: 9, scale: 6 })
  annualRate!: string;

  @Property({ type: 'smallint' })
  dayCountBasis!: 360 | 365;

  @Property({ type: 'decimal', precision: 9, scale: 6 })
  penaltyMarkup!: string;

  @Property({ type: 'boolean' })
  compoundEnabled!: boolean;

  /**
   * Terms the account set itself where its pack allows or is silent (Migration…15); the
   * other term columns hold the pack's value at registration, and balances read
   * the pack's terms as they stood on each day (docs/policy-packs.md).
   */
  @Property({ type: ArrayType })
  ownTerms: string[] = [];

  @Property({ type: 'string', columnType: 'date' })
  startDate!: string;

  @Property({ type: 'text' })
  repaymentMethod!: AccountRepaymentMethod;

  @Property({ type: 'json' })
  scheduleParams!: Record<string, unknown>;

  @Property({ type: 'text' })
  currency = 'CNY' as const;

  @Property({ type: 'Date' })
  createdAt!: Date;

  @Property({ type: 'text' })
  createdBy!: string;
}
