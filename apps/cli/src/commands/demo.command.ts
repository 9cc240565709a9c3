import { CommandBus } from '@nestjs/cqrs';
import { ModuleRef } from '@nestjs/core';
import { TenantTx, PLATFORM_TENANT_ID, EventLog } from '@qingshou/db';
import {
  CreateTenant,
  CreateUser,
  PasswordHasher,
  passwordProblems,
  UpdateTenantProfile,
} from '@qingshou/tenancy';
import { CalendarService, Clock, addDays } from '@qingshou/calendar';
import { AppConfig, ConflictError, ValidationFailedError } from '@qingshou/core';
import { AccountBalances } from '@qingshou/ledger';
import { InstallPack } from '@qingshou/policy';
import { Command, CommandRunner, Option } from 'nest-commander';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { loginAnnouncement } from '../demo/announce-logins';
import { DemoLogin, isFileFor, readLogins, saveLogins } from '../demo/credentials-file';
import { DemoPortfolioSeeder, TenantSummary } from '../demo/demo-portfolio.seeder';
import { DEMO_TENANTS } from '../demo/demo-tenants';
import { COOP_DRIVE } from '../demo/portfolios/coop.portfolio';
import { reseedInFreshProcess, resetDemoDatabase } from '../demo/reset-database';
import { operatorMeta } from './platform-actor';

export interface DemoOptions {
  /** Drop and recreate the database, migrate, then seed again in a fresh process. */
  reset?: boolean;
  seed?: string;
  /** Accounts per tenant (default: each kind's own book size). */
  size?: number;
  /** Escalation days before today to replay, oldest first. */
  historyDays?: number;
  /** Days of KPI snapshots ending today, so the dashboard's charts have a history. */
  kpiDays?: number;
  /** Days of collectors' work (contacts, first calls, promises) logged before today. */
  activityDays?: number;
}

export const DEFAULT_SEED = 'qingshou-demo';
export const DEFAULT_HISTORY_DAYS = 3;

/**
 * Creates the platform admin and one demo tenant per seed work plan, with a user for each
 * role, its pack, and a generated portfolio escalated up to today. Passwords are generated,
 * printed once on a terminal (never through a logger, never into piped output) and kept in
 * one file per database (`DEMO_CREDENTIALS_FILE`, by default the git-ignored
 * `.qingshou/demo-credentials.txt`). Re-running creates only what is missing;
 * `--reset` rebuilds everything from an empty database.
 */
