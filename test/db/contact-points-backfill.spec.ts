import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { Migration20261207000021ContactPoints } from '../../libs/db/src/migrations/Migration20261207000021ContactPoints';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

/**
 * Migration 21 (issue 11 §2) backfills the contact panel from what tenants already hold:
 * each phone in debtors.phones and the address (a person's 家庭住址 / 手机 or 住宅电话, a
 * company's 经营场所 / 单位电话) and each related party's phone, as 合同 and 有效, once.
 * Runs the migration's own INSERT statements on rows written before it.
 */
describe('migration 21 backfills debtor_contact_points from debtors and related parties', () => {
  let db: TestDatabase;
  let owner: Client;
  const tenantId = randomUUID();
  const person = randomUUID();
  const company = randomUUID();

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await connect(db.ownerUrl);
    await owner.query(
      `insert into tenants (id, slug, name, kind) values ($1, $2, '某村镇银行', 'bank')`,
      [tenantId, `backfill-${tenantId.slice(0, 8)}`],
    );
    const debtor = `insert into debtors (tenant_id, id, kind, name, id_number, phones, address,
        created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7, '2026-01-05T02:00:00Z', 'clerk')`;
    await owner.query(debtor, [
      tenantId,
      person,
      'person',
      '王小明',
      '110101198001010010',
      ['13812345678', '01088886666', '13812345678'],
      '北京市东城区某街1号',
    ]);
    await owner.query(debtor, [
      tenantId,
      company,
      'organisation',
      '某某经销有限公司',
      '91110000MA01ABCD1X',
      ['02188889999'],
      '上海市浦东新区某路9号',
    ]);
    await owner.query(
      `insert into related_parties (tenant_id, id, debtor_id, kind, relation, party_type, name,
         phone, created_at, created_by)
       values ($1, $2, $3, 'co-borrower', '父亲', 'person', '王大明', '13900001111', now(), 'clerk')`,
      [tenantId, randomUUID(), person],
    );
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('one row per phone and address, typed by owner kind, 合同 and 有效; running it again adds none', async () => {
    const migration = Object.create(Migration20261207000021ContactPoints.prototype) as {
      up(): Promise<void>;
      addSql(sql: string): void;
    };
    const statements: string[] = [];
    migration.addSql = (sql: string) => void statements.push(sql);
    await migration.up();
    const backfill = statements.filter((s) =>
      s.trim().startsWith('insert into debtor_contact_points'),
    );
    expect(backfill).toHaveLength(4);
    for (let run = 0; run < 2; run += 1) {
      for (const sql of backfill) await owner.query(sql);
    }
    const { rows } = await owner.query(
      `select d.name, p.kind, p.subtype, p.value, p.source, p.status, p.related_party_id is not null as party
       from debtor_contact_points p join debtors d on d.tenant_id = p.tenant_id and d.id = p.debtor_id
       where p.tenant_id = $1 order by d.name, party, p.kind desc, p.value`,
      [tenantId],
    );
    const row = (name: string, kind: string, subtype: string, value: string, party = false) => ({
      name,
      kind,
      subtype,
      value,
      source: 'contract',
      status: 'valid',
      party,
    });
    expect(rows).toEqual([
      row('某某经销有限公司', 'phone', 'work-phone', '02188889999'),
      row('某某经销有限公司', 'address', 'business', '上海市浦东新区某路9号'),
      row('王小明', 'phone', 'home-phone', '01088886666'),
      row('王小明', 'phone', 'mobile', '13812345678'),
      row('王小明', 'address', 'home', '北京市东城区某街1号'),
      row('王小明', 'phone', 'mobile', '13900001111', true),
    ]);
  });
});
