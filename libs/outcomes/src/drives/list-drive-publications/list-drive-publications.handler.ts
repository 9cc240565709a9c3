import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { loadDrive } from '../support/drive-rows';
import { PUBLICATION_COLUMNS, publicationView } from '../publish-drive-progress/publication-rows';
import type { PublicationView } from '../publish-drive-progress/publish-drive-progress.command';
import { ListDrivePublications } from './list-drive-publications.query';

@QueryHandler(ListDrivePublications)
export class ListDrivePublicationsHandler implements IQueryHandler<
  ListDrivePublications,
  PublicationView[]
> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListDrivePublications): Promise<PublicationView[]> {
    requirePermission(viewerOf(query), 'drive.publications.read');
    return this.tx.run(query.tenantId, async (em) => {
      await loadDrive(em, query.tenantId, query.driveId);
      const rows = await em.execute<Record<string, unknown>[]>(
        `select ${PUBLICATION_COLUMNS} from drive_publications
         where tenant_id = ? and drive_id = ? order by as_of desc, requested_at desc`,
        [query.tenantId, query.driveId],
      );
      return rows.map((row) => publicationView(row, query.roles));
    });
  }
}
