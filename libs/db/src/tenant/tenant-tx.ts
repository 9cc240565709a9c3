import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { DomainError } from '@qingshou/core';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Binds the transaction to a tenant with `set_config(…, true)`: it ends with the transaction. */
export async function bindTenant(em: EntityManager, tenantId: string): Promise<void> {
  if (!UUID.test(tenantId))
    throw new DomainError('bad-tenant', `"${tenantId}" is not a tenant id`, 400);
  await em.execute(`select set_config('app.tenant_id', ?, true)`, [tenantId]);
}

/**
 * The one way tenant work reaches the database: a fresh EntityManager, one transaction,
 * the tenant set for exactly that transaction, one flush at commit. A pooled connection
 * never carries the tenant to the next user.
 */
@Injectable()
export class TenantTx {
  constructor(private readonly orm: MikroORM) {}

  run<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = this.orm.em.fork({ clear: true });
    return em.transactional(async (tx) => {
      await bindTenant(tx, tenantId);
      return work(tx);
    });
  }

  /** Reads that need no tenant: the tenants directory itself. */
  runUnscoped<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = this.orm.em.fork({ clear: true });
    return em.transactional(work);
  }
}
