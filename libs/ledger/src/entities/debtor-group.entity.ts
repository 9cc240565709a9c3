import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A typed grouping (village, school, cohort, employer, dealer, branch — types come from packs). */
@Entity({ tableName: 'debtor_groups' })
export class DebtorGroup {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'Date' })
  createdAt!: Date;
}

@Entity({ tableName: 'debtor_group_members' })
export class DebtorGroupMember {
  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  groupId!: string;

  @PrimaryKey({ type: 'uuid' })
  debtorId!: string;

  @Property({ type: 'Date' })
  addedAt!: Date;

  @Property({ type: 'text' })
  addedBy!: string;
}
