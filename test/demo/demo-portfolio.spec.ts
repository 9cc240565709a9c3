import { INestApplicationContext } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DemoCommand } from '../../apps/cli/src/commands/demo.command';
import { PackCliModule } from '../../apps/cli/src/commands/pack.command';
import { PORTFOLIOS } from '../../apps/cli/src/demo/portfolios';
import { Prng } from '../../apps/cli/src/demo/prng';
import { resetDemoDatabase } from '../../apps/cli/src/demo/reset-database';
import { AppConfigModule } from '../../libs/core/src';
import { DbModule, RedisModule } from '../../libs/db/src';
import { validateResidentId, validateSocialCreditCode } from '../../libs/ledger/src/domain';
import { TenancyModule } from '../../libs/tenancy/src';
import { connect, createTestDatabase, TestDatabase } from '../support/test-db';

/** Small books so the file stays well under a minute and a half on two cores. */
const SIZE = 200;
// One day of KPI snapshots: the 14-day history costs ~1 s a day per tenant.
const OPTIONS = { seed: 'spec-seed', size: SIZE, historyDays: 0, kpiDays: 1 };

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

  beforeAll(async () => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    db = await createTestDatabase();
    cli = await bootCli(db);
    owner = await connect(db.ownerUrl);
  }, 60_000);
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
      expect(t.overdue / t.accounts).toBeGreaterThan(0.05);
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
  }, 80_000);

  it('a second demo run creates nothing new', async () => {
    const before = await tableCounts(owner!);
    const summaries = await cli!.get(DemoCommand).seed(OPTIONS);
    expect(summaries.every((s) => !s.seeded)).toBe(true);
    expect(await tableCounts(owner!)).toEqual(before);
  }, 30_000);

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
  }, 90_000);
});
