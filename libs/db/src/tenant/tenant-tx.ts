import { AsyncLocalStorage } from 'node:async_hooks';
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

/** An open transaction a whole request shares (TenantTx.share). */
interface SharedTx {
  readonly tenantId: string;
  readonly em: EntityManager;
}

const shared = new AsyncLocalStorage<SharedTx>();

/**
 * The one way tenant work reaches the database: a fresh EntityManager, one transaction,
 * the tenant set for exactly that transaction, one flush at commit. A pooled connection
 * never carries the tenant to the next user.
 */
@Injectable()
export class TenantTx {
  constructor(private readonly orm: MikroORM) {}

  run<T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    const open = shared.getStore();
    if (open?.tenantId === tenantId) return this.within(open.em, work);
    const em = this.orm.em.fork({ clear: true });
    return em.transactional(async (tx) => {
      await bindTenant(tx, tenantId);
      return work(tx);
    });
  }

  /**
   * One transaction (one pooled connection, one BEGIN/bind/COMMIT) for everything `work`
   * runs for this tenant: a page's queries, which would otherwise each take a connection
   * and a transaction of their own (issue 15 §1). Each `run` inside still gets a fresh
   * EntityManager, flushed when its work ends, so a unit of work stays its own; a `run` for
   * another tenant, or outside `work`'s async context, opens its own transaction as ever.
   * Meant for reads (console GET pages): an SQL error aborts the whole shared transaction.
   */
  share<T>(tenantId: string, work: () => Promise<T>): Promise<T> {
    if (shared.getStore()) return work();
    const em = this.orm.em.fork({ clear: true });
    return em.transactional(async (tx) => {
      await bindTenant(tx, tenantId);
      return shared.run({ tenantId, em: tx }, work);
    });
  }

  private async within<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>) {
    const fork = em.fork({ clear: true, keepTransactionContext: true });
    const result = await work(fork);
    await fork.flush();
    return result;
  }

  /** Reads that need no tenant: the tenants directory itself. */
  runUnscoped<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const em = this.orm.em.fork({ clear: true });
    return em.transactional(work);
  }
}
