import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '../../../libs/core/src';
import { RunImport } from '../../../libs/imports/src';
import { ConsoleE2e, DemoLogin, keepScreenshot } from './console-e2e';
import { leaksIn } from './zh-leaks';

/** The sample files each office really exchanges (../shared/samples on this machine and CI's). */
export const SAMPLES = '/work/shared/samples';

/** SCREENSHOTS=1 keeps it for the docs; otherwise the OS temp dir, never the tree. */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '1') return keepScreenshot(page, name);
  await page.screenshot({ path: join(tmpdir(), `qingshou-office-day-${name}.png`) });
}

/** ¥1,234.56 as the console prints money. */
export const yuan = (amount: string) => `¥${amount.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;

/** A Beijing wall time as an ISO instant. */
export const local = (date: string, time: string) => `${date}T${time}:00+08:00`;

/**
 * What the person reads on the page has no English word, code or UTC time (issue 11 §8);
 * `own` is text the office itself wrote (an uploaded file's name).
 */
export async function readsChinese(page: Page, own: string[] = []): Promise<void> {
  const text = own.reduce((t, o) => t.split(o).join(' '), await page.locator('main').innerText());
  expect(leaksIn(text)).toEqual([]);
}

/** A downloaded HTML report's text, tags dropped. */
export const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

/** What the person picks on the imports page (类型, 字段映射) and who they are. */
export interface ConsoleImport {
  readonly tenantId: string;
  readonly user: DemoLogin;
  /** The role the import runs under (as the worker's job would carry it). */
  readonly role: Role;
  readonly file: string;
  /** The 类型 option's value: accounts, cases, payments … */
  readonly type: string;
  readonly mapping?: string;
}

/**
 * The person uploads the file on /console/admin/imports and starts it; with no worker queue
 * in the e2e, the import then runs as the worker's job would. Returns the import's id; the
 * page is left on the import's own page.
 */
export async function uploadAndRunImport(
  e2e: ConsoleE2e,
  page: Page,
  spec: ConsoleImport,
): Promise<string> {
  await page.goto('/console/admin/imports');
  await page.getByLabel(/^文件/).setInputFiles(spec.file);
  await page.getByLabel(/^类型/).selectOption(spec.type);
  if (spec.mapping) await page.getByLabel(/^字段映射/).selectOption(spec.mapping);
  await Promise.all([
    page.waitForURL(/\/console\/admin\/imports\/[0-9a-f-]{36}$/),
    page.getByRole('button', { name: '开始导入' }).click(),
  ]);
  const importId = new URL(page.url()).pathname.split('/').pop()!;
  const meta = {
    tenantId: spec.tenantId,
    actorId: spec.user.userId,
    roles: [spec.role],
    correlationId: 'e2e-import',
  };
  await e2e.api.commands.execute(new RunImport(meta, importId));
  return importId;
}
