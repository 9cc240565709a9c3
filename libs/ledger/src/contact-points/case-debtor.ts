import { EntityManager } from '@mikro-orm/postgresql';
import { assertCaseVisible, NotFoundError, Viewer } from '@qingshou/core';
import { isUuid } from '../support/input-check';

/**
 * The contact panel works through a case (篇八: a collector reaches a debtor only through a
 * case assigned to them): 404 unless the viewer sees the case; its debtor and assignee.
 */
export async function caseDebtor(
  em: EntityManager,
  viewer: Viewer,
  tenantId: string,
  caseId: string,
): Promise<{ debtorId: string; assigneeId: string | null }> {
  if (!isUuid(caseId)) throw new NotFoundError('Case', caseId);
  await assertCaseVisible(em, viewer, tenantId, caseId, 'Case');
  const [row] = await em.execute<{ debtor_id: string; assignee_id: string | null }[]>(
    `select debtor_id, assignee_id from cases where tenant_id = ? and id = ?`,
    [tenantId, caseId],
  );
  if (!row) throw new NotFoundError('Case', caseId);
  return { debtorId: String(row.debtor_id), assigneeId: row.assignee_id ?? null };
}
