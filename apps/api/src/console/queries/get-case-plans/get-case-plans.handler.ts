import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, localDateOf } from '@qingshou/calendar';
import { PlanRules } from '@qingshou/collection';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { CasePlan, CasePlans, GetCasePlans } from './get-case-plans.query';

interface PlanRow {
  id: string;
  status: string;
  arrears: string;
  penalty: string;
  waiver: string;
  total: string;
  down_payment: string;
  instalment_count: number;
  start_on: string;
  grace_days: number;
  agreed_on: string | null;
  kept_on: string | null;
  broken_on: string | null;
  waiver_withdrawn: boolean;
  approval_status: string | null;
  notes: string | null;
  signed_name: string | null;
  signed_sha256: string | null;
  signed_at: string | null;
  instalments: { seq: number; dueOn: string; amount: string; paid: string; status: string }[];
}

/**
 * Reads the case (visible to the viewer, else 404), the ledger's snapshot of its accounts and
 * its plans with their instalments in one transaction. The arrears a plan covers are what is
 * overdue without the penalty; the penalty (罚息 + 复利) is shown apart, since the pack may
 * let part of it be waived while the plan is kept.
 */
@QueryHandler(GetCasePlans)
export class GetCasePlansHandler implements IQueryHandler<GetCasePlans, CasePlans> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly rules: PlanRules,
  ) {}

  async execute(query: GetCasePlans): Promise<CasePlans> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const visible = visibleCasesSql(viewer);
    const rules = await this.rules.rulesFor(query.tenantId);
    return this.tx.run(query.tenantId, async (em) => {
      const [head] = await em.execute<{ time_zone: string; arrears: string; penalty: string }[]>(
        `select t.time_zone,
                coalesce(sum(b.total_due - b.penalty_interest - b.compound_interest), 0)::text
                  as arrears,
                coalesce(sum(b.penalty_interest + b.compound_interest), 0)::text as penalty
         from cases c
         join tenants t on t.id = c.tenant_id
         left join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
         left join account_balances b on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
         where c.tenant_id = ? and c.id = ? and ${visible.sql}
         group by t.time_zone`,
        [query.tenantId, query.caseId, ...visible.params],
      );
      if (!head) throw new NotFoundError('case', query.caseId);
      const rows = await em.execute<PlanRow[]>(
        `select p.id, p.status, p.arrears::text, p.penalty::text, p.waiver::text, p.total::text,
                p.down_payment::text, p.instalment_count, p.start_on::text, p.grace_days,
                p.agreed_on::text, p.kept_on::text, p.broken_on::text, p.waiver_withdrawn,
                a.status as approval_status, p.notes, f.original_name as signed_name,
                f.sha256 as signed_sha256, to_json(p.signed_at)#>>'{}' as signed_at,
                (select jsonb_agg(jsonb_build_object('seq', i.seq, 'dueOn', i.due_on::text,
                          'amount', i.amount::text, 'paid', i.paid::text, 'status', i.status)
                          order by i.seq)
                 from plan_instalments i where i.tenant_id = p.tenant_id and i.plan_id = p.id)
                  as instalments
         from repayment_plans p
         left join approvals a on a.tenant_id = p.tenant_id and a.id = p.approval_id
         left join attachments f on f.tenant_id = p.tenant_id and f.id = p.signed_attachment_id
         where p.tenant_id = ? and p.case_id = ?
         order by p.proposed_at desc, p.id`,
        [query.tenantId, query.caseId],
      );
      const plans: CasePlan[] = rows.map((r) => ({
        id: r.id,
        status: r.status,
        arrears: r.arrears,
        penalty: r.penalty,
        waiver: r.waiver,
        total: r.total,
        downPayment: r.down_payment,
        count: r.instalment_count,
        startOn: r.start_on,
        graceDays: r.grace_days,
        agreedOn: r.agreed_on,
        keptOn: r.kept_on,
        brokenOn: r.broken_on,
        waiverWithdrawn: r.waiver_withdrawn,
        approvalStatus: r.approval_status,
        notes: r.notes,
        signed: r.signed_at
          ? { name: String(r.signed_name), sha256: String(r.signed_sha256), at: r.signed_at }
          : null,
        instalments: (r.instalments ?? []).map((i) => ({ ...i, amount: String(i.amount) })),
      }));
      return {
        today: localDateOf(this.clock.now(), head.time_zone),
        arrears: head.arrears,
        penalty: head.penalty,
        rules,
        plans,
      };
    });
  }
}
