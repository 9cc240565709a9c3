import { EntityManager } from '@mikro-orm/postgresql';
import type { ContactPointSource } from './contact-point-codes';

/** Which debtors to sync: a SELECT returning `debtor_id` (a stage table, a list of ids). */
export interface DebtorSource {
  readonly sql: string;
  readonly params: readonly unknown[];
}

// No '?' in the pattern: the driver would read it as a parameter.
const MOBILE = `'^(\\+86|86|)1[3-9][0-9]{9}$'`;

/**
 * The ledger's one writer of contact points for data that arrives with a debtor (register,
 * import, demo): every phone in debtors.phones and the address, and each related party's
 * phone and address, that the debtor has no point for yet, as 有效 from `source`. A
 * company's address is its 经营场所 and its landline a 单位电话; a person's 家庭住址 and 住宅电话.
 * Idempotent (the unique index on value and owner), set-based for imports.
 */
export async function syncContactPoints(
  em: EntityManager,
  tenantId: string,
  debtors: DebtorSource,
  by: { source: ContactPointSource; actor: string; now: Date },
): Promise<number> {
  const cols = `(tenant_id, id, debtor_id, related_party_id, kind, subtype, value, source, status,
    created_at, created_by, updated_at, updated_by)`;
  const tail = `?, 'valid', ?::timestamptz, ?, ?::timestamptz, ?`;
  const stamp = [by.source, by.now, by.actor, by.now, by.actor];
  // Driven from the wanted ids with LATERAL probes (as the import's merge statements are):
  // during a bulk load the planner's statistics lag and a join could rescan every debtor.
  const wanted = `with wanted as (select distinct w.debtor_id from (${debtors.sql}) w)`;
  const debtor = `wanted w cross join lateral (
      select d.tenant_id, d.id, d.kind, d.phones, d.address from debtors d
      where d.tenant_id = ? and d.id = w.debtor_id limit 1) d`;
  const parties = `wanted w cross join lateral (
      select r.tenant_id, r.id, r.debtor_id, r.phone, r.address from related_parties r
      where r.tenant_id = ? and r.debtor_id = w.debtor_id) r`;
  const rows = await em.execute<{ n: number }[]>(
    `${wanted}, ins as (
       insert into debtor_contact_points ${cols}
       select d.tenant_id, gen_random_uuid(), d.id, null::uuid, 'phone',
         case when p.phone ~ ${MOBILE} then 'mobile'
              when d.kind = 'organisation' then 'work-phone' else 'home-phone' end,
         p.phone, ${tail}
       from ${debtor} cross join lateral (select distinct unnest(d.phones) as phone) p
       where length(p.phone) between 1 and 300
       union all
       select d.tenant_id, gen_random_uuid(), d.id, null::uuid, 'address',
         case when d.kind = 'organisation' then 'business' else 'home' end, d.address, ${tail}
       from ${debtor} where length(d.address) between 1 and 300
       union all
       select r.tenant_id, gen_random_uuid(), r.debtor_id, r.id, 'phone',
         case when r.phone ~ ${MOBILE} then 'mobile' else 'home-phone' end, r.phone, ${tail}
       from ${parties} where length(r.phone) between 1 and 300
       union all
       select r.tenant_id, gen_random_uuid(), r.debtor_id, r.id, 'address', 'home', r.address, ${tail}
       from ${parties} where length(r.address) between 1 and 300
       on conflict do nothing
       returning 1)
     select count(*)::int as n from ins`,
    [
      ...debtors.params,
      ...[...stamp, tenantId],
      ...[...stamp, tenantId],
      ...[...stamp, tenantId],
      ...[...stamp, tenantId],
    ],
  );
  return Number(rows[0]?.n ?? 0);
}

/** The debtors of a list of ids, as a DebtorSource. */
export function listedDebtors(ids: readonly string[]): DebtorSource {
  return { sql: `select unnest(?::uuid[]) as debtor_id`, params: [`{${ids.join(',')}}`] };
}

/**
 * Retention (PIPL): an anonymised debtor keeps no phone or address anywhere, so its contact
 * points and its related parties' go with the names.
 */
export async function eraseContactPoints(
  em: EntityManager,
  tenantId: string,
  debtorIds: readonly string[],
): Promise<void> {
  if (debtorIds.length === 0) return;
  await em.execute(
    `delete from debtor_contact_points where tenant_id = ? and debtor_id = any(?::uuid[])`,
    [tenantId, `{${debtorIds.join(',')}}`],
  );
}
