import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  AdapterBatch,
  DeliveryAdapter,
  DeliveryReceipt,
  OutgoingMessage,
} from '../delivery-adapter';
import { CHROMIUM_PATH, openPdfPrinter, PdfPrinter } from '../pdf-printer';

export const NO_PDF_NOTE =
  '未生成 PDF：本机未安装 Chromium，仅输出 HTML（PDF not produced: Chromium is not installed）';

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
    let printer: Promise<PdfPrinter | null> | undefined;
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

  private async write(
    message: OutgoingMessage,
    printer: PdfPrinter | null,
  ): Promise<DeliveryReceipt> {
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

  private launch(): Promise<PdfPrinter | null> {
    return openPdfPrinter(this.chromiumPath);
  }
}
