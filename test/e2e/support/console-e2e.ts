import { CommandBus } from '@nestjs/cqrs';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DemoPortfolioSeeder } from '../../../apps/cli/src/demo/demo-portfolio.seeder';
import { DEMO_TENANTS } from '../../../apps/cli/src/demo/demo-tenants';
import { Clock, addDays } from '../../../libs/calendar/src';
import { systemMeta } from '../../../libs/core/src';
import { EventLog, PLATFORM_TENANT_ID, TenantTx } from '../../../libs/db/src';
import { AccountBalances } from '../../../libs/ledger/src';
import { CHROMIUM_ARGS } from '../../../libs/notices/src/delivery/pdf-printer';
import { InstallPack } from '../../../libs/policy/src';
import { CreateTenant, CreateUser } from '../../../libs/tenancy/src';
import { CollectionTestApi, startCollectionApi } from '../../collection/support/collection-api';
import { TEST_PASSWORD } from '../../support/test-app';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** CI installs Debian's chromium; without it the browser specs say so and skip. */
export const describeInBrowser: jest.Describe = HAS_CHROMIUM ? describe : describe.skip;
if (!HAS_CHROMIUM) {
  console.warn(`console e2e skipped: ${CHROMIUM} is absent (apt-get install chromium)`);
}

export interface DemoLogin {
  readonly tenant: string;
  readonly username: string;
  readonly password: string;
  readonly userId: string;
}

/** A browser context's cookies and storage, as Playwright saves them. */
export type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Business time of the e2e runs: a Wednesday, 10:00 in Beijing (inside contact hours). */
export const E2E_NOW = '2026-03-11T02:00:00Z';

export interface ConsoleE2e {
  readonly api: CollectionTestApi;
  readonly baseUrl: string;
  readonly users: Map<string, DemoLogin>;
  readonly browser: Browser;
  /** `session`: a logged-in user's cookies (`page.context().storageState()`), no second login. */
  newPage(viewport?: { width: number; height: number }, session?: Session): Promise<Page>;
  /** What the browser refused under the console's CSP, on any page; close() fails on any. */
  readonly cspViolations: string[];
  close(): Promise<void>;
}

/** Setting up tenants and users is the operator's work (the CLI): the system viewer. */
const meta = (tenantId: string) =>
  systemMeta({
    tenantId,
    actorId: 'e2e-setup',
    correlationId: `e2e-${Math.random().toString(36).slice(2)}`,
  });

export interface E2eOptions {
  /** Accounts per tenant (100); 'full': each kind's demo book. */
  size?: number | 'full';
  now?: string;
  /**
   * Days of KPI snapshots and ratings up to today (the demo's 14 unless told). Each day is a
   * SnapshotKpis and a RecomputeRatings per tenant: two thirds of a small book's seeding.
   * Only the dashboard and the KPI API read them, so a spec that opens neither takes 1
   * (today's), and one that reads charts but no trend's length a few.
   */
  kpiDays?: number;
}

/**
 * The running system for a browser: the Nest API in-process on a random port over its own
 * database, the named demo tenants created as `npm start` does (pack, a user per role, a
 * generated portfolio escalated to today) but small, and users with a known password.
 */
