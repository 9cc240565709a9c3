import { ACCOUNT_STAGE as S } from '../staging/stage-tables';
import { MergeContext, MergeResult, query } from './merge-context';
import { mergeAccounts } from './merge-accounts';

// One account-scoped case per card account handed over (委案), opened on 委案日期. An account
// with a live case, or whose debtor has a live debtor-scoped case, gets none: the partial
// unique index on live cases is the guard, so a re-import of the batch opens nothing.
const OPEN_CASES = `
  -- open cases
  with opened as (
    insert into cases (tenant_id, id, debtor_id, scope, account_id, status, priority,
      opened_on, version, created_at, updated_at, import_id)
    select :tenant, s.case_id, s.debtor_id, 'account', s.account_id, 'open', 0,
      coalesce(s.case_opened_on, :today), 1, :now, :now, :importId
    from ${S} s
    where not s.account_repeat
      and not exists (
        select 1 from cases c
        where c.tenant_id = :tenant and c.debtor_id = s.debtor_id and c.scope = 'debtor'
          and c.closed_on is null)
    on conflict (tenant_id, account_id) where scope = 'account' and closed_on is null
      do nothing
    returning id, account_id),
  linked as (
    insert into case_accounts (tenant_id, case_id, account_id)
    select :tenant, id, account_id from opened
    returning 1)
  select (select count(*) from opened) as opened, (select count(*) from linked) as linked`;

/** An agency batch: the card accounts (with their debtors) and a case for each. */
export async function mergeCases(ctx: MergeContext): Promise<MergeResult> {
  const merged = await mergeAccounts(ctx);
  const { rows } = await query<{ opened: string }>(ctx, OPEN_CASES);
  return {
    counts: { ...merged.counts, casesOpened: Number(rows[0].opened) },
    rejected: merged.rejected,
  };
}
