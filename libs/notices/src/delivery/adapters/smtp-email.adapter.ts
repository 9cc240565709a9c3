import { createTransport } from 'nodemailer';
import {
  AdapterBatch,
  DeliveryAdapter,
  DeliveryFailure,
  DeliveryReceipt,
} from '../delivery-adapter';
import { emailOptions } from './email-message';

/** Network trouble that a later attempt may not meet. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
]);

/**
 * SMTP 4xx replies and connection failures are transient (greylisting, a full queue, a
 * restarting server); 5xx replies and refused authentication are not.
 */
export function smtpFailure(error: unknown): DeliveryFailure {
  const e = error as { responseCode?: number; code?: string; message?: string };
  const reply = typeof e.responseCode === 'number' ? e.responseCode : undefined;
  const transient =
    reply !== undefined ? reply >= 400 && reply < 500 : TRANSIENT_CODES.has(e.code ?? '');
  const text = `SMTP ${reply ?? e.code ?? 'error'}: ${String(e.message ?? error).slice(0, 500)}`;
  return new DeliveryFailure(text, transient);
}

/**
 * E-mail through nodemailer over SMTP_URL. The Message-ID is derived from the dispatch key,
 * so if the worker dies between the server's "250 queued" and the row being marked sent,
 * the message is findable in the server's log by that id; such a dispatch is left for an
 * operator, never resent blindly (DeliveryAdapter.recover answers `unknown`).
 */
export class SmtpEmailAdapter extends DeliveryAdapter {
  readonly name = 'smtp';

  constructor(
    private readonly url: string,
    private readonly from: string,
  ) {
    super();
  }

  async openBatch(): Promise<AdapterBatch> {
    // One connection for the whole batch instead of a handshake per message.
    const transport = createTransport({
      url: this.url,
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
    return {
      send: async (message): Promise<DeliveryReceipt> => {
        try {
          const info = await transport.sendMail(emailOptions(this.from, message));
          return { providerMessageId: String(info.messageId ?? message.messageId), artifacts: [] };
        } catch (error) {
          throw smtpFailure(error);
        }
      },
      close: async () => transport.close(),
    };
  }
}
