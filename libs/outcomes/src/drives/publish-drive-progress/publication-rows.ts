import { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@qingshou/core';
import type { PublicationView } from './publish-drive-progress.command';

export const PUBLICATION_COLUMNS = `id, drive_id, publication_key, report_id, audience, as_of::text,
  status, approver_role, requested_by, decided_by, published_at, content`;

/** A stored publication as the API shows it; a public list unpublished stays sealed. */
export function publicationView(
  row: Record<string, unknown>,
  roles: readonly Role[] | null,
): PublicationView {
  const status = row.status as PublicationView['status'];
  const approver = row.approver_role as string | null;
  const open =
    status === 'published' ||
    roles === null ||
    (approver !== null && (roles.includes(approver as Role) || roles.includes('manager')));
  return {
    id: String(row.id),
    driveId: String(row.drive_id),
    publication: String(row.publication_key),
    report: String(row.report_id),
    audience: row.audience as PublicationView['audience'],
    asOf: String(row.as_of),
    status,
    approverRole: approver,
    requestedBy: String(row.requested_by),
    decidedBy: (row.decided_by as string | null) ?? null,
    publishedAt: row.published_at ? new Date(row.published_at as string).toISOString() : null,
    content: open ? (row.content as Record<string, unknown>) : null,
  };
}

export async function findPublication(
  em: EntityManager,
  tenantId: string,
  where: string,
  params: unknown[],
): Promise<Record<string, unknown> | undefined> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${PUBLICATION_COLUMNS} from drive_publications where tenant_id = ? and ${where}`,
    [tenantId, ...params],
  );
  return rows[0];
}
