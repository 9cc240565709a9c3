import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock, localDateOf } from '@qingshou/calendar';
import { NotFoundError, requirePermission } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { viewerOf } from '../domain/collection-command';
import { effectiveDpd } from '../domain/effective-dpd';
import type { CaseDetail } from '../domain/read-models';
import {
  CASE_SUMMARY_COLUMNS,
  CASE_SUMMARY_JOINS,
  CaseSummaryRow,
  toCaseSummary,
} from '../support/case-sql';
import { tenantTimeZone } from '../support/collection-tx';
import { int, isoInstant, money } from '../support/sql-values';
import { visibleCasesSql } from '@qingshou/core';
import { accountInstallmentCountsJoin } from '../support/overdue-installments.sql';
import { caseDisputes, disputeSpan } from './case-disputes.sql';
import { caseTimeline } from './case-timeline.sql';
import { GetCase } from './get-case.query';

@QueryHandler(GetCase)
export class GetCaseHandler implements IQueryHandler<GetCase, CaseDetail> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
  ) {}

  execute(query: GetCase): Promise<CaseDetail> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    return this.tx.run(query.tenantId, async (em) => {
      const visible = visibleCasesSql(viewer);
      const [row] = await em.execute<(CaseSummaryRow & { blacklisted: boolean })[]>(
        `select ${CASE_SUMMARY_COLUMNS},
                exists (select 1 from blacklist b where b.tenant_id = c.tenant_id and b.debtor_id = c.debtor_id)
                  as blacklisted
         from cases c ${CASE_SUMMARY_JOINS}
         where c.tenant_id = ? and c.id = ? and ${visible.sql}`,
        [query.tenantId, query.caseId, ...visible.params],
      );
      if (!row) throw new NotFoundError('case', query.caseId);
      const args = [query.tenantId, row.id];
      const accounts = await em.execute<Record<string, string | null>[]>(
        // The case's accounts first (materialized): on tables not yet analyzed (a fresh
        // import) the planner ran the installment counts for every account of the tenant
        // before joining them to the case — a minute for a student's case.
        `with ab as materialized (
           select a.id, a.type, a.external_ref, b.dpd, b.total_due, b.overdue_principal, b.as_of,
                  b.aging_bucket, b.loan_class, ca.tenant_id
           from case_accounts ca
           join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
           left join account_balances b on b.tenant_id = ca.tenant_id and b.account_id = ca.account_id
           where ca.tenant_id = ? and ca.case_id = ?)
         select ab.id, ab.type, ab.external_ref, ab.dpd, ab.total_due, ab.overdue_principal,
                ab.as_of, ab.aging_bucket, ab.loan_class, oi.consecutive, oi.cumulative
         from ab ${accountInstallmentCountsJoin('ab.id')}
         order by ab.external_ref`,
        args,
      );
      const pauses = await em.execute<Record<string, string | null>[]>(
        `select id, reason, from_on, until_on, ended_on from pauses
         where tenant_id = ? and case_id = ? order by from_on, id`,
        args,
      );
      const tasks = await em.execute<Record<string, string | null>[]>(
        `select id, kind, title, due_at, assignee_id, role, priority from tasks
         where tenant_id = ? and case_id = ? and status = 'open' order by due_at, id`,
        args,
      );
      const summary = toCaseSummary(row);
      // DPD is the snapshot's, so paused days are taken out as of the same date.
      const asOf =
        row.balance_as_of ??
        localDateOf(this.clock.now(), await tenantTimeZone(em, query.tenantId));
      const disputes = await caseDisputes(em, query.tenantId, row.id);
      const spans = [
        ...pauses.map((p) => ({
          fromOn: String(p.from_on),
          untilOn: String(p.until_on),
          endedOn: p.ended_on,
        })),
        ...disputes.filter((d) => d.pause === 'case').map((d) => disputeSpan(d, asOf)),
      ];
      // An account's disputed days come out of its own count only (issue 16 §2).
      const accountDpd = (id: string, dpd: number | null) =>
        dpd === null
          ? null
          : effectiveDpd(
              dpd,
              [
                ...spans,
                ...disputes
                  .filter((d) => d.pause === 'account' && d.accountId === id)
                  .map((d) => disputeSpan(d, asOf)),
              ],
              asOf,
            );
      const figures = accounts.map((a) => accountDpd(String(a.id), int(a.dpd)));
      const known = figures.filter((n): n is number => n !== null);
      return {
        ...summary,
        // Without disputes, as before: the case's DPD less its paused days.
        effectiveDpd:
          disputes.length > 0 && known.length > 0
            ? Math.max(...known)
            : effectiveDpd(summary.dpd, spans, asOf),
        blacklisted: row.blacklisted,
        accounts: accounts.map((a, i) => ({
          effectiveDpd: figures[i],
          accountId: String(a.id),
          type: String(a.type),
          externalRef: String(a.external_ref),
          dpd: int(a.dpd),
          totalDue: money(a.total_due),
          overduePrincipal: money(a.overdue_principal),
          asOf: a.as_of,
          agingBucket: a.aging_bucket,
          loanClass: a.loan_class,
          overdueInstallments:
            a.consecutive === null
              ? null
              : { consecutive: Number(a.consecutive), cumulative: Number(a.cumulative) },
        })),
        pauses: pauses.map((p) => ({
          id: String(p.id),
          reason: String(p.reason),
          fromOn: String(p.from_on),
          untilOn: String(p.until_on),
          endedOn: p.ended_on,
        })),
        disputes,
        openTasks: tasks.map((t) => ({
          id: String(t.id),
          kind: String(t.kind),
          title: t.title ?? null,
          dueAt: isoInstant(t.due_at) as string,
          assigneeId: t.assignee_id,
          role: t.role,
          priority: Number(t.priority),
        })),
        timeline: await caseTimeline(em, query.tenantId, row.id, row.debtor_id),
      };
    });
  }
}
