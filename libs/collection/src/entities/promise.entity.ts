import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { PromiseStatus } from '../domain/vocabulary';

/** 承诺还款: the debtor promised `amount` by `dueOn`. Not named Promise, for obvious reasons. */
@Entity({ tableName: 'promises' })
export class PromiseToPay {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'uuid', fieldName: 'account_id', nullable: true })
  accountId: string | null = null;

  @Property({ type: 'date', fieldName: 'promised_on' })
  promisedOn!: string;

  @Property({ type: 'date', fieldName: 'due_on' })
  dueOn!: string;

  @Property({ type: 'decimal' })
  amount!: string;

  @Property({ type: 'text' })
  status!: PromiseStatus;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'text', fieldName: 'recorded_by' })
  recordedBy!: string;

  @Property({ type: 'Date', fieldName: 'recorded_at' })
  recordedAt!: Date;
}
