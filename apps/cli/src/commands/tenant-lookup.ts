import { NotFoundError } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';

export async function tenantIdBySlug(tx: TenantTx, slug: string): Promise<string> {
  const rows = await tx.runUnscoped((em) =>
    em.execute<{ id: string }[]>(`select id from tenants where slug = ?`, [slug]),
  );
  if (!rows[0]) throw new NotFoundError('tenant', slug);
  return rows[0].id;
}
