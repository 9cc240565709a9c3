import { groupMatchOrderSql, groupMatchSql } from '@qingshou/ledger';
import { ACCOUNT_STAGE as S } from '../staging/stage-tables';
import { affected, MergeContext } from './merge-context';

// Group types come from the mapping (村组 → village, 高中学校 → school). A file names a group
// the way the office writes it — 前营村, not the code V01 the ledger gave it — so a value is
// found by (type, code) or, failing that, by (type, name) — the ledger's one rule for every
// group type (groupMatchSql); a group is made only for a value neither finds (a sample import
// had duplicated five of the co-op's villages).
const MATCHED_GROUP = `(
    select dg.id from debtor_groups dg
    where dg.tenant_id = :tenant and ${groupMatchSql('g.type', 'g.code')}
    order by ${groupMatchOrderSql('g.code')}
    limit 1)`;

const INSERT_GROUPS = `
  -- insert groups
  insert into debtor_groups (tenant_id, id, type, code, name, created_at)
  select :tenant, gen_random_uuid(), w.type, w.code, w.code, :now
  from (
    select distinct g.type, g.code
    from ${S} s cross join lateral unnest(s.group_types, s.group_codes) as g(type, code)) w
  where not exists (
    select 1 from debtor_groups dg
    where dg.tenant_id = :tenant and ${groupMatchSql('w.type', 'w.code')})
  on conflict (tenant_id, type, code) do nothing`;

const INSERT_MEMBERS = `
  -- insert group members
  insert into debtor_group_members (tenant_id, group_id, debtor_id, added_at, added_by)
  select distinct on (m.group_id, s.debtor_id) :tenant, m.group_id, s.debtor_id, :now, :actor
  from ${S} s
  cross join lateral unnest(s.group_types, s.group_codes) as g(type, code)
  cross join lateral (select ${MATCHED_GROUP} as group_id) m
  where m.group_id is not null
  on conflict do nothing`;

// Guarantors (担保人) and co-borrowers (共同借款人) named in the row, once per account.
const INSERT_PARTIES = `
  -- insert related parties
  insert into related_parties (tenant_id, id, debtor_id, account_id, kind, party_type, name,
    phone, created_at, created_by)
  select :tenant, gen_random_uuid(), s.debtor_id, s.account_id, p.kind, 'person', p.name,
    p.phone, :now, :actor
  from ${S} s
  cross join lateral (values ('guarantor', s.guarantor_name, null::text),
                             ('co-borrower', s.co_borrower_name, s.co_borrower_phone))
    as p(kind, name, phone)
  where p.name is not null and not s.account_repeat
    and not exists (
      select 1 from related_parties r
      where r.tenant_id = :tenant and r.debtor_id = s.debtor_id and r.account_id = s.account_id
        and r.kind = p.kind and r.name = p.name)`;

/** What the stage holds, in one scan: which optional steps have work. */
export interface StageShape {
  staged: number;
  receipts: boolean;
  groups: boolean;
  parties: boolean;
}

/** Groups, memberships and related parties of one chunk; each is written once. */
export async function mergeGroupsAndParties(
  ctx: MergeContext,
  shape: StageShape,
): Promise<{ groupMembersAdded: number; relatedPartiesAdded: number }> {
  let groupMembersAdded = 0;
  if (shape.groups) {
    await affected(ctx, INSERT_GROUPS);
    groupMembersAdded = await affected(ctx, INSERT_MEMBERS);
  }
  const relatedPartiesAdded = shape.parties ? await affected(ctx, INSERT_PARTIES) : 0;
  return { groupMembersAdded, relatedPartiesAdded };
}