export async function startConsoleE2e(
  slugs: string[],
  sizeOrOptions: number | E2eOptions = {},
): Promise<ConsoleE2e> {
  const options = typeof sizeOrOptions === 'number' ? { size: sizeOrOptions } : sizeOrOptions;
  const api = await startCollectionApi({ now: options.now ?? E2E_NOW });
  const size = options.size === 'full' ? undefined : (options.size ?? 100);
  let ready: { baseUrl: string; users: Map<string, DemoLogin>; browser: Browser };
  try {
    await api.app.listen(0, '127.0.0.1');
    const baseUrl = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    const users = await seedDemoTenants(api, slugs, size, options.kpiDays);
    // Last: nothing after it can fail and leave the browser open.
    ready = { baseUrl, users, browser: await launchChromium() };
  } catch (error) {
    // The spec's afterAll has nothing to close (its beforeAll threw): an open app or Redis
    // connection would keep jest waiting until its timeout.
    await api.close().catch(() => undefined);
    throw error;
  }
  const { baseUrl, users, browser } = ready;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    api,
    baseUrl,
    users,
    browser,
    cspViolations,
    async newPage(viewport = { width: 1366, height: 768 }, session?: Session) {
      const context = await browser.newContext({
        viewport,
        locale: 'zh-CN',
        baseURL: baseUrl,
        storageState: session,
      });
      contexts.push(context);
      const page = await context.newPage();
      // Chromium reports each refused script, style or frame as a console message.
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) {
          cspViolations.push(`${page.url()}: ${message.text()}`);
        }
      });
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await api.close();
      if (cspViolations.length) {
        throw new Error(`The console broke its CSP:\n${cspViolations.join('\n')}`);
      }
    },
  };
}

async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // Playwright gives every launch a new empty --user-data-dir of its own (it refuses the flag).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

async function seedDemoTenants(
  { app, db }: CollectionTestApi,
  slugs: string[],
  /** Accounts per tenant; undefined: each kind's full demo book (`npm start`). */
  size: number | undefined,
  kpiDays: number | undefined,
): Promise<Map<string, DemoLogin>> {
  const commands = app.get(CommandBus);
  const clock = app.get(Clock);
  const seeder = new DemoPortfolioSeeder(
    app.get(TenantTx),
    app.get(EventLog),
    app.get(AccountBalances),
    commands,
    clock,
  );
  const users = new Map<string, DemoLogin>();
  for (const slug of slugs) {
    const tenant = DEMO_TENANTS.find((t) => t.slug === slug);
    if (!tenant) throw new Error(`no demo tenant ${slug}`);
    const { id: tenantId } = await commands.execute(
      new CreateTenant(meta(PLATFORM_TENANT_ID), slug, tenant.name, tenant.kind, 'Asia/Shanghai'),
    );
    const today = clock.now().toISOString().slice(0, 10);
    const launchDate = `${today.slice(0, 7)}-01`;
    const params =
      tenant.pack === 'credit-coop-npl-drive'
        ? { launchDate, amnestyDate: addDays(launchDate, 45) }
        : {};
    await commands.execute(
      new InstallPack(meta(tenantId), PLATFORM_TENANT_ID, tenant.pack, undefined, params),
    );
    for (const user of tenant.users) {
      const { id } = await commands.execute(
        new CreateUser(meta(tenantId), user.username, user.displayName, TEST_PASSWORD, user.roles),
      );
      users.set(user.username, {
        tenant: slug,
        username: user.username,
        password: TEST_PASSWORD,
        userId: id,
      });
    }
    await seeder.seed(tenant, tenantId, {
      seed: 'console-e2e',
      size,
      historyDays: 0,
      // A week of collectors' work (the demo's month would triple the seeding time).
      activityDays: 7,
      kpiDays,
      ownerUrl: db.ownerUrl,
      meta: (id) => ({ ...meta(id), actorId: 'demo-seed' }),
    });
  }
  return users;
}

/** Logs in through the console's form, as a person would. */
export async function logIn(page: Page, login: DemoLogin): Promise<void> {
  await page.goto('/console/login');
  await page.getByLabel(/单位代码/).fill(login.tenant);
  await page.getByLabel(/用户名/).fill(login.username);
  await page.getByLabel(/密码/).fill(login.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/console/login')),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
}

/** SCREENSHOTS=1 keeps the page as docs/screenshots/<name>.png (README shows them). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.screenshot({
    path: `${process.env.SCREENSHOT_DIR ?? 'docs/screenshots'}/${name}.png`,
    fullPage: false,
  });
}
