import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import type { InstallationView } from '../support/installations';
import { ListPackInstallations } from './list-pack-installations.query';

interface Row {
  id: string;
  pack_id: string;
  version: string;
  params: Record<string, string | number | boolean>;
  digest: string;
  status: string;
  installed_at: Date;
  installed_by: string;
  superseded_at: Date | null;
  superseded_by: string | null;
}

/** A read: plain SQL, no snapshot columns (they can be large). */
@QueryHandler(ListPackInstallations)
export class ListPackInstallationsHandler implements IQueryHandler<
  ListPackInstallations,
  InstallationView[]
> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: ListPackInstallations): Promise<InstallationView[]> {
    requirePermission(viewerOf(query), 'pack.read-installed');
    const rows = await this.tx.run(query.tenantId, (em) =>
      em.execute<Row[]>(
        `select id, pack_id, version, params, digest, status, installed_at, installed_by,
                superseded_at, superseded_by
         from pack_installations where tenant_id = ? order by installed_at desc, id`,
        [query.tenantId],
      ),
    );
    return rows.map((r) => ({
      installationId: r.id,
      packId: r.pack_id,
      version: r.version,
      params: r.params,
      digest: r.digest,
      status: r.status,
      installedAt: new Date(r.installed_at).toISOString(),
      installedBy: r.installed_by,
      supersededAt: r.superseded_at ? new Date(r.superseded_at).toISOString() : null,
      supersededBy: r.superseded_by,
    }));
  }
}
