import { NotFoundError } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';

/** The tenants directory is not tenant-scoped: a slug resolves before any tenant is bound. */
export async function tenantIdBySlug(tx: TenantTx, slug: string): Promise<string> {
  const rows = await tx.runUnscoped((em) =>
    em.execute<{ id: string }[]>(`select id from tenants where slug = ? and slug <> 'platform'`, [
      slug,
    ]),
  );
  if (!rows[0]) throw new NotFoundError('tenant', slug);
  return rows[0].id;
}
