import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

export const TENANT_KINDS = [
  'platform',
  'leasing',
  'school',
  'credit-coop',
  'housing-fund',
  'agency',
  'microloan',
] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

/** The tenants directory. Not tenant-owned itself: logins resolve a slug before any tenant is set. */
@Entity({ tableName: 'tenants' })
export class Tenant {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  kind!: TenantKind;

  @Property({ type: 'text', fieldName: 'time_zone' })
  timeZone!: string;

  @Property({ type: 'text' })
  status: 'active' | 'suspended' = 'active';

  /** A session unused this long ends (issue 14); each request it serves restarts the wait. */
  @Property({ type: 'integer', fieldName: 'session_idle_minutes' })
  sessionIdleMinutes: Opt<number> = 30;

  /** No session lives longer than this from its login, however often it is renewed. */
  @Property({ type: 'integer', fieldName: 'session_absolute_hours' })
  sessionAbsoluteHours: Opt<number> = 12;

  @Property({ type: 'Date', fieldName: 'created_at', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
