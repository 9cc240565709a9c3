import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { DemoCommand } from '../../apps/cli/src/commands/demo.command';
import { PackCliModule } from '../../apps/cli/src/commands/pack.command';
import { RunCliModule } from '../../apps/cli/src/commands/run.command';
import {
  DemoLogin,
  formatLogins,
  isFileFor,
  readLogins,
} from '../../apps/cli/src/demo/credentials-file';
import { DEMO_TENANTS } from '../../apps/cli/src/demo/demo-tenants';
import { PORTFOLIOS } from '../../apps/cli/src/demo/portfolios';
import { Prng } from '../../apps/cli/src/demo/prng';
import { resetDemoDatabase } from '../../apps/cli/src/demo/reset-database';
import { AppConfigModule } from '../../libs/core/src';
import { DbModule, RedisModule } from '../../libs/db/src';
import { validateResidentId, validateSocialCreditCode } from '../../libs/ledger/src/domain';
import { Login, TenancyModule } from '../../libs/tenancy/src';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

/**
 * Small books so the file stays well under a minute and a half on two cores. Not smaller: at
 * 100 a tenant the school's overdue share falls under its 3% floor.
 */
const SIZE = 200;
// One day of KPI snapshots: the 14-day history costs ~1 s a day per tenant; one day of
// collectors' work, not the demo's month: at three days the agency's calls (each with its
// first-call task and recording) were over half of the seeding.
const OPTIONS = { seed: 'spec-seed', size: SIZE, historyDays: 0, kpiDays: 1, activityDays: 1 };

interface TenantFigures {
  slug: string;
  accounts: number;
  principal: string;
  overdue: number;
  cases: number;
  unassigned: number;
  assigneesNotCollectors: number;
  overdueWithoutCase: number;
  work: number;
}

async function bootCli(db: TestDatabase): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppConfigModule.forRoot(db.config),
      CqrsModule.forRoot(),
      DbModule,
      RedisModule,
      TenancyModule,
      PackCliModule,
      // As the CLI (cli.module.ts): the demo logs contacts and promises through collection.
      RunCliModule,
    ],
    providers: [DemoCommand],
  }).compile();
  return moduleRef.init();
}

/** What is really in the tables, read as the owner (no RLS). */
async function figures(owner: Client): Promise<TenantFigures[]> {
  const { rows } = await owner.query(
    `select t.slug,
       (select count(*) from accounts a where a.tenant_id = t.id)::int as accounts,
       (select coalesce(sum(principal), 0)::text from accounts a where a.tenant_id = t.id) as principal,
       (select count(*) from account_balances b where b.tenant_id = t.id and b.dpd > 0)::int as overdue,
       (select count(*) from cases c where c.tenant_id = t.id and c.closed_on is null)::int as cases,
       (select count(*) from cases c where c.tenant_id = t.id and c.assignee_id is null)::int
         as unassigned,
       (select count(*) from cases c join users u on u.tenant_id = c.tenant_id and u.id = c.assignee_id
         where c.tenant_id = t.id
           and not (u.roles && array['phone-collector', 'field-collector']::text[]))::int
         as "assigneesNotCollectors",
       (select count(*) from account_balances b where b.tenant_id = t.id and b.dpd > 0
          and not exists (select 1 from case_accounts ca where ca.tenant_id = b.tenant_id
                            and ca.account_id = b.account_id))::int as "overdueWithoutCase",
       (select count(*) from tasks k where k.tenant_id = t.id and k.status = 'open')::int
         + (select count(*) from drive_items d where d.tenant_id = t.id)::int as "work"
     from tenants t where t.slug like 'demo-%' order by t.slug`,
  );
  return rows as TenantFigures[];
}

const REPO = join(__dirname, '..', '..');
/** The platform admin plus every demo tenant's staff. */
const DEMO_USERS = 1 + DEMO_TENANTS.reduce((n, t) => n + t.users.length, 0);

/** Every file under the repo's `.qingshou` with its size, mtime and content hash. */
function snapshot(dir = join(REPO, '.qingshou')): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, snapshot(path));
    else {
      const { size, mtimeMs } = statSync(path);
      const hash = createHash('sha256').update(readFileSync(path)).digest('hex');
      out[relative(REPO, path)] = `${size} ${mtimeMs} ${hash}`;
    }
  }
  return out;
}

