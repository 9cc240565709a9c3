import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

export type DebtorKind = 'person' | 'organisation';

/**
 * Scalar-only mapping (like User): foreign keys are plain columns so inserts can be ordered
 * explicitly with em.insert, and reads go through SQL, never through entity graphs.
 */
@Entity({ tableName: 'debtors' })
export class Debtor {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: DebtorKind;

  @Property({ type: 'text' })
  name!: string;

  /** GB 11643 / GB 32100, normalised to 18 upper-case ASCII characters. */
  @Property({ type: 'text' })
  idNumber!: string;

  @Property({ type: ArrayType })
  phones: string[] = [];

  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Property({ type: 'Date' })
  createdAt!: Date;

  @Property({ type: 'text' })
  createdBy!: string;
}
