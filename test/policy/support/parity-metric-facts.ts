import type { EntityManager } from '@mikro-orm/postgresql';
import type { MetricFacts } from '../../../libs/policy/src';

type Row = Record<string, string | null>;

/**
 * The book as a metric's TypeScript form reads it, loaded row by row (no metric logic
 * here): instants become local dates in the tenant's zone, amounts stay decimal strings.
 */
export async function loadMetricFacts(
  em: EntityManager,
  tenantId: string,
  timeZone: string,
): Promise<MetricFacts> {
  const rows = (sql: string, params: unknown[] = []) =>
    em.execute<Row[]>(sql, [tenantId, ...params]);
  const accounts = await rows(
    `select id, debtor_id, type, start_date::text as start_date from accounts where tenant_id = ?`,
  );
  const installments = await rows(
    `select account_id, seq::text as seq, due_date::text as due_date, principal::text as principal,
            interest::text as interest from installments where tenant_id = ?`,
  );
  const payments = await rows(
    `select id, account_id, paid_on::text as paid_on, amount::text as amount,
            to_json(recorded_at)#>>'{}' as recorded_at, reverses_payment_id
     from payments where tenant_id = ?`,
  );
  const local = (column: string) =>
    `(${column} at time zone '${timeZone.replace(/'/g, '')}')::date::text`;
  const cases = await rows(
    `select id, debtor_id, opened_on::text as opened_on, closed_on::text as closed_on
     from cases where tenant_id = ?`,
  );
  const promises = await rows(
    `select id, case_id, account_id, status, due_on::text as due_on from promises where tenant_id = ?`,
  );
  const contacts = await rows(
    `select id, case_id, channel, outcome_code, ${local('attempted_at')} as on_date
     from contact_attempts where tenant_id = ?`,
  );
  const tasks = await rows(
    `select id, case_id, status, to_json(sla_due_at)#>>'{}' as sla_due_at,
            ${local('sla_due_at')} as sla_due_on, to_json(completed_at)#>>'{}' as completed_at
     from tasks where tenant_id = ?`,
  );
  const costs = await rows(
    `select id, case_id, amount::text as amount, incurred_on::text as incurred_on
     from case_costs where tenant_id = ?`,
  );
  const plans = await rows(
    `select p.id, p.case_id, p.status, p.total::text as total, p.agreed_on::text as agreed_on,
            p.kept_on::text as kept_on, p.broken_on::text as broken_on
     from repayment_plans p where p.tenant_id = ?`,
  );
  const instalments = await rows(
    `select plan_id, seq, due_on::text as due_on, status from plan_instalments where tenant_id = ?`,
  );
  const s = (v: string | null) => String(v);
  return {
    accounts: accounts.map((a) => ({
      id: s(a.id),
      debtorId: s(a.debtor_id),
      type: s(a.type),
      startDate: s(a.start_date),
      installments: installments
        .filter((i) => i.account_id === a.id)
        .map((i) => ({
          seq: Number(i.seq),
          dueDate: s(i.due_date),
          principal: s(i.principal),
          interest: s(i.interest),
        })),
      payments: payments
        .filter((p) => p.account_id === a.id)
        .map((p) => ({
          id: s(p.id),
          paidOn: s(p.paid_on),
          amount: s(p.amount),
          recordedAt: s(p.recorded_at),
          reversesPaymentId: p.reverses_payment_id,
        })),
    })),
    cases: cases.map((c) => ({
      id: s(c.id),
      debtorId: s(c.debtor_id),
      openedOn: s(c.opened_on),
      closedOn: c.closed_on,
    })),
    promises: promises.map((p) => ({
      id: s(p.id),
      caseId: s(p.case_id),
      accountId: p.account_id,
      status: s(p.status),
      dueOn: s(p.due_on),
    })),
    contacts: contacts.map((x) => ({
      id: s(x.id),
      caseId: s(x.case_id),
      channel: s(x.channel),
      outcome: s(x.outcome_code),
      on: s(x.on_date),
    })),
    tasks: tasks.map((t) => ({
      id: s(t.id),
      caseId: s(t.case_id),
      status: s(t.status),
      slaDueAt: t.sla_due_at,
      slaDueOn: t.sla_due_on,
      completedAt: t.completed_at,
    })),
    plans: plans.map((p) => ({
      id: s(p.id),
      caseId: s(p.case_id),
      status: s(p.status),
      total: s(p.total),
      agreedOn: p.agreed_on,
      keptOn: p.kept_on,
      brokenOn: p.broken_on,
      instalments: instalments
        .filter((i) => i.plan_id === p.id)
        .map((i) => ({ seq: Number(i.seq), dueOn: s(i.due_on), status: s(i.status) })),
    })),
    costs: costs.map((x) => ({
      id: s(x.id),
      caseId: s(x.case_id),
      amount: s(x.amount),
      incurredOn: s(x.incurred_on),
    })),
  };
}
