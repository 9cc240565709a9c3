import { PAYMENT_STAGE as S } from '../staging/stage-tables';
import { DISAGREEING_RECEIPTS, matchReceipts, reconcileSettings } from './match-receipts';
import { affected, countOf, MergeContext, MergeResult, query, reject } from './merge-context';

// LATERAL: a unique-index probe per receipt, whatever the (lagging) statistics say.
const RESOLVE_ACCOUNTS = `
  -- resolve accounts of receipts
  with found as (
    select s.row_no, a.id
    from ${S} s
    cross join lateral (
      select a.id from accounts a
      where a.tenant_id = :tenant and a.source = :accountSource and a.external_ref = s.account_ref
      limit 1) a)
  update ${S} s set account_id = f.id
  from found f where f.row_no = s.row_no`;

const UNKNOWN_ACCOUNTS = `select row_no, account_ref as value from ${S} where account_id is null`;

// RecordPayment's rule, set-based: a receipt already booked under this reference with another
// account, amount or date is refused, never silently kept or overwritten.
const DISAGREEING = `
  -- refuse receipts booked with other data
  select s.row_no, s.external_ref as value
  from ${S} s
  cross join lateral (
    select p.account_id, p.amount, p.paid_on from payments p
    where p.tenant_id = :tenant and p.source = :source and p.external_ref = s.external_ref
    limit 1) p
  where p.account_id <> s.account_id or p.amount <> s.amount or p.paid_on <> s.paid_on
  union all
  select row_no, external_ref from (
    select row_no, external_ref, account_id, amount, paid_on,
      first_value(row_no) over w as first_row, first_value(account_id) over w as first_account,
      first_value(amount) over w as first_amount, first_value(paid_on) over w as first_paid_on
    from ${S} window w as (partition by external_ref order by row_no)) r
  where row_no <> first_row
    and (account_id <> first_account or amount <> first_amount or paid_on <> first_paid_on)`;

// Payments are append-only (no UPDATE grant): ON CONFLICT DO NOTHING makes a re-import, or a
// row repeated in the file, book the receipt once.
const INSERT_PAYMENTS = `
  -- insert payments
  insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount, note,
    recorded_by, recorded_at)
  select :tenant, s.payment_id, s.account_id, :source, s.external_ref, s.paid_on, s.amount,
    s.note, :actor, :now
  from ${S} s
  on conflict do nothing`;

/**
 * Receipts against accounts found by (accountSource, 卡号/合同编号). For a tenant that
 * reconciles with its client (篇八: the bank's repayment file), each receipt is first matched
 * to what the agency recorded, so money the agency already booked is not booked twice
 * (match-receipts.ts).
 */
export async function mergePayments(ctx: MergeContext): Promise<MergeResult> {
  await affected(ctx, RESOLVE_ACCOUNTS);
  const unknown = (await query<{ row_no: number; value: string }>(ctx, UNKNOWN_ACCOUNTS)).rows;
  const rejected = await reject(
    ctx,
    S,
    unknown,
    'accountRef',
    'no account with this reference',
    '找不到该账号对应的账户',
  );
  const settings = await reconcileSettings(ctx);
  const disagreeing = (
    await query<{ row_no: number; value: string }>(
      ctx,
      settings.reconcile ? `${DISAGREEING}\n  union ${DISAGREEING_RECEIPTS}` : DISAGREEING,
    )
  ).rows;
  rejected.push(
    ...(await reject(
      ctx,
      S,
      disagreeing,
      'externalRef',
      'receipt reference already booked with another account, amount or date; row not applied',
      '该流水号已入账，但账户、金额或日期不同，本行未导入',
    )),
  );
  const staged = await countOf(ctx, S);
  if (settings.reconcile) return { counts: await matchReceipts(ctx, settings, staged), rejected };
  const paymentsCreated = await affected(ctx, INSERT_PAYMENTS);
  return { counts: { paymentsCreated, paymentsExisting: staged - paymentsCreated }, rejected };
}
