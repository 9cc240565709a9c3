import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@qingshou/core';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../delivery/pdf-printer';
import { ConcurrencyGate } from './concurrency-gate';

/** Used when PDF_CONCURRENCY is unset: two pages at once suits a two-core server. */
export const DEFAULT_PDF_CONCURRENCY = 2;

/**
 * One headless Chromium per process for every letter printed on request. Launched on the
 * first PDF (a process that never prints never starts it), reused after that, launched
 * again when it dies, closed when the application shuts down. Pages go through a
 * ConcurrencyGate (PDF_CONCURRENCY, default 2): twenty clerks pressing 下载 PDF at once
 * queue for the browser instead of starting twenty of them. Provided by a factory in
 * NoticesModule (the Chromium path is a plain argument, for tests).
 */
export class PdfBrowserPool implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfBrowserPool.name);
  private readonly gate: ConcurrencyGate;
  private browser?: Promise<Browser>;
  private closed = false;
  private launches = 0;
  private renders = 0;

  constructor(
    config: AppConfig,
    private readonly chromiumPath: string = CHROMIUM_PATH,
  ) {
    this.gate = new ConcurrencyGate(config.PDF_CONCURRENCY ?? DEFAULT_PDF_CONCURRENCY);
  }

  /** False where Chromium is not installed: the caller answers 503 rather than print. */
  get installed(): boolean {
    return existsSync(this.chromiumPath);
  }

  /** Gauges for tests and metrics: launches, pages printed, pages printing now and at most. */
  get stats() {
    const gate = this.gate.stats;
    return {
      launches: this.launches,
      renders: this.renders,
      printing: gate.running,
      peakPrinting: gate.peak,
      waiting: gate.waiting,
      limit: this.gate.limit,
      open: this.browser !== undefined,
    };
  }

  /**
   * An A4 PDF of the document. Scripts are off and every request but data: URLs is aborted,
   * so a template cannot make the printer fetch or run anything.
   */
  print(html: string): Promise<Buffer> {
    return this.gate.run(async () => {
      const browser = await this.connected();
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        await context.route(/^(?!data:)/, (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        });
        this.renders += 1;
        return pdf;
      } finally {
        await context.close().catch(() => undefined);
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    if (!browser) return;
    // A launch that failed has nothing to close.
    const launched = await browser.catch(() => undefined);
    await launched?.close();
  }

  private connected(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the PDF browser pool is shut down'));
    if (this.browser) return this.browser;
    const launching = this.launch();
    this.browser = launching;
    const forget = () => {
      if (this.browser === launching) this.browser = undefined;
    };
    launching.then(
      (browser) =>
        browser.on('disconnected', () => {
          // A crash or a kill: the next letter launches a fresh one (a closed pool stays closed).
          forget();
          if (!this.closed) this.logger.warn('Chromium exited; the next PDF launches it again');
        }),
      // A failed launch is not kept: the next request tries again.
      forget,
    );
    return launching;
  }

  private async launch(): Promise<Browser> {
    // playwright-core is loaded only here: a deployment without Chromium never needs it.
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: this.chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    this.launches += 1;
    return browser;
  }
}
