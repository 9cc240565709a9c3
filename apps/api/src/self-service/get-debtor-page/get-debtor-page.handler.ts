import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { EventLog, TenantTx } from '@qingshou/db';
import { maskName, type OpenLink, auditOnCase, debtorActorId } from '@qingshou/self-service';
import { DebtorBalances } from '../support/debtor-balances';
import { DebtorSteps } from '../support/debtor-steps';
import { DebtorPageView, GetDebtorPage } from './get-debtor-page.query';

/**
 * The debtor's page: minimal data (masked name, the office, the balance as of today from the
 * ledger per account, the notices sent, the plan) for a verified session of a usable link.
 * Each view is recorded on the case's audit chain as the debtor's own.
 */
@QueryHandler(GetDebtorPage)
export class GetDebtorPageHandler implements IQueryHandler<GetDebtorPage, DebtorPageView | null> {
  constructor(
    private readonly steps: DebtorSteps,
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly balances: DebtorBalances,
  ) {}

  async execute(query: GetDebtorPage): Promise<DebtorPageView | null> {
    const link = await this.steps.verified(query);
    if (!link) return null;
    const rows = await this.tx.run(link.tenantId, (em) => this.read(em, link, query));
    const { asOf, accounts, totals } = await this.balances.of(link, query.correlationId);
    const rules = link.rules;
    return {
      caseId: link.caseId,
      linkId: link.linkId,
      maskedName: maskName(link.debtorName, link.debtorKind),
      officeName: link.officeName,
      timeZone: link.timeZone,
      asOf: asOf ?? rows.today,
      accounts,
      totals,
      notices: rows.notices,
      plan: rows.plan,
      actions: rules.actions,
      rules: {
        maxInstalments: rules.plans?.maxInstalments ?? 0,
        minDownPaymentShare: rules.plans?.minDownPaymentShare ?? '0',
        minInstalment: rules.plans?.minInstalment ?? '0.01',
        autoAgreePlansUpTo: rules.autoAgreePlansUpTo,
        contactHours: rules.contactHours,
        disputeKinds: rules.disputeKinds,
      },
    };
  }

  private async read(em: EntityManager, link: OpenLink, query: GetDebtorPage) {
    const notices = await em.execute<{ sentOn: string; title: string }[]>(
      `select sent_on::text as "sentOn", title from notices
        where tenant_id = ? and case_id = ? and sent_on is not null
        order by sent_on desc, created_at desc limit 20`,
      [link.tenantId, link.caseId],
    );
    const [plan] = await em.execute<{ id: string; status: string; total: string }[]>(
      `select id, status, total::text as total from repayment_plans
        where tenant_id = ? and case_id = ? and status in ('proposed', 'active')`,
      [link.tenantId, link.caseId],
    );
    const instalments = plan
      ? await em.execute<{ seq: number; dueOn: string; amount: string; status: string }[]>(
          `select seq, due_on::text as "dueOn", amount::text as amount, status
             from plan_instalments where tenant_id = ? and plan_id = ? order by seq`,
          [link.tenantId, plan.id],
        )
      : [];
    const now = this.clock.now();
    await auditOnCase(
      em,
      this.events,
      {
        tenantId: link.tenantId,
        actorId: debtorActorId(link.linkId),
        correlationId: query.correlationId,
        occurredAt: now,
      },
      'DebtorPageViewed',
      link.caseId,
      { linkId: link.linkId },
    );
    const [{ today }] = await em.execute<{ today: string }[]>(
      `select (now() at time zone ?)::date::text as today`,
      [link.timeZone],
    );
    return {
      notices,
      plan: plan ? { status: plan.status, total: plan.total, instalments } : null,
      today,
    };
  }
}
