import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import {
  AdapterBatch,
  DeliveryAdapter,
  DeliveryReceipt,
  OutgoingMessage,
} from '../delivery-adapter';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless, offline, no first-run or update chatter: the browser only prints. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_PDF_NOTE =
  '未生成 PDF：本机未安装 Chromium，仅输出 HTML（PDF not produced: Chromium is not installed）';

interface Printer {
  pdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Letters and registered mail for the print room: the notice's HTML document and, when
 * Chromium is installed, an A4 PDF printed by headless Chromium (playwright-core). One
 * browser serves a whole batch. Without Chromium the HTML is still written and the receipt
 * says the PDF is missing — a letter is never held back for want of a PDF.
 */
export class LetterPdfAdapter extends DeliveryAdapter {
  readonly name = 'letter';
  private readonly root: string;

  constructor(
    outboxDir: string,
    private readonly chromiumPath: string = CHROMIUM_PATH,
  ) {
    super();
    this.root = resolve(outboxDir);
  }

  async openBatch(): Promise<AdapterBatch> {
    let printer: Promise<Printer | null> | undefined;
    return {
      send: async (message) => {
        // Launched on the first letter, so a batch of e-mails never starts a browser.
        printer ??= this.launch();
        return this.write(message, await printer);
      },
      close: async () => {
        const launched = printer ? await printer : null;
        await launched?.close();
      },
    };
  }

  override async recover(): Promise<'not-sent'> {
    // Writing files is repeatable: the same names are overwritten with the same letter.
    return 'not-sent';
  }

  private async write(message: OutgoingMessage, printer: Printer | null): Promise<DeliveryReceipt> {
    const base = join(message.tenantId, message.channel, message.idempotencyKey);
    const htmlPath = join(this.root, `${base}.html`);
    await mkdir(dirname(htmlPath), { recursive: true });
    await writeFile(htmlPath, message.html);
    if (!printer) {
      return { providerMessageId: `${base}.html`, artifacts: [`${base}.html`], note: NO_PDF_NOTE };
    }
    await writeFile(join(this.root, `${base}.pdf`), await printer.pdf(message.html));
    return { providerMessageId: `${base}.pdf`, artifacts: [`${base}.html`, `${base}.pdf`] };
  }

  private async launch(): Promise<Printer | null> {
    if (!existsSync(this.chromiumPath)) return null;
    // playwright-core is loaded only here: a deployment without Chromium never needs it.
    const { chromium } = await import('playwright-core');
    const profile = await mkdtemp(join(tmpdir(), 'qs-letters-'));
    let context: BrowserContext;
    try {
      context = await chromium.launchPersistentContext(profile, {
        executablePath: this.chromiumPath,
        headless: true,
        args: CHROMIUM_ARGS,
        javaScriptEnabled: false,
      });
    } catch (error) {
      await rm(profile, { recursive: true, force: true });
      throw error;
    }
    // A template cannot make the print room fetch anything.
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
}
