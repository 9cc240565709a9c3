import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import { pgTextArray } from '@qingshou/outcomes';

/**
 * The widest date window a receipt is paired within (the card pack's `repaymentMatchDays`
 * is at most 31): an agency payment counted through its receipt's date lies this close to it.
 */
const MAX_PAIR_DAYS = 31;

/** Which side of the reconciliation an account's difference comes from. */
export type DifferenceKind =
  'agreed' | 'agency-only' | 'client-only' | 'amount-mismatch' | 'unpaired';

export interface ReconciledAccount {
  readonly accountId: string;
  readonly accountRef: string;
  readonly debtorName: string;
  readonly debtorIdNumber: string | null;
  readonly collector: string | null;
  /** numeric(18,2) as text: fen-exact until a cell is written. */
  readonly agencyAmount: string;
  readonly clientAmount: string;
  /** agencyAmount − clientAmount. */
  readonly difference: string;
  readonly kind: DifferenceKind;
}

/**
 * Per account, for the period: what the agency recorded against what the client's file
 * (client_receipts, the bank's repayments) holds. The agency's side is every receipt not
 * booked from the client's file, not a reversal and not reversed; a receipt the client's file
 * confirmed (matched) or contradicted (mismatched) counts in the month of the client's date,
 * so a repayment recorded on the 31st and credited by the bank on the 1st agrees in the
 * bank's month rather than showing twice. The client's side is its receipts dated in the
 * period. An account is listed unless every repayment on both sides is paired and the totals
 * agree: equal totals made of unpaired repayments (ours on the 10th, the bank's on the 14th,
 * outside the window) are listed too — the ledger has booked both. One statement, set-based;
 * accounts of the pack's types only.
 */
const RECONCILE = `
  with k as (
    select ?::uuid as tenant_id, ?::date as period_start, ?::date as period_end,
           ?::text[] as account_types),
  agency as (
    select p.account_id, sum(p.amount) as amount,
           count(*) filter (where cm.id is null and cx.id is null) as unpaired
    from payments p cross join k
    left join client_receipts cm on cm.tenant_id = p.tenant_id and cm.matched_payment_id = p.id
    left join client_receipts cx on cx.tenant_id = p.tenant_id and cx.mismatched_payment_id = p.id
    where p.tenant_id = k.tenant_id and p.reverses_payment_id is null
      and p.paid_on between k.period_start - ${MAX_PAIR_DAYS} and k.period_end + ${MAX_PAIR_DAYS}
      and coalesce(cm.paid_on, cx.paid_on, p.paid_on) between k.period_start and k.period_end
      and not exists (select 1 from payments r
                      where r.tenant_id = p.tenant_id and r.reverses_payment_id = p.id)
      and not exists (select 1 from client_receipts b
                      where b.tenant_id = p.tenant_id and b.booked_payment_id = p.id)
    group by p.account_id
  ),
  client as (
    select c.account_id, sum(c.amount) as amount,
           count(*) filter (where c.booked_payment_id is not null) as unpaired
    from client_receipts c cross join k
    where c.tenant_id = k.tenant_id and c.paid_on between k.period_start and k.period_end
    group by c.account_id
  ),
  compared as (
    select coalesce(a.account_id, c.account_id) as account_id,
           coalesce(a.amount, 0) as agency_amount, coalesce(c.amount, 0) as client_amount,
           coalesce(a.unpaired, 0) + coalesce(c.unpaired, 0) as unpaired
    from agency a full join client c on c.account_id = a.account_id
  )
  select x.account_id, acc.external_ref as account_ref, d.name as debtor_name,
         d.id_number as debtor_id_number,
         (select u.display_name from case_accounts ca
          join cases cs on cs.tenant_id = ca.tenant_id and cs.id = ca.case_id
          join users u on u.tenant_id = cs.tenant_id and u.id = cs.assignee_id
          where ca.tenant_id = k.tenant_id and ca.account_id = x.account_id
          order by (cs.closed_on is null) desc, cs.opened_on desc limit 1) as collector,
         x.agency_amount::text as agency_amount, x.client_amount::text as client_amount,
         (x.agency_amount - x.client_amount)::text as difference,
         case when x.client_amount = 0 then 'agency-only'
              when x.agency_amount = 0 then 'client-only'
              when x.unpaired > 0 then 'unpaired'
              when x.agency_amount <> x.client_amount then 'amount-mismatch'
              else 'agreed' end as kind
  from compared x cross join k
  join accounts acc on acc.tenant_id = k.tenant_id and acc.id = x.account_id
  join debtors d on d.tenant_id = acc.tenant_id and d.id = acc.debtor_id
  where acc.type = any(k.account_types)
  order by acc.external_ref, x.account_id`;

interface Row {
  account_id: string;
  account_ref: string;
  debtor_name: string;
  debtor_id_number: string | null;
  collector: string | null;
  agency_amount: string;
  client_amount: string;
  difference: string;
  kind: DifferenceKind;
}

export async function reconcileAccounts(
  em: EntityManager,
  scope: {
    readonly tenantId: string;
    readonly start: LocalDate;
    readonly end: LocalDate;
    readonly accountTypes: readonly string[];
  },
): Promise<ReconciledAccount[]> {
  const rows = await em.execute<Row[]>(RECONCILE, [
    scope.tenantId,
    scope.start,
    scope.end,
    pgTextArray(scope.accountTypes),
  ]);
  return rows.map((r) => ({
    accountId: r.account_id,
    accountRef: r.account_ref,
    debtorName: r.debtor_name,
    debtorIdNumber: r.debtor_id_number,
    collector: r.collector,
    agencyAmount: r.agency_amount,
    clientAmount: r.client_amount,
    difference: r.difference,
    kind: r.kind,
  }));
}
