import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { caseScopeOf, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CollectorOption, ListCollectors } from './list-collectors.query';

@QueryHandler(ListCollectors)
export class ListCollectorsHandler implements IQueryHandler<ListCollectors, CollectorOption[]> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListCollectors): Promise<CollectorOption[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.assign');
    const scope = caseScopeOf(viewer);
    if (scope.kind === 'none' || scope.kind === 'own') return Promise.resolve([]);
    const teamsOnly = scope.kind === 'teams';
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<
        { id: string; display_name: string; username: string; open_cases: string }[]
      >(
        `select u.id, u.display_name, u.username,
                (select count(*) from cases c where c.tenant_id = u.tenant_id and c.assignee_id = u.id
                   and c.closed_on is null) as open_cases
         from users u
         where u.tenant_id = ? and u.status = 'active'
           and u.roles && array['phone-collector', 'field-collector']::text[]
           and (not ?::boolean or exists (
                 select 1 from team_members mine join team_members theirs
                   on theirs.tenant_id = mine.tenant_id and theirs.team_id = mine.team_id
                 where mine.tenant_id = u.tenant_id and mine.user_id = ? and theirs.user_id = u.id))
         order by u.display_name, u.id`,
        [query.tenantId, teamsOnly, query.actorId],
      );
      return rows.map((r) => ({
        id: r.id,
        displayName: r.display_name,
        username: r.username,
        openCases: Number(r.open_cases),
      }));
    });
  }
}
