/**
 * Candidates: the next range of accounts (by id) overdue on the run's date, of the pack's
 * account types. Which of them get a case (none covered by a live case, none ended for good
 * by a write-off or 退案) is collection's one rule (`openCases`), not decided here. Named
 * parameters are bound by `bindNamed` in open-cases.step.ts.
 */
export const OVERDUE_ACCOUNTS = `
  select b.account_id, a.debtor_id
  from account_balances b
  join accounts a on a.tenant_id = b.tenant_id and a.id = b.account_id
  where b.tenant_id = :tenant and (:after::uuid is null or b.account_id > :after::uuid)
    and b.as_of = :asOf::date and b.dpd > 0
    and (cardinality(:types::text[]) = 0 or a.type = any(:types::text[]))
  order by b.account_id
  limit :limit`;
