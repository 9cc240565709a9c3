import { Injectable } from '@nestjs/common';
import { DeliveryAdapters, DeliveryFailure } from '@qingshou/notices';
import { createHash } from 'node:crypto';

/**
 * Texts to the phone on file through the notices' SMS adapter (the HTTP gateway in
 * production, the file sink under NOTICE_OUTBOX_DIR in development and tests). The key is
 * derived from what is sent, so a retried send of the same text writes one message.
 */
@Injectable()
export class DebtorSms {
  constructor(private readonly adapters: DeliveryAdapters) {}

  async send(tenantId: string, linkId: string, phone: string, text: string): Promise<void> {
    const adapter = this.adapters.forChannel('sms');
    if (!adapter) throw new DeliveryFailure('SMS delivery is switched off', false);
    const key = createHash('sha256').update(`${linkId}\n${phone}\n${text}`).digest('hex');
    const batch = await adapter.openBatch();
    try {
      await batch.send({
        tenantId,
        dispatchId: linkId,
        noticeId: linkId,
        channel: 'sms',
        idempotencyKey: key,
        messageId: `<${key}@qingshou.self-service>`,
        recipient: phone,
        recipientName: null,
        title: '自助服务',
        html: '',
        text,
      });
    } finally {
      await batch.close();
    }
  }
}
