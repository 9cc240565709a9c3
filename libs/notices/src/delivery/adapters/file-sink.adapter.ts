import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import {
  AdapterBatch,
  DeliveryAdapter,
  DeliveryReceipt,
  OutgoingMessage,
} from '../delivery-adapter';
import { emailOptions } from './email-message';

/** `<tenant>/<channel>/<key>.<ext>`: ids and a hex key only, so no path can escape the root. */
export function sinkFileName(message: OutgoingMessage): string {
  const ext = message.channel === 'email' ? 'eml' : message.channel === 'sms' ? 'txt' : 'html';
  return join(message.tenantId, message.channel, `${message.idempotencyKey}.${ext}`);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Development and test delivery: one file per dispatch under the outbox directory — the
 * e-mail as it would go on the wire (.eml), an SMS as text, a letter as its HTML. Files are
 * created exclusively, so a repeat of the same dispatch never writes a second time.
 */
export class FileSinkAdapter extends DeliveryAdapter {
  readonly name = 'sink';
  private readonly root: string;

  constructor(
    outboxDir: string,
    private readonly from: string,
  ) {
    super();
    this.root = resolve(outboxDir);
  }

  async openBatch(): Promise<AdapterBatch> {
    return { send: (message) => this.write(message), close: async () => undefined };
  }

  override async recover(message: OutgoingMessage): Promise<DeliveryReceipt | 'not-sent'> {
    const name = sinkFileName(message);
    return (await exists(join(this.root, name)))
      ? { providerMessageId: name, artifacts: [name] }
      : 'not-sent';
  }

  private async write(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const name = sinkFileName(message);
    const path = join(this.root, name);
    await mkdir(dirname(path), { recursive: true });
    try {
      await writeFile(path, await this.content(message), { flag: 'wx' });
    } catch (error) {
      // Already written by an earlier attempt whose result was lost: that was the send.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return { providerMessageId: name, artifacts: [name] };
  }

  private async content(message: OutgoingMessage): Promise<Buffer | string> {
    if (message.channel === 'email') {
      return new MailComposer(emailOptions(this.from, message)).compile().build();
    }
    if (message.channel === 'sms' || message.channel === 'wechat') {
      return `To: ${message.recipient}\n\n${message.text}\n`;
    }
    return message.html;
  }
}
