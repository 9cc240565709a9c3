import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, offline, no first-run or update chatter: the browser only prints. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfPrinter {
  pdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * An A4 printer on headless Chromium (Debian's, never a downloaded one), or null when it
 * is not installed. Scripts are off and every request but data: URLs is aborted, so a
 * template cannot make the printer fetch or run anything.
 */
export async function openPdfPrinter(chromiumPath = CHROMIUM_PATH): Promise<PdfPrinter | null> {
  if (!existsSync(chromiumPath)) return null;
  // playwright-core is loaded only here: a deployment without Chromium never needs it.
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(join(tmpdir(), 'qs-letters-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      javaScriptEnabled: false,
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  await context.route(/^(?!data:)/, (route) => route.abort());
  return {
    pdf: async (html) => {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await page.close();
      }
    },
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
