import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { create, extract, list } from 'tar';
import { AuditVerifyCommand } from '../../apps/cli/src/commands/audit.command';
import { BackupCommand, RestoreCommand } from '../../apps/cli/src/commands/backup.command';
import { AppConfig, AppConfigModule } from '../../libs/core/src';
import { AuditChainVerifier, DbModule, TenantTx } from '../../libs/db/src';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';
import { ADMIN_URL, urlFor } from '../support/test-db-names';

/** The same settings with other values (AppConfig keeps its getters: databaseName …). */
function configWith(base: AppConfig, values: Partial<AppConfig>): AppConfig {
  return Object.assign(Object.create(Object.getPrototypeOf(base) as object), base, values);
}

async function quietly<T>(work: () => Promise<T>): Promise<{ result: T; out: string[] }> {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((l: string) => void out.push(l));
  const error = jest.spyOn(console, 'error').mockImplementation((l: string) => void out.push(l));
  try {
    return { result: await work(), out };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const countRows = async (url: string, table: string): Promise<number> => {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;
  } finally {
    await client.end();
  }
};

describe('backup → restore into an empty database: audit verify passes, every file sha256 matches', () => {
  let api: CollectionTestApi;
  let scratch: string;
  let source: AppConfig;
  let restored: AppConfig;
  let restoredName: string;
  let restoredApp: INestApplicationContext | undefined;
  let wang: Member;
  let storageKey: string;
  const recording = Buffer.from('RIFF....WAVEfmt 通话录音 2026-03-11 客户承诺还款', 'utf8');
  const recordingSha = createHash('sha256').update(recording).digest('hex');

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:10:00Z' });
    scratch = await mkdtemp(join(tmpdir(), 'qs-backup-'));
    source = configWith(api.db.config, { STORAGE_DIR: api.storageDir });
    restoredName = `${api.db.name}_restored`;
    restored = configWith(api.db.config, {
      DATABASE_URL: urlFor(restoredName),
      STORAGE_DIR: join(scratch, 'restored-storage'),
      NOTICE_OUTBOX_DIR: join(scratch, 'restored-outbox'),
    });
    const tenant = await tenantWithUsers(api, 'backup-co', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    wang = tenant.users.wang;
    const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
      name: '褚十一',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const caseId = await openCase(api, tenant.users.manager, debtorId);
    await assign(api, tenant.users.manager, caseId, wang);
    const contact = await api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${wang.token}`)
      .field('channel', 'call')
      .field('party', 'debtor')
      .field('outcomeCode', 'promised-to-pay')
      .field('attemptedAt', '2026-03-11T10:05:00+08:00')
      .attach('file', recording, { filename: 'call.wav', contentType: 'audio/wav' })
      .expect(201);
    const [row] = await ownerQuery<{ storage_key: string }>(
      api,
      `select a.storage_key from contact_attempts ct
         join attachments a on a.tenant_id = ct.tenant_id and a.id = ct.attachment_id
        where ct.id = $1`,
      [contact.body.id],
    );
    storageKey = row.storage_key;
  }, 120_000);

  afterAll(async () => {
    await restoredApp?.close();
    if (restoredName) {
      const admin = new Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${restoredName}" with (force)`);
      await admin.end();
    }
    await api?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('backup writes one tar: manifest.json, database.dump and the recording with its sha256', async () => {
    const archive = join(scratch, 'qingshou.tar');
    const { out } = await quietly(() => new BackupCommand(source).run([archive]));
    expect(out.join('\n')).toMatch(/1 stored files/);
    const entries: string[] = [];
    await list({ file: archive, onReadEntry: (e) => void entries.push(e.path) });
    expect(entries).toEqual(['manifest.json', 'database.dump', `files/storage/${storageKey}`]);
  }, 180_000);

  it('restore refuses a non-empty database, naming it, and writes nothing', async () => {
    const before = await countRows(api.db.ownerUrl, 'attachments');
    const { out } = await quietly(() =>
      new RestoreCommand(source).run([join(scratch, 'qingshou.tar')]),
    );
    expect(out.join('\n')).toContain(`database "${api.db.name}" is not empty`);
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
    expect(await countRows(api.db.ownerUrl, 'attachments')).toBe(before);
  }, 180_000);

  it('restore into a fresh empty database and file dir: 1 file restored, its sha256 matches', async () => {
    const { out } = await quietly(() =>
      new RestoreCommand(restored).run([join(scratch, 'qingshou.tar')]),
    );
    expect(out.join('\n')).toContain(`into ${restoredName}: 1 stored files, 1 sha256 match`);
    const bytes = await readFile(join(restored.STORAGE_DIR, storageKey));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(recordingSha);
    expect(await countRows(urlFor(restoredName), 'attachments')).toBe(1);
    expect(await countRows(urlFor(restoredName), 'contact_attempts')).toBe(1);
  }, 120_000);

  it('audit verify passes on the restored database with as many events as the source', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(restored), DbModule],
    }).compile();
    restoredApp = await moduleRef.init();
    const verify = new AuditVerifyCommand(
      restoredApp.get(TenantTx),
      restoredApp.get(AuditChainVerifier),
    );
    const { out } = await quietly(() => verify.run([], { tenant: 'backup-co' }));
    const [{ n }] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log e join tenants t on t.id = e.tenant_id
        where t.slug = 'backup-co'`,
    );
    expect(n).toBeGreaterThan(3);
    expect(out).toEqual([`ok, ${n} events`]);
  }, 180_000);

  it('an archive whose recording was altered is refused, naming the file, before any write', async () => {
    const unpacked = join(scratch, 'unpacked');
    await mkdir(unpacked);
    await extract({ file: join(scratch, 'qingshou.tar'), cwd: unpacked });
    await writeFile(join(unpacked, 'files/storage', storageKey), 'not the call');
    const tampered = join(scratch, 'tampered.tar');
    await create({ file: tampered, cwd: unpacked }, [
      'manifest.json',
      'database.dump',
      `files/storage/${storageKey}`,
    ]);
    const target = configWith(restored, { DATABASE_URL: urlFor(`${restoredName}_x`) });
    const { out } = await quietly(() => new RestoreCommand(target).run([tampered]));
    expect(out.join('\n')).toContain(`does not match its manifest: files/storage/${storageKey}`);
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
    const admin = new Client({ connectionString: ADMIN_URL });
    await admin.connect();
    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [
      `${restoredName}_x`,
    ]);
    await admin.end();
    expect(exists.rowCount).toBe(0);
  }, 60_000);

  it('a file that is not a tar archive is refused', async () => {
    const bad = join(scratch, 'not-a-backup.tar');
    await writeFile(bad, Buffer.alloc(1024, 7));
    const { out } = await quietly(() => new RestoreCommand(restored).run([bad]));
    expect(out.join('\n')).toContain('is not a readable tar archive');
    expect(process.exitCode).toBe(2);
    process.exitCode = 0;
  });
});
