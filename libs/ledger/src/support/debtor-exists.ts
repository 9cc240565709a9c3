import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@qingshou/core';
import { isUuid } from './input-check';

/** Another tenant's debtor is invisible under RLS and reads as 404 like a missing one. */
export async function assertDebtorExists(
  em: EntityManager,
  tenantId: string,
  debtorId: string,
): Promise<void> {
  const found =
    isUuid(debtorId) &&
    (await em.execute(`select 1 from debtors where tenant_id = ? and id = ?`, [tenantId, debtorId]))
      .length > 0;
  if (!found) throw new NotFoundError('Debtor', debtorId);
}
