import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import type { AccountBalances, LoanAccount } from '@qingshou/ledger';
import type { LetterLinks } from '@qingshou/self-service';
import { AccountBalance, ReadyNotice, withNoticeData } from '../apply/notice-data';
import { balancesAsOf } from '../load/balances';
import { groupBy, pgArray } from '../load/sql';
import type { ChunkOutcome, NoticeOrder, RunContext } from './run-context';

/** Orders whose notice does not exist yet: fresh ones, or ones a crash left unissued. */
export async function unissued(
  em: EntityManager,
  tenantId: string,
  orders: ChunkOutcome['notices'],
): Promise<ChunkOutcome['notices']> {
  if (orders.length === 0) return orders;
  const rows = await em.execute<{ idempotency_key: string }[]>(
    `select idempotency_key from notices where tenant_id = ? and idempotency_key = any(?::text[])`,
    [tenantId, pgArray(orders.map((o) => o.key))],
  );
  const issued = new Set(rows.map((r) => r.idempotency_key));
  return orders.filter((o) => !issued.has(o.key));
}

/** Each assignee's platform roles: a task for a role its collector lacks waits for that role. */
export async function assigneeRoles(
  em: EntityManager,
  tenantId: string,
  facts: readonly { assigneeId: string | null }[],
): Promise<Map<string, string[]>> {
  const ids = [...new Set(facts.map((f) => f.assigneeId).filter((id): id is string => !!id))];
  const roles = new Map<string, string[]>();
  if (ids.length === 0) return roles;
  const rows = await em.execute<{ id: string; roles: string[] | string }[]>(
    `select id, roles from users where tenant_id = ? and id = any(?::uuid[])`,
    [tenantId, pgArray(ids)],
  );
  for (const r of rows) {
    roles.set(
      r.id,
      Array.isArray(r.roles) ? r.roles : String(r.roles).replace(/[{}]/g, '').split(','),
    );
  }
  return roles;
}

/**
 * Notice orders made outside a chunk evaluation (a rule, a released hold) with the data
 * their templates print: the cases' balances as of the context's date, read set-based.
 */
export async function readyNotices(
  em: EntityManager,
  ledger: AccountBalances,
  ctx: RunContext,
  orders: ChunkOutcome['notices'],
  links: LetterLinks,
): Promise<ReadyNotice[]> {
  const pending = await unissued(em, ctx.tenantId, orders);
  if (pending.length === 0) return [];
  return noticeDataFor(em, ledger, ctx, pending, links, 'issue');
}

/**
 * The data the orders' templates print, whether issued already or not: the cases' accounts
 * and their balances as of the context's date (the letter's date), read set-based, through
 * the same builder the nightly run uses. A person's letter and its preview come here too.
 */
export async function noticeDataFor(
  em: EntityManager,
  ledger: AccountBalances,
  ctx: RunContext,
  pending: readonly NoticeOrder[],
  letterLinks: LetterLinks,
  mode: 'issue' | 'preview',
): Promise<ReadyNotice[]> {
  if (pending.length === 0) return [];
  const links = await em.execute<{ case_id: string; account_id: string; type: string }[]>(
    `select ca.case_id, ca.account_id, a.type from case_accounts ca
     join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
     where ca.tenant_id = ? and ca.case_id = any(?::uuid[]) order by ca.case_id, a.start_date, a.id`,
    [ctx.tenantId, pgArray([...new Set(pending.map((o) => o.caseId))])],
  );
  const { byAccount, loans } = await balancesAsOf(
    em,
    ledger,
    ctx.tenantId,
    [...new Set(links.map((l) => l.account_id))],
    ctx.asOf,
  );
  const balances = new Map<string, AccountBalance[]>();
  for (const [caseId, list] of groupBy(links, (l) => l.case_id)) {
    balances.set(
      caseId,
      list
        .filter((l) => byAccount.has(l.account_id))
        .map((l) => {
          const loaded = loans.get(l.account_id);
          return {
            accountId: l.account_id,
            type: l.type,
            balance: byAccount.get(l.account_id)!,
            // As the nightly run attaches them: the loan and a pricer, so an incentive the
            // pack prints on notices (篇三's amnesty) is priced here too.
            ...(loaded
              ? {
                  loan: loaded.loan,
                  compute: (loan: LoanAccount, on: LocalDate) =>
                    ledger.compute(ctx.tenantId, { ...loaded, loan }, on),
                }
              : {}),
          };
        }),
    );
  }
  return withNoticeData(em, ctx, pending, balances, letterLinks, mode);
}
