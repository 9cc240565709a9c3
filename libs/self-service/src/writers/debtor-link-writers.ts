import { EntityManager } from '@mikro-orm/postgresql';

/**
 * The writers of `debtor_links` and `debtor_link_routes` (this lib owns both tables): the
 * app's page handlers and the close path call these inside their own transaction.
 */

/** A PostgreSQL array literal (knex would spread a JS array into a list); null → NULL. */
function pgArray(values: readonly (string | null)[]): string {
  const item = (v: string | null) =>
    v === null ? 'NULL' : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return `{${values.map(item).join(',')}}`;
}

/** A link as stored: only the token's hash, never the token. */
export interface NewDebtorLink {
  readonly tenantId: string;
  readonly id: string;
  readonly caseId: string;
  readonly debtorId: string;
  readonly tokenHash: string;
  readonly channel: 'letter-qr' | 'sms' | 'console';
  readonly noticeId: string | null;
  readonly issuedBy: string;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/** Links and their routes (token hash → tenant), two statements whatever the count. */
export async function insertDebtorLinks(
  em: EntityManager,
  links: readonly NewDebtorLink[],
): Promise<void> {
  if (links.length === 0) return;
  const cols = (pick: (l: NewDebtorLink) => string | null) => pgArray(links.map(pick));
  await em.execute(
    `insert into debtor_links (tenant_id, id, case_id, debtor_id, token_hash, channel,
       notice_id, issued_by, issued_at, expires_at)
     select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[],
       ?::uuid[], ?::text[], ?::timestamptz[], ?::timestamptz[])`,
    [
      cols((l) => l.tenantId),
      cols((l) => l.id),
      cols((l) => l.caseId),
      cols((l) => l.debtorId),
      cols((l) => l.tokenHash),
      cols((l) => l.channel),
      cols((l) => l.noticeId),
      cols((l) => l.issuedBy),
      cols((l) => l.issuedAt.toISOString()),
      cols((l) => l.expiresAt.toISOString()),
    ],
  );
  await em.execute(
    `insert into debtor_link_routes (token_hash, tenant_id, link_id)
     select * from unnest(?::text[], ?::uuid[], ?::uuid[])`,
    [cols((l) => l.tokenHash), cols((l) => l.tenantId), cols((l) => l.id)],
  );
}

/** 作废 one link of a case; false when there is no such live link. */
export async function revokeDebtorLink(
  em: EntityManager,
  tenantId: string,
  caseId: string,
  linkId: string,
  by: { readonly actorId: string; readonly at: Date },
): Promise<boolean> {
  const rows = await em.execute<{ id: string }[]>(
    `update debtor_links set revoked_at = ?, revoked_by = ?
      where tenant_id = ? and id = ? and case_id = ? and revoked_at is null
      returning id`,
    [by.at, by.actorId, tenantId, linkId, caseId],
  );
  return rows.length > 0;
}

/** Every link of the case not yet revoked ends now (the case closed); their ids. */
export async function revokeCaseDebtorLinks(
  em: EntityManager,
  tenantId: string,
  caseId: string,
  by: { readonly actorId: string; readonly at: Date },
): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `update debtor_links set revoked_at = ?, revoked_by = ?
      where tenant_id = ? and case_id = ? and revoked_at is null
      returning id`,
    [by.at, by.actorId, tenantId, caseId],
  );
  return rows.map((r) => r.id);
}

/** The one-time code, hashed, with its expiry (a new one replaces the last). */
export async function storeDebtorCode(
  em: EntityManager,
  tenantId: string,
  linkId: string,
  codeHash: string,
  expiresAt: Date,
): Promise<void> {
  await em.execute(
    `update debtor_links set code_hash = ?, code_expires_at = ? where tenant_id = ? and id = ?`,
    [codeHash, expiresAt, tenantId, linkId],
  );
}

/** A code opens one session: used, it is gone; the wrong answers start again from none. */
export async function markDebtorVerified(
  em: EntityManager,
  tenantId: string,
  linkId: string,
  at: Date,
): Promise<void> {
  await em.execute(
    `update debtor_links set code_hash = null, code_expires_at = null, wrong_tries = 0,
       verified_at = ? where tenant_id = ? and id = ?`,
    [at, tenantId, linkId],
  );
}
