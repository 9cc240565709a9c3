import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { Migration20261207000041TemplatePurpose } from '../../libs/db/src/migrations/Migration20261207000041TemplatePurpose';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

/**
 * Migration 41 (issue 16): snapshots pinned before templates declared their purpose get
 * `purpose: plan-agreement` on the template that requires plan.* fields (the old inference),
 * nothing on the case letters, the digest kept; running it again changes nothing, down takes
 * it away. Runs the migration's own statements on a row written the old way.
 */
describe('migration 41 writes the plan agreement purpose into pinned snapshots', () => {
  let db: TestDatabase;
  let owner: Client;
  const tenantId = randomUUID();
  const installationId = randomUUID();
  const DIGEST = 'a'.repeat(64);

  const statements = async (step: 'up' | 'down') => {
    const migration = Object.create(Migration20261207000041TemplatePurpose.prototype) as {
      up(): Promise<void>;
      down(): Promise<void>;
      addSql(sql: string): void;
    };
    const sql: string[] = [];
    migration.addSql = (s: string) => void sql.push(s);
    await migration[step]();
    return sql;
  };
  const pinned = async () => {
    const { rows } = await owner.query<{
      plan: string | null;
      letter: string | null;
      has: boolean;
      digest: string;
    }>(
      `select resolved #>> '{templates,plan-agreement,purpose}' as plan,
              resolved #>> '{templates,demand-letter,purpose}' as letter,
              resolved -> 'templates' -> 'demand-letter' ? 'purpose' as has, digest
       from pack_installations where tenant_id = $1 and id = $2`,
      [tenantId, installationId],
    );
    return rows[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = await connect(db.ownerUrl);
    await owner.query(
      `insert into tenants (id, slug, name, kind) values ($1, $2, '鑫诚融资租赁', 'leasing')`,
      [tenantId, `purpose-${tenantId.slice(0, 8)}`],
    );
    const template = (name: string, required: string[]) => ({
      name,
      pack: 'leasing-dealer-arrears',
      title: name,
      channel: 'letter',
      required,
      replySlip: false,
      body: '<p></p>',
    });
    const resolved = {
      id: 'leasing-dealer-arrears',
      version: '1.0.0',
      templates: {
        'demand-letter': template('demand-letter', ['debtor.name', 'account.overdueAmount']),
        'plan-agreement': template('plan-agreement', ['debtor.name', 'plan.total']),
      },
    };
    await owner.query(
      `insert into pack_installations (tenant_id, id, pack_id, version, resolved, digest, status,
         installed_at, installed_by)
       values ($1, $2, 'leasing-dealer-arrears', '1.0.0', $3, $4, 'active', now(), 'admin')`,
      [tenantId, installationId, JSON.stringify(resolved), DIGEST],
    );
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('marks the plan agreement only, keeps the digest, twice the same; down removes it', async () => {
    expect(await pinned()).toEqual({ plan: null, letter: null, has: false, digest: DIGEST });
    for (let run = 0; run < 2; run += 1) {
      for (const sql of await statements('up')) await owner.query(sql);
      expect(await pinned()).toEqual({
        plan: 'plan-agreement',
        letter: null,
        has: false,
        digest: DIGEST,
      });
    }
    for (const sql of await statements('down')) await owner.query(sql);
    expect(await pinned()).toEqual({ plan: null, letter: null, has: false, digest: DIGEST });
  });
});
