import type { LocalDate } from '@qingshou/calendar';
import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { DeliveryRule, NoticeChannel } from '../rendering/front-matter';

/** What a preview prints beyond its data: the letter's date and its delivery rule. */
export interface PreviewOptions {
  /** The pack's rule for the template (templateId); a draft's own front matter otherwise. */
  readonly deliveryRule?: DeliveryRule | null;
  /** Default today in the tenant's zone. */
  readonly issuedOn?: LocalDate;
}

/**
 * Renders a template without storing anything. Two callers: a pack author trying a draft
 * (`templateSource` with sample data; roles holding notice.preview-source), and the engine's
 * case preview (`templateId`, data it built from the ledger and the pack; it has decided
 * access itself and asks as the system). No HTTP route builds the `templateId` form from a
 * body: a person previews a pack template through the engine (PreviewCaseNotice).
 */
export class PreviewNotice extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly template: { readonly templateSource: string } | { readonly templateId: string },
    readonly data: Record<string, unknown>,
    readonly options: PreviewOptions = {},
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
