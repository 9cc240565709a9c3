import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Role } from '@qingshou/core';

@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  username!: string;

  @Property({ type: 'text', fieldName: 'display_name' })
  displayName!: string;

  @Property({ type: 'text', fieldName: 'password_hash', hidden: true })
  passwordHash!: string;

  @Property({ type: ArrayType })
  roles!: Role[];

  @Property({ type: 'text' })
  status: 'active' | 'disabled' = 'active';

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt: Date = new Date();
}
