import { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@qingshou/core';

export async function tenantTimeZone(em: EntityManager, tenantId: string): Promise<string> {
  const [row] = await em.execute<{ time_zone: string }[]>(
    `select time_zone from tenants where id = ?`,
    [tenantId],
  );
  if (!row) throw new NotFoundError('tenant', tenantId);
  return row.time_zone;
}
