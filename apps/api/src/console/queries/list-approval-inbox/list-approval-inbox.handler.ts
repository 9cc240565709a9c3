import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ActivePacks } from '@qingshou/policy';
import { InboxAccount, InboxRow, ListApprovalInbox } from './list-approval-inbox.query';

interface Row {
  id: string;
  case_id: string;
  kind: string;
  approver_role: string;
  status: string;
  payload: Record<string, unknown>;
  reason: string | null;
  requested_by: string;
  requester_name: string | null;
  requested_at: Date;
  decider_name: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  debtor_name: string;
  stage: string | null;
  collector_name: string | null;
  dpd: number;
  amount_due: string;
  accounts: InboxAccount[];
  held: string[];
}

/** The engine asks as `engine:<pack ref>` (hold-notices, fire-actions). */
const ENGINE = 'engine:';

@QueryHandler(ListApprovalInbox)
export class ListApprovalInboxHandler implements IQueryHandler<ListApprovalInbox, InboxRow[]> {
  constructor(
    private readonly tx: TenantTx,
    private readonly packs: ActivePacks,
  ) {}

  execute(query: ListApprovalInbox): Promise<InboxRow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'approval.decide');
    const visible = visibleCasesSql(viewer);
    // DecideApproval lets the named role or a manager decide: the inbox lists exactly those.
    const everyRole = viewer.roles.includes('manager');
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), 500);
    const pending = query.tab === 'pending';
    // Lists go in as JSON: the driver would spread a JS array into separate parameters.
    const kinds = query.kinds ? JSON.stringify(query.kinds) : null;
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Row[]>(
        `select a.id, a.case_id, a.kind, a.approver_role, a.status, a.payload, a.reason,
                a.requested_by, ru.display_name as requester_name, a.requested_at,
                du.display_name as decider_name, a.decided_at, a.decision_note,
                d.name as debtor_name, c.stage, cu.display_name as collector_name,
                bal.dpd, bal.amount_due::text as amount_due, bal.accounts,
                -- Every letter waiting behind this approval: the engine's and a clerk's (篇五
                -- 催款函 issued from the case page joins the pending 对账 gate).
                array(select distinct h.template from engine_notice_holds h
                       where h.tenant_id = a.tenant_id and h.approval_id = a.id
                         and h.status <> 'cancelled' order by h.template) as held
         from approvals a
         join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
         join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
         left join users cu on cu.tenant_id = c.tenant_id and cu.id = c.assignee_id
         left join users ru on ru.tenant_id = a.tenant_id and ru.id::text = a.requested_by
         left join users du on du.tenant_id = a.tenant_id and du.id::text = a.decided_by
         left join lateral (
           select coalesce(max(ab.dpd), 0) as dpd, coalesce(sum(ab.total_due), 0) as amount_due,
                  coalesce(jsonb_agg(jsonb_build_object(
                    'ref', ac.external_ref, 'totalDue', coalesce(ab.total_due, 0)::text,
                    'dpd', coalesce(ab.dpd, 0)) order by ac.external_ref), '[]'::jsonb) as accounts
           from case_accounts ca
           join accounts ac on ac.tenant_id = ca.tenant_id and ac.id = ca.account_id
           left join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
           where ca.tenant_id = c.tenant_id and ca.case_id = c.id
         ) bal on true
         where a.tenant_id = ? and ${pending ? `a.status = 'pending'` : `a.status <> 'pending'`}
           and (?::boolean or a.approver_role in (select jsonb_array_elements_text(?::jsonb)))
           and (?::jsonb is null or a.kind in (select jsonb_array_elements_text(?::jsonb)))
           and ${visible.sql}
         order by ${pending ? 'a.requested_at, a.id' : 'a.decided_at desc nulls last, a.id'}
         limit ${limit}`,
        [query.tenantId, everyRole, JSON.stringify(viewer.roles), kinds, kinds, ...visible.params],
      );
      const active = rows.length ? await this.packs.active(em, query.tenantId) : null;
      const titleOf = (template: unknown): string | null => {
        if (typeof template !== 'string' || !active) return null;
        return active.pack.templates[template]?.title ?? null;
      };
      const titlesOf = (r: Row): string | null => {
        const titles = [r.payload?.template, ...(r.held ?? [])]
          .map(titleOf)
          .filter((t): t is string => !!t);
        return titles.length ? [...new Set(titles)].join('、') : null;
      };
      return rows.map((r) => {
        const byEngine = r.requested_by.startsWith(ENGINE);
        return {
          id: r.id,
          caseId: r.case_id,
          kind: r.kind,
          approverRole: r.approver_role,
          status: r.status,
          payload: r.payload ?? {},
          reason: byEngine ? null : r.reason,
          requestedBy: byEngine ? null : (r.requester_name ?? null),
          byEngine,
          requestedAt: new Date(r.requested_at).toISOString(),
          decidedBy: r.decider_name,
          decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
          decisionNote: r.decision_note,
          debtorName: r.debtor_name,
          stage: r.stage,
          collector: r.collector_name,
          dpd: Number(r.dpd),
          amountDue: r.amount_due,
          accounts: r.accounts,
          templateTitle: titlesOf(r),
        };
      });
    });
  }
}