@Command({
  name: 'demo',
  description: 'Create the demo tenants, their users and portfolios (idempotent; --reset rebuilds)',
})
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly commands: CommandBus,
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly moduleRef: ModuleRef,
  ) {
    super();
  }

  @Option({ flags: '--reset', description: 'drop the database, migrate and seed it again' })
  parseReset(): boolean {
    return true;
  }

  @Option({ flags: '--seed <text>', description: `portfolio seed (default ${DEFAULT_SEED})` })
  parseSeed(value: string): string {
    return value;
  }

  @Option({ flags: '--size <n>', description: "accounts per tenant (default: each kind's own)" })
  parseSize(value: string): number {
    return wholeNumber('--size', value, 1, 20_000);
  }

  @Option({
    flags: '--history-days <n>',
    description: `escalation days replayed before today (default ${DEFAULT_HISTORY_DAYS})`,
  })
  parseHistoryDays(value: string): number {
    return wholeNumber('--history-days', value, 0, 60);
  }

  @Option({
    flags: '--kpi-days <n>',
    description: 'days of KPI snapshots ending today, for the charts (default 14)',
  })
  parseKpiDays(value: string): number {
    return wholeNumber('--kpi-days', value, 0, 90);
  }

  @Option({
    flags: '--activity-days <n>',
    description: "days of the collectors' logged work ending today (default 30)",
  })
  parseActivityDays(value: string): number {
    return wholeNumber('--activity-days', value, 1, 60);
  }

  async run(_: string[] = [], options: DemoOptions = {}): Promise<void> {
    if (options.reset) {
      const config = this.config();
      console.log('Dropping and recreating the database…');
      await resetDemoDatabase(config.DATABASE_URL);
      // Its logins died with the database; the fresh process writes the new ones.
      rmSync(this.credentialsFile(), { force: true });
      const passOn = [
        ...(options.seed ? ['--seed', options.seed] : []),
        ...(options.size ? ['--size', String(options.size)] : []),
        ...(options.historyDays !== undefined
          ? ['--history-days', String(options.historyDays)]
          : []),
        ...(options.kpiDays !== undefined ? ['--kpi-days', String(options.kpiDays)] : []),
        ...(options.activityDays !== undefined
          ? ['--activity-days', String(options.activityDays)]
          : []),
      ];
      const status = reseedInFreshProcess(passOn);
      if (status !== 0) throw new Error(`demo seeding after the reset failed (exit ${status})`);
      return;
    }
    await this.seed(options);
  }

  /** Tenants, users, packs, then the portfolios; returns the per-tenant summary. */
  async seed(options: DemoOptions = {}): Promise<TenantSummary[]> {
    const created: DemoLogin[] = [];
    // The platform admin is the first user of a database: creating it means a fresh one.
    const freshDatabase = !(await this.userExists(PLATFORM_TENANT_ID, 'root'));
    if (freshDatabase) {
      const password = this.password();
      await this.commands.execute(
        new CreateUser(operatorMeta(), 'root', '平台管理员', password, ['platform-admin']),
      );
      created.push({ tenant: 'platform', username: 'root', password, roles: ['platform-admin'] });
    }
    const tenantIds = new Map<string, string>();
    for (const tenant of DEMO_TENANTS) {
      let tenantId = await this.tenantId(tenant.slug);
      if (!tenantId) {
        const result = await this.commands.execute(
          new CreateTenant(operatorMeta(), tenant.slug, tenant.name, tenant.kind, 'Asia/Shanghai'),
        );
        tenantId = result.id as string;
        await this.commands.execute(
          new UpdateTenantProfile(operatorMeta(tenantId), { ...tenant.profile }),
        );
      }
      tenantIds.set(tenant.slug, tenantId);
      await this.installPack(tenantId, tenant.slug, tenant.pack);
      for (const user of tenant.users) {
        if (await this.userExists(tenantId, user.username)) continue;
        const password = this.password();
        await this.commands.execute(
          new CreateUser(
            operatorMeta(tenantId),
            user.username,
            user.displayName,
            password,
            user.roles,
          ),
        );
        created.push({ tenant: tenant.slug, username: user.username, password, roles: user.roles });
      }
    }
    await this.keepLogins(created, freshDatabase);
    return this.seedPortfolios(tenantIds, options);
  }

  /** Keeps the database's one block of logins in the file; shows new ones once on a terminal. */
  private async keepLogins(created: DemoLogin[], freshDatabase: boolean): Promise<void> {
    const file = this.credentialsFile();
    const database = this.config().databaseName;
    if (!freshDatabase && existsSync(file) && !isFileFor(file, database)) {
      // An appended file from before: keep one line per user, the one whose password works.
      const added = new Set(created.map((l) => `${l.tenant}/${l.username}`));
      const kept = (await this.workingLogins(readLogins(file))).filter(
        (l) => !added.has(`${l.tenant}/${l.username}`),
      );
      saveLogins(file, database, [...kept, ...created], true);
      console.log(`Rewrote ${file}: ${kept.length + created.length} logins that work`);
    } else if (created.length > 0) {
      saveLogins(file, database, created, freshDatabase);
    }
    // Plain stdout, not a logger: the passwords must never become a structured log line.
    console.log(loginAnnouncement(created, file, Boolean(process.stdout.isTTY)));
  }

  /** The first login per user whose password matches the user's hash in this database. */
  private async workingLogins(logins: DemoLogin[]): Promise<DemoLogin[]> {
    const hasher = this.moduleRef.get(PasswordHasher, { strict: false });
    const seen = new Set<string>();
    const out: DemoLogin[] = [];
    for (const login of logins) {
      const key = `${login.tenant}/${login.username}`;
      if (seen.has(key)) continue;
      const tenantId =
        login.tenant === 'platform' ? PLATFORM_TENANT_ID : await this.tenantId(login.tenant);
      if (!tenantId) continue;
      const rows = await this.tx.run(tenantId, (em) =>
        em.execute<{ hash: string }[]>(
          `select password_hash as hash from users where tenant_id = ? and username = ?`,
          [tenantId, login.username],
        ),
      );
      if (rows[0] && (await hasher.verify(rows[0].hash, login.password))) {
        seen.add(key);
        out.push(login);
      }
    }
    return out;
  }

  private config(): AppConfig {
    return this.moduleRef.get(AppConfig, { strict: false });
  }

  private credentialsFile(): string {
    return resolve(this.config().DEMO_CREDENTIALS_FILE);
  }

  private async seedPortfolios(
    tenantIds: Map<string, string>,
    options: DemoOptions,
  ): Promise<TenantSummary[]> {
    const seeder = new DemoPortfolioSeeder(
      this.tx,
      this.moduleRef.get(EventLog, { strict: false }),
      this.moduleRef.get(AccountBalances, { strict: false }),
      this.commands,
      this.moduleRef.get(Clock, { strict: false }),
    );
    const summaries: TenantSummary[] = [];
    for (const tenant of DEMO_TENANTS) {
      const summary = await seeder.seed(tenant, tenantIds.get(tenant.slug) as string, {
        seed: options.seed ?? DEFAULT_SEED,
        size: options.size,
        historyDays: options.historyDays ?? DEFAULT_HISTORY_DAYS,
        kpiDays: options.kpiDays,
        activityDays: options.activityDays,
        ownerUrl: this.config().DATABASE_URL,
        meta: (tenantId) => ({ ...operatorMeta(tenantId), actorId: 'demo-seed' }),
      });
      summaries.push(summary);
    }
    console.log(
      [
        'tenant            accounts  overdue  open cases  tasks due today',
        ...summaries.map(
          (s) =>
            `${s.slug.padEnd(18)}${String(s.accounts).padStart(8)}${String(s.overdue).padStart(9)}` +
            `${String(s.cases).padStart(12)}${String(s.tasksToday).padStart(17)}` +
            (s.seeded ? `   (generated in ${s.seconds.toFixed(1)} s)` : ''),
        ),
      ].join('\n'),
    );
    return summaries;
  }

  /** Pins the tenant's pack at its current version; an active one is left as it is. */
  private async installPack(tenantId: string, slug: string, pack: string): Promise<void> {
    const today = this.calendar.today();
    // The co-op's drive is under way (全面清收); its goal is the demo's plan.
    const launchDate = addDays(today, -COOP_DRIVE.daysAgo);
    const params =
      pack === 'credit-coop-npl-drive'
        ? {
            launchDate,
            amnestyDate: addDays(launchDate, COOP_DRIVE.amnestyDay),
            recoveryPlan: COOP_DRIVE.plan,
          }
        : {};
    try {
      await this.commands.execute(
        new InstallPack(operatorMeta(tenantId), PLATFORM_TENANT_ID, pack, undefined, params),
      );
      console.log(`Installed pack ${pack} for ${slug}`);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  /** 12 random characters; drawn again should the strength check (CreateUser's) ever refuse one. */
  private password(): string {
    let candidate: string;
    do candidate = randomBytes(9).toString('base64url');
    while (passwordProblems(candidate, { username: 'demo' }).length > 0);
    return candidate;
  }

  private async tenantId(slug: string): Promise<string | undefined> {
    const rows = await this.tx.runUnscoped((em) =>
      em.execute<{ id: string }[]>(`select id from tenants where slug = ?`, [slug]),
    );
    return rows[0]?.id;
  }

  private async userExists(tenantId: string, username: string): Promise<boolean> {
    const rows = await this.tx.run(tenantId, (em) =>
      em.execute(`select 1 from users where tenant_id = ? and username = ?`, [tenantId, username]),
    );
    return rows.length > 0;
  }
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ValidationFailedError(`Bad ${flag}`, [
      { path: flag, reason: `must be a whole number from ${min} to ${max}` },
    ]);
  }
  return n;
}
