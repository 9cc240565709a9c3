import { CommandMeta, TenantQuery } from '@qingshou/core';
import type { DeliveryRule, NoticeChannel } from '../rendering/front-matter';

/**
 * Renders a template without storing anything: a pack author's draft (`templateSource`) or
 * an installed template (`templateId`), with sample data. Exactly one of the two is given.
 */
export class PreviewNotice extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly template: { readonly templateSource: string } | { readonly templateId: string },
    readonly data: Record<string, unknown>,
  ) {
    super(meta);
  }
}

export interface NoticePreview {
  readonly title: string;
  readonly channel: NoticeChannel;
  readonly html: string;
  readonly templateHash: string;
  /** Every field the template and its layout and partials require. */
  readonly required: readonly string[];
  readonly deliveryRule: DeliveryRule | null;
}
