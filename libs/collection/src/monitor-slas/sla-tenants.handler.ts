import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PLATFORM_TENANT_ID, TenantTx } from '@qingshou/db';
import { ListSlaTenants } from './sla-tenants.query';

/** Reads the tenants directory, which needs no tenant (TenantTx.runUnscoped). */
@QueryHandler(ListSlaTenants)
export class ListSlaTenantsHandler implements IQueryHandler<ListSlaTenants, string[]> {
  constructor(private readonly tx: TenantTx) {}

  async execute(): Promise<string[]> {
    const rows = await this.tx.runUnscoped((em) =>
      em.execute<{ id: string }[]>(
        `select id from tenants where status = 'active' and id <> ? order by id`,
        [PLATFORM_TENANT_ID],
      ),
    );
    return rows.map((r) => r.id);
  }
}
