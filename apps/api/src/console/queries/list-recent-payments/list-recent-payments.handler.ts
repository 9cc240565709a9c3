import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarService } from '@qingshou/calendar';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ListRecentPayments, RecentPayments } from './list-recent-payments.query';

interface Row {
  id: string;
  account_ref: string;
  debtor_name: string;
  case_id: string | null;
  amount: string;
  paid_on: string;
  source: string;
  external_ref: string;
  note: string | null;
  reverses_payment_id: string | null;
  reversed: boolean;
  recorded_by: string | null;
  recorded_at: Date;
}

@QueryHandler(ListRecentPayments)
export class ListRecentPaymentsHandler implements IQueryHandler<
  ListRecentPayments,
  RecentPayments
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
  ) {}

  execute(query: ListRecentPayments): Promise<RecentPayments> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'ledger.read');
    const visible = visibleCasesSql(viewer);
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 200);
    return this.tx.run(query.tenantId, async (em) => {
      const [tenant] = await em.execute<{ time_zone: string }[]>(
        `select time_zone from tenants where id = ?`,
        [query.tenantId],
      );
      const rows = await em.execute<Row[]>(
        `select p.id, ac.external_ref as account_ref, d.name as debtor_name, vc.id as case_id,
                p.amount::text as amount, p.paid_on::text as paid_on, p.source, p.external_ref,
                p.note, p.reverses_payment_id,
                exists (select 1 from payments r where r.tenant_id = p.tenant_id
                          and r.reverses_payment_id = p.id) as reversed,
                u.display_name as recorded_by, p.recorded_at
         from payments p
         join accounts ac on ac.tenant_id = p.tenant_id and ac.id = p.account_id
         join debtors d on d.tenant_id = ac.tenant_id and d.id = ac.debtor_id
         left join users u on u.tenant_id = p.tenant_id and u.id::text = p.recorded_by
         join lateral (
           select c.id from case_accounts ca
           join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
           where ca.tenant_id = p.tenant_id and ca.account_id = p.account_id and ${visible.sql}
           order by (c.closed_on is null) desc, c.opened_on desc
           limit 1
         ) vc on true
         where p.tenant_id = ?
         order by p.recorded_at desc, p.id
         limit ${limit}`,
        [...visible.params, query.tenantId],
      );
      const items = rows.map((r) => ({
        id: r.id,
        accountRef: r.account_ref,
        debtorName: r.debtor_name,
        caseId: r.case_id,
        amount: r.amount,
        paidOn: r.paid_on,
        source: r.source,
        externalRef: r.external_ref,
        note: r.note,
        isReversal: r.reverses_payment_id !== null,
        reversed: r.reversed,
        recordedBy: r.recorded_by,
        recordedAt: new Date(r.recorded_at).toISOString(),
      }));
      return { today: this.calendar.today(tenant.time_zone), items };
    });
  }
}
