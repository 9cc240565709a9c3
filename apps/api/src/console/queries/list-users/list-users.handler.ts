import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ListUsers, UserRow } from './list-users.query';

/** A tenant has tens of users, not thousands: one bounded list. */
const LIMIT = 1000;

@QueryHandler(ListUsers)
export class ListUsersHandler implements IQueryHandler<ListUsers, UserRow[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListUsers): Promise<UserRow[]> {
    requirePermission(viewerOf(query), 'user.manage');
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select id, username, display_name, roles, status,
                to_json(created_at) #>> '{}' as created_at
         from users where tenant_id = ? order by username limit ${LIMIT}`,
        [query.tenantId],
      );
      return rows.map((r) => ({
        id: String(r.id),
        username: String(r.username),
        displayName: String(r.display_name),
        roles: r.roles as string[],
        status: String(r.status),
        createdAt: String(r.created_at),
      }));
    });
  }
}
