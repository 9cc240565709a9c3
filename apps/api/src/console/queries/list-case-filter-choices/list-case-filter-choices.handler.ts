import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CaseFilterChoices, ListCaseFilterChoices } from './list-case-filter-choices.query';

@QueryHandler(ListCaseFilterChoices)
export class ListCaseFilterChoicesHandler implements IQueryHandler<
  ListCaseFilterChoices,
  CaseFilterChoices
> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListCaseFilterChoices): Promise<CaseFilterChoices> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const visible = visibleCasesSql(viewer);
    const seen = `select c.* from cases c where c.tenant_id = ? and ${visible.sql}`;
    const params = [query.tenantId, ...visible.params];
    return this.tx.run(query.tenantId, async (em) => {
      const assignees = await em.execute<{ id: string; name: string }[]>(
        `select distinct u.id, u.display_name as name
         from (${seen}) c join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
         order by name, id`,
        params,
      );
      const teams = await em.execute<{ id: string; name: string }[]>(
        `select distinct t.id, t.name
         from (${seen}) c join teams t on t.tenant_id = c.tenant_id and t.id = c.team_id
         order by name, id`,
        params,
      );
      const groups = await em.execute<{ id: string; type: string; name: string }[]>(
        `select distinct g.id, g.type, g.name
         from (${seen}) c
         join debtor_group_members m on m.tenant_id = c.tenant_id and m.debtor_id = c.debtor_id
         join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
         order by type, name, id`,
        params,
      );
      return { assignees, teams, groups };
    });
  }
}
