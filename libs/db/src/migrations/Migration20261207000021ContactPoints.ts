import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * Issue 11 §2: the debtor contact panel. `debtor_contact_points` (ledger) holds every phone and
 * address the office knows of a debtor or of one of its related parties, with what it is
 * (手机/住宅电话/单位电话; 家庭住址/单位地址/经营场所/户籍地址), where it came from (合同/导入/
 * 催收员新增/债务人告知) and what calling or visiting found (有效/空号/停机/非本人/未核实;
 * 有效/查无此人/已搬离). `debtors.phones` and `related_parties.phone/address` stay as they are
 * (search and letters read them); the ledger's writers keep both in step.
 *
 * Backfilled from debtors.phones/address and related_parties.phone/address as 合同, 有效: the
 * office held those numbers as good until now. A company's address is its 经营场所 and its
 * landline a 单位电话. The backfill runs before RLS is switched on.
 */
const PHONE_SUBTYPES = `'mobile', 'home-phone', 'work-phone'`;
const ADDRESS_SUBTYPES = `'home', 'work', 'business', 'hukou'`;
const PHONE_STATUSES = `'valid', 'empty', 'suspended', 'not-owner', 'unverified'`;
const ADDRESS_STATUSES = `'valid', 'unknown-person', 'moved'`;

export class Migration20261207000021ContactPoints extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table debtor_contact_points (
         tenant_id uuid not null references tenants (id),
         id uuid not null,
         debtor_id uuid not null,
         related_party_id uuid,
         kind text not null check (kind in ('phone', 'address')),
         subtype text not null,
         value text not null check (length(value) between 1 and 300),
         source text not null check (source in ('contract', 'import', 'collector', 'debtor')),
         status text not null,
         created_at timestamptz not null,
         created_by text not null,
         updated_at timestamptz not null,
         updated_by text not null,
         primary key (tenant_id, id),
         foreign key (tenant_id, debtor_id) references debtors (tenant_id, id),
         foreign key (tenant_id, related_party_id) references related_parties (tenant_id, id),
         check ((kind = 'phone' and subtype in (${PHONE_SUBTYPES}) and status in (${PHONE_STATUSES}))
             or (kind = 'address' and subtype in (${ADDRESS_SUBTYPES})
                 and status in (${ADDRESS_STATUSES})))
       )`,
      // One row per value and owner: the writers add with ON CONFLICT DO NOTHING.
      `create unique index debtor_contact_points_value on debtor_contact_points
         (tenant_id, debtor_id, coalesce(related_party_id, '00000000-0000-0000-0000-000000000000'::uuid), kind, value)`,
      `insert into debtor_contact_points (tenant_id, id, debtor_id, related_party_id, kind, subtype,
         value, source, status, created_at, created_by, updated_at, updated_by)
       select d.tenant_id, gen_random_uuid(), d.id, null, 'phone',
         case when p.phone ~ '^1[3-9][0-9]{9}$' then 'mobile'
              when d.kind = 'organisation' then 'work-phone' else 'home-phone' end,
         p.phone, 'contract', 'valid', d.created_at, d.created_by, d.created_at, d.created_by
       from debtors d cross join lateral (select distinct unnest(d.phones) as phone) p
       where p.phone is not null and length(p.phone) between 1 and 300
       on conflict do nothing`,
      `insert into debtor_contact_points (tenant_id, id, debtor_id, related_party_id, kind, subtype,
         value, source, status, created_at, created_by, updated_at, updated_by)
       select d.tenant_id, gen_random_uuid(), d.id, null, 'address',
         case when d.kind = 'organisation' then 'business' else 'home' end, d.address,
         'contract', 'valid', d.created_at, d.created_by, d.created_at, d.created_by
       from debtors d where d.address is not null and length(d.address) between 1 and 300
       on conflict do nothing`,
      `insert into debtor_contact_points (tenant_id, id, debtor_id, related_party_id, kind, subtype,
         value, source, status, created_at, created_by, updated_at, updated_by)
       select r.tenant_id, gen_random_uuid(), r.debtor_id, r.id, 'phone',
         case when r.phone ~ '^1[3-9][0-9]{9}$' then 'mobile' else 'home-phone' end,
         r.phone, 'contract', 'valid', r.created_at, r.created_by, r.created_at, r.created_by
       from related_parties r where r.phone is not null and length(r.phone) between 1 and 300
       on conflict do nothing`,
      `insert into debtor_contact_points (tenant_id, id, debtor_id, related_party_id, kind, subtype,
         value, source, status, created_at, created_by, updated_at, updated_by)
       select r.tenant_id, gen_random_uuid(), r.debtor_id, r.id, 'address', 'home', r.address,
         'contract', 'valid', r.created_at, r.created_by, r.created_at, r.created_by
       from related_parties r where r.address is not null and length(r.address) between 1 and 300
       on conflict do nothing`,
      ...tenantRlsSql('debtor_contact_points'),
    ];
    for (const statement of sql) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table debtor_contact_points`);
  }
}
