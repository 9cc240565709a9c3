import { Injectable } from '@nestjs/common';
import { AppConfig, DomainError } from '@qingshou/core';
import type { NoticeChannel } from '../rendering/front-matter';
import { FileSinkAdapter } from './adapters/file-sink.adapter';
import { HttpSmsAdapter } from './adapters/http-sms.adapter';
import { PdfBrowserPool } from '../pdf/pdf-browser-pool';
import { LetterPdfAdapter } from './adapters/letter-pdf.adapter';
import { SmtpEmailAdapter } from './adapters/smtp-email.adapter';
import type { DeliveryAdapter } from './delivery-adapter';

/** Channels a dispatch delivers; a notice board posting or a file copy is recorded by hand. */
export const DISPATCH_CHANNELS = ['letter', 'registered-mail', 'sms', 'email', 'wechat'] as const;
export type DispatchChannel = (typeof DISPATCH_CHANNELS)[number];

/** Which adapters can carry which channel; `none` switches a channel's delivery off. */
const CAN_CARRY: Record<string, readonly DispatchChannel[]> = {
  sink: DISPATCH_CHANNELS,
  letter: ['letter', 'registered-mail'],
  smtp: ['email'],
  http: ['sms'],
  none: DISPATCH_CHANNELS,
};

export class DeliveryConfigError extends DomainError {
  constructor(message: string) {
    super('notice-delivery-config', `NOTICE_ADAPTERS: ${message}`, 500);
  }
}

/** `email=smtp,sms=http` → the adapter name per channel, every other channel the sink. */
export function adapterNames(setting: string | undefined): Record<DispatchChannel, string> {
  const names = Object.fromEntries(DISPATCH_CHANNELS.map((c) => [c, 'sink'])) as Record<
    DispatchChannel,
    string
  >;
  for (const pair of (setting ?? '').split(',').filter(Boolean)) {
    const [channel, adapter] = pair.split('=');
    if (!(DISPATCH_CHANNELS as readonly string[]).includes(channel)) {
      throw new DeliveryConfigError(
        `${channel} is not a channel (${DISPATCH_CHANNELS.join(', ')})`,
      );
    }
    if (!CAN_CARRY[adapter]?.includes(channel as DispatchChannel)) {
      throw new DeliveryConfigError(`adapter ${adapter} cannot deliver ${channel}`);
    }
    names[channel as DispatchChannel] = adapter;
  }
  return names;
}

/**
 * The configured adapter per channel (AppConfig NOTICE_ADAPTERS; development and tests: the
 * file sink under NOTICE_OUTBOX_DIR). Built once; a misconfiguration fails on first use
 * with the setting's name rather than at the first failed letter.
 */
@Injectable()
export class DeliveryAdapters {
  private readonly byChannel: Partial<Record<DispatchChannel, DeliveryAdapter>> = {};

  constructor(config: AppConfig, pdfs: PdfBrowserPool) {
    const names = adapterNames(config.NOTICE_ADAPTERS);
    const built = new Map<string, DeliveryAdapter>();
    const build = (name: string): DeliveryAdapter => {
      switch (name) {
        case 'sink':
          return new FileSinkAdapter(config.NOTICE_OUTBOX_DIR, config.SMTP_FROM);
        case 'letter':
          return new LetterPdfAdapter(config.NOTICE_OUTBOX_DIR, pdfs);
        case 'smtp':
          if (!config.SMTP_URL) throw new DeliveryConfigError('email=smtp needs SMTP_URL');
          return new SmtpEmailAdapter(config.SMTP_URL, config.SMTP_FROM);
        default:
          if (!config.SMS_GATEWAY_URL)
            throw new DeliveryConfigError('sms=http needs SMS_GATEWAY_URL');
          return new HttpSmsAdapter({
            url: config.SMS_GATEWAY_URL,
            token: config.SMS_GATEWAY_TOKEN,
          });
      }
    };
    for (const channel of DISPATCH_CHANNELS) {
      const name = names[channel];
      if (name === 'none') continue;
      if (!built.has(name)) built.set(name, build(name));
      this.byChannel[channel] = built.get(name);
    }
  }

  /** The adapter for a channel, or undefined when the channel is not delivered. */
  forChannel(channel: NoticeChannel): DeliveryAdapter | undefined {
    return this.byChannel[channel as DispatchChannel];
  }

  /** Channels with an adapter: the dispatcher selects only notices of these. */
  channels(): DispatchChannel[] {
    return DISPATCH_CHANNELS.filter((c) => this.byChannel[c] !== undefined);
  }
}
