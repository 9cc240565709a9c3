import { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError } from '@qingshou/core';
import { PLATFORM_TENANT_ID } from '@qingshou/db';
import type { ParamValue } from '../../loader/params';
import type { ResolvedPack } from '../../loader/resolved-pack';
import { PackInstallation } from './pack-installation.entity';

/** The tenant's active installation, locked for the rest of the transaction. */
export async function activeInstallation(
  em: EntityManager,
  tenantId: string,
  lock = false,
): Promise<PackInstallation | null> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from pack_installations where tenant_id = ? and status = 'active'${lock ? ' for update' : ''}`,
    [tenantId],
  );
  if (!rows[0]) return null;
  return em.findOne(PackInstallation, { tenantId, id: rows[0].id });
}

/** Defence in depth behind the HTTP guard: only the platform or the tenant itself installs. */
export function assertMayManage(actorTenantId: string, tenantId: string): void {
  if (actorTenantId !== PLATFORM_TENANT_ID && actorTenantId !== tenantId) {
    throw new ForbiddenError("Only a platform admin or the tenant's own admin manages its pack");
  }
}

/** The public view of an installation; `resolved` only when asked for. */
export interface InstallationView {
  readonly installationId: string;
  readonly packId: string;
  readonly version: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly digest: string;
  readonly status: string;
  readonly installedAt: string;
  readonly installedBy: string;
  readonly supersededAt: string | null;
  readonly supersededBy: string | null;
  readonly resolved?: ResolvedPack;
}

export function viewOf(row: PackInstallation, withResolved = false): InstallationView {
  return {
    installationId: row.id,
    packId: row.packId,
    version: row.version,
    params: row.params,
    digest: row.digest,
    status: row.status,
    installedAt: row.installedAt.toISOString(),
    installedBy: row.installedBy,
    supersededAt: row.supersededAt ? row.supersededAt.toISOString() : null,
    supersededBy: row.supersededBy,
    ...(withResolved ? { resolved: row.resolved } : {}),
  };
}
