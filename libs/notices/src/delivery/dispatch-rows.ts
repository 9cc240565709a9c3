import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import type { NoticeChannel } from '../rendering/front-matter';
import type { DeliveryReceipt } from './delivery-adapter';
import type { ClaimedDispatch } from './render-message';

export const DISPATCH_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DispatchState = (typeof DISPATCH_STATES)[number];

export const NO_RECIPIENT = '通知未载明收件人（no recipient on the notice or the debtor）';

/**
 * Who a channel reaches, from the notice's own data first (a guarantor's letter names the
 * guarantor) and the debtor's ledger record second. E-mail has no ledger column, so an
 * e-mailed notice must name `recipient.email`.
 */
const RECIPIENT_SQL = `coalesce(case n.channel
    when 'email' then coalesce(n.data #>> '{recipient,email}', n.data #>> '{debtor,email}')
    when 'sms' then coalesce(n.data #>> '{recipient,phone}', d.phones[1])
    when 'wechat' then n.data #>> '{recipient,wechat}'
    else coalesce(n.data #>> '{recipient,address}', d.address)
  end, '')`;

/**
 * One dispatch row for every draft notice of the given channels that has none yet, in one
 * statement (set-based, however many notices the night produced). A notice without a
 * recipient gets a failed row saying so, which an operator sees in its dispatch list.
 */
export async function planDispatches(
  em: EntityManager,
  tenantId: string,
  input: { channels: readonly string[]; asOf: LocalDate | null; now: Date },
): Promise<{ planned: number; unaddressed: number }> {
  const rows = await em.execute<{ state: string }[]>(
    `insert into notice_dispatches (tenant_id, id, notice_id, channel, recipient, idempotency_key,
       state, last_error, created_at, updated_at)
     select n.tenant_id, gen_random_uuid(), n.id, n.channel, r.recipient,
            encode(sha256(convert_to(n.id::text || E'\\n' || n.channel || E'\\n' || r.recipient,
                                     'UTF8')), 'hex'),
            case when r.recipient = '' then 'failed' else 'pending' end,
            case when r.recipient = '' then ? end, ?, ?
     from notices n
     join debtors d on d.tenant_id = n.tenant_id and d.id = n.debtor_id
     cross join lateral (select left(${RECIPIENT_SQL}, 500) as recipient) r
     where n.tenant_id = ? and n.status = 'draft' and n.channel = any(?::text[])
       and (?::text is null or n.data #>> '{notice,issuedOn}' <= ?::text)
       and not exists (select 1 from notice_dispatches x
                       where x.tenant_id = n.tenant_id and x.notice_id = n.id
                         and x.channel = n.channel)
     on conflict do nothing
     returning state`,
    [NO_RECIPIENT, input.now, input.now, tenantId, pgArray(input.channels), input.asOf, input.asOf],
  );
  return { planned: rows.length, unaddressed: rows.filter((r) => r.state === 'failed').length };
}

type Row = Record<string, unknown>;

/** A PostgreSQL array literal: knex would expand a JS array binding into a list. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

const CLAIMED_COLUMNS = `x.id, x.notice_id, x.channel, x.recipient, x.idempotency_key, x.attempts,
  n.title, n.rendered_html, n.data #>> '{recipient,name}' as recipient_name`;

function toClaimed(row: Row): ClaimedDispatch {
  return {
    id: String(row.id),
    noticeId: String(row.notice_id),
    channel: row.channel as NoticeChannel,
    recipient: String(row.recipient),
    recipientName: row.recipient_name === null ? null : String(row.recipient_name),
    idempotencyKey: String(row.idempotency_key),
    attempts: Number(row.attempts),
    title: String(row.title),
    html: String(row.rendered_html),
  };
}

/**
 * Claims up to `limit` dispatches: new ones and transient failures whose backoff has run
 * out. The conditional update (state pending/failed → sending, attempts + 1) commits before
 * anything is sent; SKIP LOCKED lets two workers share a tenant without claiming a row twice.
 */
export async function claimDispatches(
  em: EntityManager,
  tenantId: string,
  input: { channels: readonly string[]; now: Date; limit: number; maxAttempts: number },
): Promise<ClaimedDispatch[]> {
  const claimed = await em.execute<{ id: string }[]>(
    `update notice_dispatches x set state = 'sending', attempts = x.attempts + 1,
       claimed_at = ?, updated_at = ?
     where x.tenant_id = ? and x.id in (
       select id from notice_dispatches
       where tenant_id = ? and channel = any(?::text[])
         and (state = 'pending'
              or (state = 'failed' and retryable and attempts < ? and next_attempt_at <= ?))
       order by created_at, id
       limit ? for update skip locked)
     returning x.id`,
    [
      input.now,
      input.now,
      tenantId,
      tenantId,
      pgArray(input.channels),
      input.maxAttempts,
      input.now,
      input.limit,
    ],
  );
  return loadClaimed(
    em,
    tenantId,
    claimed.map((r) => r.id),
  );
}