/** How many `tenant username password roles` column lines, i.e. credential blocks. */
const blocks = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('tenant ')).length;

// One client address per attempt: the login throttle allows 30 a window per address.
let clients = 0;
const nextClientIp = () => `10.9.${Math.floor(clients / 250)}.${(clients++ % 250) + 1}`;

/**
 * The logins that are refused (an empty list: every password in the file works). All at
 * once: each is an argon2 verify on libuv's thread pool, so they overlap instead of queueing.
 */
async function refused(cli: INestApplicationContext, logins: DemoLogin[]): Promise<string[]> {
  const oks = await Promise.all(
    logins.map((l) =>
      cli
        .get(CommandBus)
        .execute(new Login(l.tenant, l.username, l.password, nextClientIp(), 'demo-spec'))
        .then(() => true)
        .catch(() => false),
    ),
  );
  return logins.filter((_, i) => !oks[i]).map((l) => `${l.tenant}/${l.username}`);
}

async function tableCounts(owner: Client): Promise<Record<string, number>> {
  const tables = [
    'tenants',
    'users',
    'debtors',
    'accounts',
    'installments',
    'payments',
    'cases',
    'tasks',
    'event_log',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await owner.query(`select count(*)::int as n from ${table}`);
    out[table] = rows[0].n;
  }
  return out;
}

