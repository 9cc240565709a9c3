import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One scheduled row, generated or imported as given; never rewritten by payments. */
@Entity({ tableName: 'installments' })
export class InstallmentRow {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  accountId!: string;

  @PrimaryKey({ type: 'integer' })
  seq!: number;

  @Property({ type: 'string', columnType: 'date' })
  dueDate!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  principal!: string;

  @Property({ type: 'decimal', precision: 18, scale: 2 })
  interest!: string;
}
