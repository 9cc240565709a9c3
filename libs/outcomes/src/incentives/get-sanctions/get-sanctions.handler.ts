import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { maskIdNumber } from '@qingshou/ledger';
import { pgTextArray } from '../../kpi/sql/account-state.sql';
import { pinnedPack } from '../../kpi/support/pinned-pack';
import { GetSanctions, SanctionRow, SanctionsReport } from './get-sanctions.query';

type Row = Record<string, unknown>;

@QueryHandler(GetSanctions)
export class GetSanctionsHandler implements IQueryHandler<GetSanctions, SanctionsReport> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: GetSanctions): Promise<SanctionsReport> {
    requirePermission(viewerOf(query), 'sanction.read');
    return this.tx.run(query.tenantId, async (em) => {
      const pack = await pinnedPack(em, query.tenantId);
      const { flag, kind, report } = query.filter;
      const chosen = pack.spec.flags.filter((f) =>
        flag ? f.id === flag : report ? f.report === report : f.kind === (kind ?? 'sanction'),
      );
      const byId = new Map(chosen.map((f) => [f.id, f]));
      if (chosen.length === 0) return { flags: [], rows: [] };
      const rows = await em.execute<Row[]>(
        `select f.flag, f.set_on::text, f.set_by, d.id as debtor_id, d.name, d.id_number,
                acc.id as account_id, acc.external_ref,
                coalesce((select jsonb_agg(jsonb_build_object('type', g.type, 'code', g.code, 'name', g.name)
                                           order by g.type, g.code)
                          from debtor_group_members m
                          join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
                          where m.tenant_id = f.tenant_id and m.debtor_id = d.id), '[]') as groups,
                coalesce((select jsonb_object_agg(v.key, v.value) from attribute_values v
                          where v.tenant_id = f.tenant_id and v.subject = 'debtor'
                            and v.subject_id = d.id), '{}') as attributes,
                coalesce(bal.total_due, 0)::text as total_due, bal.as_of::text as balance_as_of
         from pack_flags f
         left join accounts acc on f.subject = 'account' and acc.tenant_id = f.tenant_id
                               and acc.id = f.subject_id
         join debtors d on d.tenant_id = f.tenant_id
                       and d.id = case when f.subject = 'debtor' then f.subject_id else acc.debtor_id end
         left join lateral (
           select sum(b.total_due) as total_due, max(b.as_of) as as_of
           from account_balances b join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
           where b.tenant_id = f.tenant_id and a.debtor_id = d.id
             and (acc.id is null or a.id = acc.id)
         ) bal on true
         where f.tenant_id = ? and f.cleared_on is null and f.flag = any(?::text[])
         order by f.flag, d.name, d.id`,
        [query.tenantId, pgTextArray([...byId.keys()])],
      );
      return {
        flags: [...byId.keys()],
        rows: rows.map((r): SanctionRow => {
          const spec = byId.get(String(r.flag));
          return {
            flag: {
              id: String(r.flag),
              names: spec?.names ?? { zh: String(r.flag), en: String(r.flag) },
              kind: spec?.kind ?? 'marker',
              effects: spec?.effects ?? [],
            },
            debtor: {
              id: String(r.debtor_id),
              name: String(r.name),
              idNumberMasked: maskIdNumber(String(r.id_number)),
            },
            account: r.account_id
              ? { id: String(r.account_id), ref: String(r.external_ref) }
              : null,
            groups: r.groups as SanctionRow['groups'],
            attributes: r.attributes as Record<string, string>,
            setOn: String(r.set_on),
            setBy: String(r.set_by),
            totalDue: String(r.total_due),
            balanceAsOf: (r.balance_as_of as string | null) ?? null,
          };
        }),
      };
    });
  }
}