describe('demo portfolios (npm start on an empty database, demo --reset)', () => {
  let db: TestDatabase;
  let cli: INestApplicationContext | undefined;
  let owner: Client | undefined;
  let log: jest.SpyInstance;
  let repoFilesBefore: Record<string, string>;
  let credentials: string;

  beforeAll(async () => {
    repoFilesBefore = snapshot();
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    db = await createTestDatabase();
    credentials = db.config.DEMO_CREDENTIALS_FILE;
    cli = await bootCli(db);
    owner = await connect(db.ownerUrl);
  }, 180_000);
  afterAll(async () => {
    log.mockRestore();
    await owner?.end();
    await cli?.close();
    await db?.drop();
  });

  it('generates the same book from the same seed, with valid ID numbers and credit codes', () => {
    for (const [kind, portfolio] of Object.entries(PORTFOLIOS)) {
      const ctx = { today: '2026-11-29', size: SIZE };
      const a = portfolio!.generate(new Prng(`x:${kind}`), ctx);
      const b = portfolio!.generate(new Prng(`x:${kind}`), ctx);
      expect(b).toEqual(a);
      for (const d of a.debtors) {
        const valid =
          d.kind === 'person'
            ? validateResidentId(d.idNumber, '2026-11-29').ok
            : validateSocialCreditCode(d.idNumber).ok;
        expect({ id: d.idNumber, valid }).toEqual({ id: d.idNumber, valid: true });
      }
    }
  });

  let first: TenantFigures[];

  it('seeds six tenants with ≥ 200 accounts each, cases for every overdue account assigned to collectors, and work for today', async () => {
    await cli!.get(DemoCommand).seed(OPTIONS);
    first = await figures(owner!);
    expect(first.map((t) => t.slug)).toEqual([
      'demo-agency',
      'demo-coop',
      'demo-housing-fund',
      'demo-leasing',
      'demo-microloan',
      'demo-school',
    ]);
    for (const t of first) {
      expect({ slug: t.slug, enough: t.accounts >= SIZE }).toEqual({ slug: t.slug, enough: true });
      expect(t.overdue).toBeGreaterThan(0);
      expect(t.cases).toBeGreaterThan(0);
      expect(t.cases).toBeLessThanOrEqual(t.overdue);
      expect({
        slug: t.slug,
        uncovered: t.overdueWithoutCase,
        unassigned: t.unassigned,
        wrong: t.assigneesNotCollectors,
      }).toEqual({ slug: t.slug, uncovered: 0, unassigned: 0, wrong: 0 });
    }
    // Most books are largely current; the agency's is delinquent by nature, the co-op's by the drive.
    for (const slug of ['demo-school', 'demo-housing-fund', 'demo-microloan', 'demo-leasing']) {
      const t = first.find((x) => x.slug === slug)!;
      // The housing fund holds its 逾期率 near 0.15% (篇九): its arrears are mostly employers';
      // the school its default rate just under 5% (篇二), and its overdue borrowers have defaulted.
      const floor = { 'demo-housing-fund': 0.01, 'demo-school': 0.03 }[slug] ?? 0.05;
      expect({ slug, overdueShare: t.overdue / t.accounts > floor }).toEqual({
        slug,
        overdueShare: true,
      });
      expect(t.overdue / t.accounts).toBeLessThan(0.35);
    }
    // Escalation ran: stages recorded, and work waiting in every tenant but the agency, whose
    // work starts from event rules (first call after assignment) rather than the daily run.
    const { rows: staged } = await owner!.query(
      `select t.slug, count(h.*)::int as n from tenants t
       left join case_stage_history h on h.tenant_id = t.id
       where t.slug like 'demo-%' group by t.slug order by t.slug`,
    );
    for (const slug of ['demo-housing-fund', 'demo-leasing', 'demo-microloan', 'demo-school']) {
      expect(staged.find((r) => r.slug === slug).n).toBeGreaterThan(0);
      expect(first.find((t) => t.slug === slug)!.work).toBeGreaterThan(0);
    }
    expect(first.find((t) => t.slug === 'demo-coop')!.work).toBeGreaterThan(0);
  }, 180_000);

  let firstLogins: DemoLogin[];

  it('a second demo run creates nothing new', async () => {
    const before = await tableCounts(owner!);
    const fileBefore = readFileSync(credentials, 'utf8');
    const summaries = await cli!.get(DemoCommand).seed(OPTIONS);
    expect(summaries.every((s) => !s.seeded)).toBe(true);
    expect(await tableCounts(owner!)).toEqual(before);
    // Nothing created, nothing written: the database's one block of logins stays as it was.
    expect(readFileSync(credentials, 'utf8')).toBe(fileBefore);
  }, 180_000);

  it('credentials are written once per database: after two runs one block, and every password logs in', async () => {
    expect(relative(REPO, credentials).startsWith('..')).toBe(true); // outside the working tree
    expect(blocks(credentials)).toBe(1);
    firstLogins = readLogins(credentials);
    expect(firstLogins).toHaveLength(DEMO_USERS);
    expect(await refused(cli!, firstLogins)).toEqual([]);
  }, 180_000);

  it('a file appended to by earlier versions (a block per run) is rewritten to the one block that works', async () => {
    const stale = (l: DemoLogin) => ({ ...l, password: 'stale-password' });
    const legacy = (logins: DemoLogin[]) => formatLogins(logins) + '\n';
    writeFileSync(
      credentials,
      legacy([stale(firstLogins[1])]) + legacy(firstLogins) + legacy(firstLogins.map(stale)),
    );
    expect(blocks(credentials)).toBe(3);
    await cli!.get(DemoCommand).seed(OPTIONS);
    expect(blocks(credentials)).toBe(1);
    expect(readLogins(credentials)).toEqual(firstLogins);
    expect(isFileFor(credentials, db.name)).toBe(true);
  }, 180_000);

  it('--reset drops everything; seeding again with the same seed gives identical books', async () => {
    await owner!.end();
    owner = undefined;
    await cli!.close();
    cli = undefined;
    await resetDemoDatabase(db.ownerUrl);
    owner = await connect(db.ownerUrl);
    const { rows } = await owner.query(`select count(*)::int as n from accounts`);
    expect(rows[0].n).toBe(0);
    cli = await bootCli(db);
    await cli.get(DemoCommand).seed(OPTIONS);
    const again = await figures(owner);
    const totals = (list: TenantFigures[]) =>
      list.map(({ slug, accounts, principal, overdue, cases }) => ({
        slug,
        accounts,
        principal,
        overdue,
        cases,
      }));
    expect(totals(again)).toEqual(totals(first));
  }, 180_000);

  it('after the reset the file is rewritten: one block of new passwords that log in, the old ones do not', async () => {
    expect(blocks(credentials)).toBe(1);
    const logins = readLogins(credentials);
    expect(logins).toHaveLength(DEMO_USERS);
    expect(await refused(cli!, logins)).toEqual([]);
    const root = (list: DemoLogin[]) => list.find((l) => l.username === 'root')!;
    expect(root(logins).password).not.toBe(root(firstLogins).password);
    expect(await refused(cli!, [root(firstLogins)])).toEqual(['platform/root']);
  }, 180_000);

  it("leaves the repository's .qingshou untouched (logins, outbox and secret live elsewhere)", () => {
    expect(snapshot()).toEqual(repoFilesBefore);
  });
});
