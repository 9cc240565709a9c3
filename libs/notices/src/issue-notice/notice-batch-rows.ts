import { EntityManager } from '@mikro-orm/postgresql';
import type { NewNoticeRow } from '../support/notice-rows';

/** What the idempotency check of a batch needs from a notice already stored. */
export interface StoredKey {
  readonly id: string;
  readonly templateId: string;
  readonly debtorId: string;
  readonly caseId: string | null;
}

/** A text[]/uuid[] parameter, each element quoted (keys may hold commas, quotes, braces). */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * A statement with its values sent as bind parameters in the caller's transaction, returning
 * its rows. em.execute writes every value into the SQL text, escaping it: for a batch of
 * letters (HTML and data, kilobytes each) that formatting cost more than the insert. Values
 * must be scalars (knex expands arrays into lists).
 */
async function executeBound<T>(em: EntityManager, sql: string, values: unknown[]): Promise<T[]> {
  const query = em.getKnex().raw(sql, values as never[]);
  const trx = em.getTransactionContext();
  if (trx) query.transacting(trx as never);
  return ((await query) as { rows: T[] }).rows;
}

/** Rows per insert: 16 parameters each, well under PostgreSQL's 65,535. */
const INSERT_ROWS = 500;

/** The notices already stored under any of `keys`, by key: one indexed read. */
export async function storedByKey(
  em: EntityManager,
  tenantId: string,
  keys: readonly string[],
): Promise<Map<string, StoredKey>> {
  const rows = await em.execute<
    { id: string; template_id: string; debtor_id: string; case_id: string | null; key: string }[]
  >(
    `select id, template_id, debtor_id, case_id, idempotency_key as key from notices
     where tenant_id = ? and idempotency_key = any(?::text[])`,
    [tenantId, pgArray(keys)],
  );
  return new Map(
    rows.map((r) => [
      r.key,
      { id: r.id, templateId: r.template_id, debtorId: r.debtor_id, caseId: r.case_id },
    ]),
  );
}

/** The ids among `ids` that name a debtor of the tenant (lower-case, as PostgreSQL prints). */
export async function knownDebtors(
  em: EntityManager,
  tenantId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from debtors where tenant_id = ? and id = any(?::uuid[])`,
    [tenantId, pgArray([...new Set(ids.map((id) => id.toLowerCase()))])],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts notices unless the tenant already has one with the key: multi-row inserts, ON
 * CONFLICT on the key waits for a concurrent writer of the same key and does nothing (theirs
 * wins, so two simultaneous retries store one notice); returns the ids actually written.
 */
export async function insertNoticesIfNew(
  em: EntityManager,
  rows: readonly NewNoticeRow[],
): Promise<Set<string>> {
  const written = new Set<string>();
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const batch = rows.slice(i, i + INSERT_ROWS);
    const inserted = await executeBound<{ id: string }>(
      em,
      `insert into notices (tenant_id, id, case_id, debtor_id, template_id, pack_version,
         template_hash, channel, title, rendered_html, data, idempotency_key, delivery_rule,
         issued_by, created_at, updated_at)
       values ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?)').join(', ')}
       on conflict (tenant_id, idempotency_key) do nothing
       returning id`,
      batch.flatMap((row) => [
        row.tenantId,
        row.id,
        row.caseId,
        row.debtorId,
        row.templateId,
        row.packVersion,
        row.templateHash,
        row.channel,
        row.title,
        row.html,
        JSON.stringify(row.data),
        row.idempotencyKey,
        row.deliveryRule ? JSON.stringify(row.deliveryRule) : null,
        row.issuedBy,
        row.at,
        row.at,
      ]),
    );
    inserted.forEach((r) => written.add(r.id));
  }
  return written;
}