/** Dispatches left `sending` longer than a lease: a worker died mid-send. */
export async function staleDispatches(
  em: EntityManager,
  tenantId: string,
  input: { channels: readonly string[]; claimedBefore: Date; limit: number },
): Promise<ClaimedDispatch[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from notice_dispatches
     where tenant_id = ? and state = 'sending' and channel = any(?::text[]) and claimed_at < ?
     order by claimed_at, id limit ? for update skip locked`,
    [tenantId, pgArray(input.channels), input.claimedBefore, input.limit],
  );
  return loadClaimed(
    em,
    tenantId,
    rows.map((r) => r.id),
  );
}

async function loadClaimed(
  em: EntityManager,
  tenantId: string,
  ids: readonly string[],
): Promise<ClaimedDispatch[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<Row[]>(
    `select ${CLAIMED_COLUMNS} from notice_dispatches x
     join notices n on n.tenant_id = x.tenant_id and n.id = x.notice_id
     where x.tenant_id = ? and x.id = any(?::uuid[])
     order by x.created_at, x.id`,
    [tenantId, pgArray(ids)],
  );
  return rows.map(toClaimed);
}

/**
 * Records a send. Conditional on the claim still being ours (state sending, same attempt),
 * so a recovery pass and a slow worker cannot both record; false when it was not.
 */
export async function markSent(
  em: EntityManager,
  tenantId: string,
  claim: { id: string; attempts: number; adapter: string },
  receipt: DeliveryReceipt,
  now: Date,
): Promise<boolean> {
  const rows = await em.execute(
    `update notice_dispatches set state = 'sent', sent_at = ?, updated_at = ?, adapter = ?,
       provider_message_id = ?, artifacts = ?::jsonb, note = ?, last_error = null,
       retryable = false, next_attempt_at = null
     where tenant_id = ? and id = ? and state = 'sending' and attempts = ?
     returning id`,
    [
      now,
      now,
      claim.adapter,
      receipt.providerMessageId,
      JSON.stringify(receipt.artifacts),
      receipt.note ?? null,
      tenantId,
      claim.id,
      claim.attempts,
    ],
  );
  return rows.length === 1;
}

export async function markFailed(
  em: EntityManager,
  tenantId: string,
  claim: { id: string; attempts: number; adapter: string },
  failure: { error: string; retryable: boolean; nextAttemptAt: Date | null },
  now: Date,
): Promise<boolean> {
  const rows = await em.execute(
    `update notice_dispatches set state = 'failed', updated_at = ?, adapter = ?, last_error = ?,
       retryable = ?, next_attempt_at = ?
     where tenant_id = ? and id = ? and state = 'sending' and attempts = ?
     returning id`,
    [
      now,
      claim.adapter,
      failure.error.slice(0, 2000),
      failure.retryable,
      failure.nextAttemptAt,
      tenantId,
      claim.id,
      claim.attempts,
    ],
  );
  return rows.length === 1;
}

/** An interrupted claim whose send did not happen goes back to pending, attempt kept. */
export async function releaseClaim(
  em: EntityManager,
  tenantId: string,
  claim: { id: string; attempts: number },
  now: Date,
): Promise<void> {
  await em.execute(
    `update notice_dispatches set state = 'pending', updated_at = ?
     where tenant_id = ? and id = ? and state = 'sending' and attempts = ?`,
    [now, tenantId, claim.id, claim.attempts],
  );
}

export interface DispatchView {
  readonly id: string;
  readonly channel: NoticeChannel;
  /** Masked: lists never show a whole phone number or address (DESIGN §3). */
  readonly recipient: string;
  readonly state: DispatchState;
  readonly attempts: number;
  readonly adapter: string | null;
  readonly providerMessageId: string | null;
  readonly lastError: string | null;
  readonly note: string | null;
  readonly retryable: boolean;
  readonly nextAttemptAt: string | null;
  readonly artifacts: string[];
  readonly sentAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** 13812345678 → 138****5678; a@b.cn → a***@b.cn; an address keeps its first six characters. */
export function maskRecipient(channel: string, recipient: string): string {
  if (recipient === '') return '';
  if (channel === 'email') {
    const at = recipient.indexOf('@');
    return at > 0 ? `${recipient[0]}***${recipient.slice(at)}` : '***';
  }
  if (channel === 'sms' || channel === 'wechat') {
    return recipient.length > 7 ? `${recipient.slice(0, 3)}****${recipient.slice(-4)}` : '****';
  }
  const chars = [...recipient];
  return chars.length > 6 ? `${chars.slice(0, 6).join('')}…` : recipient;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function listDispatches(
  em: EntityManager,
  tenantId: string,
  noticeId: string,
): Promise<DispatchView[]> {
  const rows = await em.execute<Row[]>(
    `select id, channel, recipient, state, attempts, adapter, provider_message_id, last_error,
       note, retryable, artifacts,
       to_json(next_attempt_at) #>> '{}' as next_attempt_at,
       to_json(sent_at) #>> '{}' as sent_at,
       to_json(created_at) #>> '{}' as created_at,
       to_json(updated_at) #>> '{}' as updated_at
     from notice_dispatches where tenant_id = ? and notice_id = ?
     order by created_at, id`,
    [tenantId, noticeId],
  );
  return rows.map((row) => ({
    id: String(row.id),
    channel: row.channel as NoticeChannel,
    recipient: maskRecipient(String(row.channel), String(row.recipient)),
    state: row.state as DispatchState,
    attempts: Number(row.attempts),
    adapter: iso(row.adapter),
    providerMessageId: iso(row.provider_message_id),
    lastError: iso(row.last_error),
    note: iso(row.note),
    retryable: Boolean(row.retryable),
    nextAttemptAt: iso(row.next_attempt_at),
    artifacts: (row.artifacts as string[]) ?? [],
    sentAt: iso(row.sent_at),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  }));
}
