import type { DpdBand, LoanClass } from '@qingshou/ledger';

/**
 * What a condition's SQL form reads: a subject row `s` — a debtor (its accounts' worst DPD,
 * summed amounts) or one account — and the parameter row `k` (tenant_id, as_of, tz). The
 * columns of `s` are built by the outcomes lib's subjectsCte:
 * debtor_id, account_id (null for a debtor), dpd (raw, contractual), effective_dpd (dpd
 * minus paused days of the cases holding the subject's accounts), outstanding_principal,
 * overdue_amount, overdue_principal, account_types.
 */
export interface SqlConditionContext {
  readonly loanClassBands?: readonly DpdBand<LoanClass>[];
  /** Attribute key → its subject (debtor, account, case), from the pack's `attributes`. */
  readonly attributeSubjects: ReadonlyMap<string, string>;
}

/** The debtor's cases, newest first: what case-level conditions look at. */
export const LATEST_CASE = (column: string) =>
  `(select c.${column} from cases c where c.tenant_id = k.tenant_id and c.debtor_id = s.debtor_id
    order by c.opened_on desc, c.created_at desc limit 1)`;

/** The ids of the debtor's cases. */
export const CASES_OF = `(select c.id from cases c where c.tenant_id = k.tenant_id and c.debtor_id = s.debtor_id)`;

/** The ids of the subject's accounts (the account itself, or all of the debtor's). */
export const ACCOUNTS_OF = `(select a.id from accounts a where a.tenant_id = k.tenant_id
  and a.debtor_id = s.debtor_id and (s.account_id is null or a.id = s.account_id))`;
