import { PAYMENT_STAGE as S } from '../staging/stage-tables';
import { affected, MergeContext, query } from './merge-context';

/** The pairs found for this chunk's receipts: temporary, like the stage. */
const MATCHES = 'import_receipt_matches';

/** When the tenant's pack names none (`repaymentMatchDays`): ±3 days, the card pack's default. */
export const DEFAULT_MATCH_DAYS = 3;
/** The parameter's bound in the card pack; the report widens its date filter by as much. */
export const MAX_MATCH_DAYS = 31;

export interface ReconcileSettings {
  /** Whether this tenant's payment files are a client's file to reconcile with. */
  readonly reconcile: boolean;
  readonly windowDays: number;
}

// A tenant whose pinned pack has a report `reconcileWith` a client's file (篇八: the bank's
// repayments) reconciles every payments import; the window is the pack's parameter.
const SETTINGS = `
  -- read the pack's reconciliation settings
  select coalesce((resolved->'params'->>'repaymentMatchDays')::int, ${DEFAULT_MATCH_DAYS}) as days,
         exists (select 1 from jsonb_array_elements(coalesce(resolved->'spec'->'reports', '[]'))
                 as r(report) where r.report->>'reconcileWith' is not null) as reconcile
  from pack_installations where tenant_id = :tenant and status = 'active'`;

export async function reconcileSettings(ctx: MergeContext): Promise<ReconcileSettings> {
  const [row] = (await query<{ days: number; reconcile: boolean }>(ctx, SETTINGS)).rows;
  const days = Number(row?.days ?? DEFAULT_MATCH_DAYS);
  return {
    reconcile: row?.reconcile === true,
    windowDays: Number.isInteger(days)
      ? Math.min(Math.max(days, 0), MAX_MATCH_DAYS)
      : DEFAULT_MATCH_DAYS,
  };
}

// A receipt already in client_receipts under this reference with other data: refused, as
// merge-payments refuses one booked in payments with other data.
export const DISAGREEING_RECEIPTS = `
  -- refuse receipts reconciled with other data
  select s.row_no, s.external_ref as value
  from ${S} s
  join client_receipts c on c.tenant_id = :tenant and c.source = :source
    and c.external_ref = s.external_ref
  where c.account_id <> s.account_id or c.amount <> s.amount or c.paid_on <> s.paid_on`;

// Known receipts (reconciled or booked before, or repeated further down the file) are not
// new: they leave the stage, counted as existing.
const DROP_KNOWN = `
  -- drop receipts already known
  delete from ${S} s
  where exists (select 1 from client_receipts c where c.tenant_id = :tenant
                  and c.source = :source and c.external_ref = s.external_ref)
     or exists (select 1 from payments p where p.tenant_id = :tenant
                  and p.source = :source and p.external_ref = s.external_ref)
     or exists (select 1 from ${S} f where f.external_ref = s.external_ref and f.row_no < s.row_no)`;

/**
 * One round of pairing, set-based: every unpaired receipt picks its nearest candidate (the
 * closest amount, then the closest date, then the earliest recorded), and every payment
 * picked keeps the receipt nearest to it. The best remaining pair always survives a round,
 * so rounds repeat until one pairs nothing. Candidates are the agency's own records: not
 * from this client file, not reversals, not reversed, not booked for or paired with another
 * receipt, same account, paid within the window — of the same amount (`matched`), or of
 * another (`mismatched`, tried once the exact pairs are taken).
 */
const pairRound = (kind: 'matched' | 'mismatched', days: number) => `
  -- pair receipts with agency payments (${kind})
  with cand as (
    select s.row_no, p.id as payment_id, abs(p.amount - s.amount) as delta,
           abs(p.paid_on - s.paid_on) as gap, p.recorded_at
    from ${S} s
    join payments p on p.tenant_id = :tenant and p.account_id = s.account_id
      and p.paid_on between s.paid_on - ${days} and s.paid_on + ${days}
      and p.amount ${kind === 'matched' ? '=' : '<>'} s.amount
    where p.reverses_payment_id is null and p.source <> :source
      and not exists (select 1 from ${MATCHES} m where m.row_no = s.row_no)
      and not exists (select 1 from ${MATCHES} m where m.payment_id = p.id)
      and not exists (select 1 from payments r
                      where r.tenant_id = p.tenant_id and r.reverses_payment_id = p.id)
      ${['matched', 'mismatched', 'booked']
        .map(
          (link) => `and not exists (select 1 from client_receipts c
                      where c.tenant_id = p.tenant_id and c.${link}_payment_id = p.id)`,
        )
        .join('\n      ')}
  ),
  picked as (
    select distinct on (row_no) * from cand
    order by row_no, delta, gap, recorded_at, payment_id
  ),
  kept as (
    select distinct on (payment_id) * from picked
    order by payment_id, delta, gap, row_no
  )
  insert into ${MATCHES} (row_no, payment_id, kind)
  select row_no, payment_id, '${kind}' from kept`;

// The receipts, each with its pair or its own booking, in one statement: the payment booked
// for an unpaired receipt only when its receipt row was written (a concurrent import of the
// same file writes neither twice). The booked payment's id is the receipt's.
const WRITE = `
  -- write receipts and book the unpaired ones
  with receipts as (
    insert into client_receipts (tenant_id, id, source, external_ref, account_id, paid_on, amount,
      import_id, matched_payment_id, mismatched_payment_id, booked_payment_id, recorded_by,
      recorded_at)
    select :tenant, s.payment_id, :source, s.external_ref, s.account_id, s.paid_on, s.amount,
      :importId,
      case when m.kind = 'matched' then m.payment_id end,
      case when m.kind = 'mismatched' then m.payment_id end,
      case when m.row_no is null then s.payment_id end,
      :actor, :now
    from ${S} s left join ${MATCHES} m on m.row_no = s.row_no
    on conflict (tenant_id, source, external_ref) do nothing
    returning booked_payment_id
  )
  insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount, note,
    recorded_by, recorded_at)
  select :tenant, s.payment_id, s.account_id, :source, s.external_ref, s.paid_on, s.amount,
    s.note, :actor, :now
  from ${S} s join receipts r on r.booked_payment_id = s.payment_id
  on conflict do nothing`;

export interface MatchCounts {
  readonly paymentsCreated: number;
  readonly paymentsMatched: number;
  readonly paymentsMismatched: number;
  readonly paymentsExisting: number;
}

/**
 * The client's receipts of a chunk against what the agency recorded: a receipt that
 * confirms an agency payment is linked to it and books nothing (the debtor paid once); one
 * that differs only in amount is linked as a mismatch and books nothing either (the
 * reconciliation report lists the difference); the rest is money the agency had not
 * recorded and is booked as a payment.
 */
export async function matchReceipts(
  ctx: MergeContext,
  settings: ReconcileSettings,
  staged: number,
): Promise<MatchCounts> {
  await affected(ctx, DROP_KNOWN);
  await ctx.client.query(
    `create temp table ${MATCHES} (row_no int primary key, payment_id uuid not null unique,
       kind text not null) on commit drop`,
  );
  const paired = { matched: 0, mismatched: 0 };
  for (const kind of ['matched', 'mismatched'] as const) {
    for (;;) {
      const found = await affected(ctx, pairRound(kind, settings.windowDays));
      if (found === 0) break;
      paired[kind] += found;
    }
  }
  const booked = await affected(ctx, WRITE);
  return {
    paymentsCreated: booked,
    paymentsMatched: paired.matched,
    paymentsMismatched: paired.mismatched,
    paymentsExisting: staged - booked - paired.matched - paired.mismatched,
  };
}
