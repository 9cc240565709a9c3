import { EntityManager } from '@mikro-orm/postgresql';
import type { DebtorKind } from '../entities/debtor.entity';
import type { RelatedPartyView } from './get-debtor.query';

type Row = Record<string, unknown>;
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function readDebtor(em: EntityManager, tenantId: string, debtorId: string) {
  const [row] = await em.execute<Row[]>(
    `select id, kind, name, id_number, phones, address from debtors
     where tenant_id = ? and id = ?`,
    [tenantId, debtorId],
  );
  return {
    id: String(row.id),
    kind: row.kind as DebtorKind,
    name: String(row.name),
    idNumber: String(row.id_number),
    phones: (row.phones as string[]) ?? [],
    address: text(row.address),
  };
}

export async function readRelatedParties(
  em: EntityManager,
  tenantId: string,
  debtorId: string,
): Promise<RelatedPartyView[]> {
  const rows = await em.execute<Row[]>(
    `select id, kind, relation, party_type, name, id_number, phone, address, account_id
     from related_parties where tenant_id = ? and debtor_id = ? order by created_at, id`,
    [tenantId, debtorId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind),
    relation: text(r.relation),
    partyType: r.party_type as DebtorKind,
    name: String(r.name),
    idNumber: text(r.id_number),
    phone: text(r.phone),
    address: text(r.address),
    accountId: text(r.account_id),
  }));
}

export async function readGroups(em: EntityManager, tenantId: string, debtorId: string) {
  const rows = await em.execute<Row[]>(
    `select g.id, g.type, g.code, g.name
     from debtor_group_members m
     join debtor_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
     where m.tenant_id = ? and m.debtor_id = ? order by g.type, g.code`,
    [tenantId, debtorId],
  );
  return rows.map((r) => ({
    id: String(r.id),
    type: String(r.type),
    code: String(r.code),
    name: String(r.name),
  }));
}
