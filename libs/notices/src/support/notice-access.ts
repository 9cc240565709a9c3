import { EntityManager } from '@mikro-orm/postgresql';
import { assertCaseVisible, assertDebtorVisible, NotFoundError, Viewer } from '@qingshou/core';

/**
 * A notice is visible through its case (篇八: a collector reads, prints and reports the
 * delivery of the letters of cases assigned to them); a notice without a case through its
 * debtor's cases. Anything else is 404 — the same answer as a notice that does not exist,
 * so ids of other collectors' letters do not leak. Call it before reading or writing.
 */
export async function assertNoticeVisible(
  em: EntityManager,
  viewer: Viewer,
  tenantId: string,
  noticeId: string,
): Promise<void> {
  const [row] = await em.execute<{ case_id: string | null; debtor_id: string }[]>(
    `select case_id, debtor_id from notices where tenant_id = ? and id = ?`,
    [tenantId, noticeId],
  );
  if (!row) throw new NotFoundError('Notice', noticeId);
  if (row.case_id) {
    await assertCaseVisible(em, viewer, tenantId, row.case_id, 'Notice', noticeId);
    return;
  }
  try {
    await assertDebtorVisible(em, viewer, tenantId, row.debtor_id);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError('Notice', noticeId);
    throw error;
  }
}
