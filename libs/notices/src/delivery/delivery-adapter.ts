import type { NoticeChannel } from '../rendering/front-matter';

/** One notice on its way to one recipient, rendered for its channel. */
export interface OutgoingMessage {
  readonly tenantId: string;
  readonly dispatchId: string;
  readonly noticeId: string;
  readonly channel: NoticeChannel;
  /** sha256 of (notice, channel, recipient): the same on every retry of this dispatch. */
  readonly idempotencyKey: string;
  /** `<key@qingshou.notices>`: deterministic, so a resend after a crash is recognisable. */
  readonly messageId: string;
  /** Phone, e-mail or postal address. */
  readonly recipient: string;
  readonly recipientName: string | null;
  readonly title: string;
  /** The complete HTML document (letters, e-mail). */
  readonly html: string;
  /** Plain text (SMS body, e-mail alternative). */
  readonly text: string;
}

export interface DeliveryReceipt {
  /** The provider's id (SMTP Message-ID, gateway message id, file name). */
  readonly providerMessageId: string;
  /** Files written, relative to the outbox directory. */
  readonly artifacts: readonly string[];
  /** Set when the adapter could not do all it should (a letter without its PDF). */
  readonly note?: string;
}

/**
 * A send that did not happen. `transient` (a timeout, SMTP 4xx, HTTP 5xx/429) is retried
 * with backoff; anything else fails the dispatch for good.
 */
export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

/** Sends within one batch; resources (an SMTP pool, a browser) live as long as the batch. */
export interface AdapterBatch {
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
  close(): Promise<void>;
}

/**
 * PORT: one way of delivering a channel. Implementations: the file sink (development),
 * letters (HTML + PDF), SMTP e-mail, an HTTP SMS gateway. `openBatch` is called once per
 * batch of messages, so expensive setup (a headless browser) is paid once per batch.
 */
export abstract class DeliveryAdapter {
  abstract readonly name: string;

  abstract openBatch(): Promise<AdapterBatch>;

  /**
   * A dispatch found `sending` after a crash: did the send happen? The sink can look for its
   * file; a provider without a lookup answers `unknown`, and the dispatch is not resent.
   */
  async recover(_message: OutgoingMessage): Promise<DeliveryReceipt | 'not-sent' | 'unknown'> {
    return 'unknown';
  }
}
