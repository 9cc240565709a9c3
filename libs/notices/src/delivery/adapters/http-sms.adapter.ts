import {
  AdapterBatch,
  DeliveryAdapter,
  DeliveryFailure,
  DeliveryReceipt,
} from '../delivery-adapter';

export interface HttpSmsSettings {
  readonly url: string;
  readonly token?: string;
  /** Per request; a gateway that hangs is a transient failure, not a stuck worker. */
  readonly timeoutMs?: number;
}

/**
 * SMS through an HTTP gateway: POST JSON `{to, text, reference}` with the dispatch key as
 * `reference` and `Idempotency-Key`, so a gateway that dedupes drops a repeat. The gateway
 * answers `{messageId}` (or `{id}`). 429 and 5xx are transient; other 4xx are not.
 */
export class HttpSmsAdapter extends DeliveryAdapter {
  readonly name = 'http';

  constructor(private readonly settings: HttpSmsSettings) {
    super();
  }

  async openBatch(): Promise<AdapterBatch> {
    return { send: (m) => this.post(m.recipient, m.text, m.idempotencyKey), close: async () => {} };
  }

  private async post(to: string, text: string, reference: string): Promise<DeliveryReceipt> {
    let response: Response;
    try {
      response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': reference,
          ...(this.settings.token ? { authorization: `Bearer ${this.settings.token}` } : {}),
        },
        body: JSON.stringify({ to, text, reference }),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new DeliveryFailure(`SMS gateway unreachable: ${(error as Error).message}`, true);
    }
    const body = await response.text();
    if (!response.ok) {
      const transient = response.status === 429 || response.status >= 500;
      throw new DeliveryFailure(`SMS gateway ${response.status}: ${body.slice(0, 300)}`, transient);
    }
    let id: unknown;
    try {
      const parsed = JSON.parse(body) as { messageId?: unknown; id?: unknown };
      id = parsed.messageId ?? parsed.id;
    } catch {
      id = undefined;
    }
    return { providerMessageId: typeof id === 'string' && id ? id : reference, artifacts: [] };
  }
}
