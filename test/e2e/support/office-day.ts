import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { keepScreenshot } from './console-e2e';
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
