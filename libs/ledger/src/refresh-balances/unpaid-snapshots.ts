import { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_AGING_BUCKETS } from '../domain/balance/aging-bucket';
import { checkBands, DpdBand } from '../domain/balance/dpd-threshold';
import { DEFAULT_LOAN_CLASS_BANDS } from '../domain/balance/loan-class';
import { UNPAID_BALANCES_SQL } from '../domain/balance/unpaid-balance.sql';
import type { LocalDate } from '../domain/local-date';
import { ownTermsOf } from '../read/loan-rows';
import { AccountBalances } from '../read/account-balances.service';
import type { TenantTerms } from '../terms/pack-terms';
import { loanTermsOf } from '../terms/resolve-terms';
import { refreshAccountBalances, RefreshedChunk } from './refresh-balance-chunk';
import { UPSERT_NEWER_BALANCE } from '../read/balance-upsert.sql';

export interface UnpaidRefresh {
  readonly tenantId: string;
  readonly accountIds: readonly string[];
  readonly asOf: LocalDate;
  readonly now: Date;
}

export interface UnpaidRefreshed {
  /** Snapshots written set-based (UNPAID_BALANCES_SQL). */
  readonly setBased: number;
  /** Accounts left to the calculator: receipts, fees, changed terms, an ambiguous tie. */
  readonly calculated: number;
  readonly failed: RefreshedChunk['failed'];
}

/**
 * Balances of the given accounts as of `asOf`, in the caller's transaction, as
 * refreshAccountBalances writes them, but set-based for every account that has received
 * nothing and been charged no fee (an import's new accounts, overdue or not): one statement
 * computes and upserts their snapshots (issue 15 §4: the calculator per account was most of
 * a large import). The calculator takes the rest, and any account the statement does not
 * vouch for. No BalanceRelief is asked for the set-based ones: a relief prices a settlement
 * (incentives apply to an account settled on their terms), and they have received nothing.
 */
export async function refreshUnpaidBalances(
  em: EntityManager,
  balances: AccountBalances,
  input: UnpaidRefresh,
): Promise<UnpaidRefreshed> {
  const ids = [...new Set(input.accountIds)];
  if (ids.length === 0) return { setBased: 0, calculated: 0, failed: [] };
  const idList = `{${ids.join(',')}}`;
  const tenant = await balances.tenantTerms(em, input.tenantId);
  const terms = await termsInForce(em, tenant, input.tenantId, idList);
  const written = new Set<string>();
  if (terms.length > 0) {
    const buckets = bands(tenant.agingBuckets ?? DEFAULT_AGING_BUCKETS);
    const classes = bands(tenant.loanClassBands ?? DEFAULT_LOAN_CLASS_BANDS);
    const rows = await bound<{ account_id: string }>(
      em,
      `with figures as (${UNPAID_BALANCES_SQL})
       insert into account_balances (tenant_id, account_id, as_of, overdue_principal,
         overdue_interest, due_today, penalty_interest, compound_interest, fees, total_due,
         outstanding_principal, overpayment, dpd, aging_bucket, loan_class, refreshed_at)
       select ?, f.account_id, ?::date, f.overdue_principal, f.overdue_interest, f.due_today,
         f.penalty_interest, f.compound_interest, 0, f.total_due, f.outstanding_principal, 0,
         f.dpd, f.aging_bucket, f.loan_class, ?
       from figures f where f.eligible
       ${UPSERT_NEWER_BALANCE}
       returning account_id::text as account_id`,
      [
        input.tenantId,
        input.asOf,
        JSON.stringify(terms),
        idList,
        ...buckets,
        ...classes,
        input.tenantId,
        input.asOf,
        input.now,
      ],
    );
    for (const r of rows) written.add(r.account_id);
  }
  const rest = ids.filter((id) => !written.has(id));
  const done = await refreshAccountBalances(em, balances, { ...input, accountIds: rest });
  return { setBased: written.size, calculated: rest.length, failed: done.failed };
}

/**
 * The terms each stored combination of the accounts computes on (loanTermsOf, read once for
 * the tenant): usually one or two combinations for a whole chunk. A combination whose terms
 * changed over time (earlierTerms) is left out: its accounts go to the calculator.
 */
async function termsInForce(
  em: EntityManager,
  tenant: TenantTerms,
  tenantId: string,
  idList: string,
): Promise<Record<string, unknown>[]> {
  const stored = await bound<Record<string, unknown>>(
    em,
    `select distinct a.penalty_markup::text as markup, a.compound_enabled, a.day_count_basis,
       a.own_terms
     from unnest(?::uuid[]) as x(id)
     cross join lateral (select a.* from accounts a
       where a.tenant_id = ? and a.id = x.id offset 0) a`,
    [idList, tenantId],
  );
  return stored.flatMap((s) => {
    const own = ownTermsOf(s.own_terms);
    const basis = Number(s.day_count_basis) === 365 ? 365 : 360;
    const terms = loanTermsOf(
      {
        penaltyMarkup: String(s.markup),
        compoundEnabled: Boolean(s.compound_enabled),
        dayCountBasis: basis,
        ownTerms: own,
      },
      tenant,
    );
    if (terms.earlierTerms && terms.earlierTerms.length > 0) return [];
    return [
      {
        stored_markup: String(s.markup),
        stored_compound: Boolean(s.compound_enabled),
        stored_basis: basis,
        own,
        markup: String(terms.penaltyMarkup),
        compound: terms.compoundInterest,
        basis: terms.dayCountBasis ?? 360,
      },
    ];
  });
}

/** Labels and minimum DPDs as two array literals, checked as the calculator checks them. */
function bands<T extends string>(list: readonly DpdBand<T>[]): [string, string] {
  checkBands(list);
  const quoted = list.map((b) => `"${b.label.replace(/["\\]/g, '\\$&')}"`);
  return [`{${quoted.join(',')}}`, `{${list.map((b) => b.minDpd).join(',')}}`];
}

/**
 * A statement with bind parameters in the caller's transaction: em.execute would write the
 * chunk's 50,000 ids into the SQL text, escaping each.
 */
async function bound<T>(em: EntityManager, sql: string, values: unknown[]): Promise<T[]> {
  const query = em.getKnex().raw(sql, values as never[]);
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx as never);
  const result = (await query) as { rows: T[] };
  return result.rows;
}
