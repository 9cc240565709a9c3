import type { CaseSummary } from '../domain/read-models';
import type { CaseStatus } from '../domain/vocabulary';
import { money } from './sql-values';

/**
 * The case's figures from the ledger's balance snapshot (`account_balances`, one row per
 * account): worst DPD across its accounts, total amount due, and the snapshot date. A
 * LEFT JOIN LATERAL on alias `c`, so a case whose accounts have no snapshot yet shows 0.
 */
export const CASE_BALANCE_JOIN = `
  left join lateral (
    select coalesce(max(ab.dpd), 0) as dpd,
           coalesce(sum(ab.total_due), 0) as amount_due,
           max(ab.as_of) as as_of
    from case_accounts ca
    join account_balances ab on ab.tenant_id = ca.tenant_id and ab.account_id = ca.account_id
    where ca.tenant_id = c.tenant_id and ca.case_id = c.id
  ) bal on true`;

/** Columns every case list shows (aliases c, d, bal, u = assignee). */
export const CASE_SUMMARY_COLUMNS = `
  c.id, c.debtor_id, d.name as debtor_name, c.scope, c.account_id, c.status, c.stage,
  c.pack_version, c.assignee_id, u.display_name as assignee_name, c.team_id, c.priority,
  c.overdue_reason_code, c.opened_on, c.closed_on, c.paused_until, c.version,
  bal.dpd, bal.amount_due, bal.as_of as balance_as_of`;

export const CASE_SUMMARY_JOINS = `
  join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
  left join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
  ${CASE_BALANCE_JOIN}`;

export interface CaseSummaryRow {
  id: string;
  debtor_id: string;
  debtor_name: string;
  scope: string;
  account_id: string | null;
  status: string;
  stage: string | null;
  pack_version: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  team_id: string | null;
  priority: number;
  overdue_reason_code: string | null;
  opened_on: string;
  closed_on: string | null;
  paused_until: string | null;
  version: number;
  dpd: number;
  amount_due: string;
  balance_as_of: string | null;
}

export function toCaseSummary(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    debtor: { id: row.debtor_id, name: row.debtor_name },
    scope: row.scope,
    accountId: row.account_id,
    status: row.status as CaseStatus,
    stage: row.stage,
    packVersion: row.pack_version,
    assignee: row.assignee_id ? { id: row.assignee_id, name: row.assignee_name } : null,
    teamId: row.team_id,
    priority: row.priority,
    overdueReasonCode: row.overdue_reason_code,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    pausedUntil: row.paused_until,
    version: row.version,
    dpd: Number(row.dpd),
    amountDue: money(row.amount_due) ?? '0.00',
    balanceAsOf: row.balance_as_of,
  };
}
