import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { GetMe, Me } from './get-me.query';

@QueryHandler(GetMe)
export class GetMeHandler implements IQueryHandler<GetMe, Me> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: GetMe): Promise<Me> {
    requirePermission(viewerOf(query), 'me.read');
    const rows = await this.tx.run(query.tenantId, (em) =>
      em.execute<Record<string, string | string[]>[]>(
        `select u.id, u.username, u.display_name, u.roles, t.id as tenant_id, t.slug, t.name,
                t.kind, t.time_zone
         from users u join tenants t on t.id = u.tenant_id
         where u.tenant_id = ? and u.id = ?`,
        [query.tenantId, query.actorId],
      ),
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('user', query.actorId);
    return {
      userId: String(row.id),
      username: String(row.username),
      displayName: String(row.display_name),
      roles: row.roles as string[],
      tenant: {
        id: String(row.tenant_id),
        slug: String(row.slug),
        name: String(row.name),
        kind: String(row.kind),
        timeZone: String(row.time_zone),
      },
    };
  }
}
