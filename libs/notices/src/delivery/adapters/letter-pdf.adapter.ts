import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  AdapterBatch,
  DeliveryAdapter,
  DeliveryReceipt,
  OutgoingMessage,
} from '../delivery-adapter';
import type { PdfBrowserPool } from '../../pdf/pdf-browser-pool';

/** What the adapter needs of the process's PDF browser pool. */
export type LetterPrinter = Pick<PdfBrowserPool, 'installed' | 'print'>;

export const NO_PDF_NOTE =
  '未生成 PDF：本机未安装 Chromium，仅输出 HTML（PDF not produced: Chromium is not installed）';

/**
 * Letters and registered mail for the print room: the notice's HTML document and, when
 * Chromium is installed, an A4 PDF printed by headless Chromium (playwright-core) in the
 * process's one pooled browser (PdfBrowserPool), under the same page cap as PDFs on request;
 * a batch of e-mails never starts it. Without Chromium the HTML is still written and the receipt
 * says the PDF is missing — a letter is never held back for want of a PDF.
 */
export class LetterPdfAdapter extends DeliveryAdapter {
  readonly name = 'letter';
  private readonly root: string;

  constructor(
    outboxDir: string,
    private readonly printer: LetterPrinter,
  ) {
    super();
    this.root = resolve(outboxDir);
  }

  async openBatch(): Promise<AdapterBatch> {
    // The browser belongs to the pool (closed on shutdown), not to the batch.
    return { send: (message) => this.write(message), close: async () => undefined };
  }

  override async recover(): Promise<'not-sent'> {
    // Writing files is repeatable: the same names are overwritten with the same letter.
    return 'not-sent';
  }

  private async write(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const base = join(message.tenantId, message.channel, message.idempotencyKey);
    const htmlPath = join(this.root, `${base}.html`);
    await mkdir(dirname(htmlPath), { recursive: true });
    await writeFile(htmlPath, message.html);
    if (!this.printer.installed) {
      return { providerMessageId: `${base}.html`, artifacts: [`${base}.html`], note: NO_PDF_NOTE };
    }
    await writeFile(join(this.root, `${base}.pdf`), await this.printer.print(message.html));
    return { providerMessageId: `${base}.pdf`, artifacts: [`${base}.html`, `${base}.pdf`] };
  }
}
