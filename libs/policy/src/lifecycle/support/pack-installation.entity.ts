import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ParamValue } from '../../loader/params';
import type { ResolvedPack } from '../../loader/resolved-pack';

export type InstallationStatus = 'active' | 'superseded';

/** One pinned pack for one tenant (Migration20261128000005Policy). */
@Entity({ tableName: 'pack_installations' })
export class PackInstallation {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', fieldName: 'pack_id' })
  packId!: string;

  @Property({ type: 'text' })
  version!: string;

  /** The tenant's overrides only; `resolved.params` holds every effective value. */
  @Property({ type: 'json' })
  params!: Record<string, ParamValue>;

  @Property({ type: 'json' })
  resolved!: ResolvedPack;

  @Property({ type: 'text' })
  digest!: string;

  @Property({ type: 'text' })
  status!: InstallationStatus;

  @Property({ type: 'Date', fieldName: 'installed_at' })
  installedAt!: Date;

  @Property({ type: 'text', fieldName: 'installed_by' })
  installedBy!: string;

  @Property({ type: 'Date', fieldName: 'superseded_at', nullable: true })
  supersededAt: Date | null = null;

  @Property({ type: 'uuid', fieldName: 'superseded_by', nullable: true })
  supersededBy: string | null = null;
}
