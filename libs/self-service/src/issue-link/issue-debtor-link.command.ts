import { ActorCommand, type ActorMeta } from '@qingshou/core';

/** How the link reaches the debtor: an SMS now, the QR of a letter, or read out by the collector. */
export type LinkChannel = 'sms' | 'letter-qr' | 'console';

/**
 * 自助链接: a signed, expiring link to the debtor's own page for one case, issued by whoever
 * works the case (or by a letter's rendering, for its QR). Lives the pack's `linkDays`.
 */
export class IssueDebtorLink extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly channel: LinkChannel,
    /** The letter whose QR carries the link: one link per letter, the same on a reprint. */
    readonly noticeId?: string,
  ) {
    super(meta);
  }
}

export interface IssueDebtorLinkResult {
  readonly linkId: string;
  /** The whole link; shown once (only its hash is kept), or null for a letter's existing link. */
  readonly url: string;
  readonly expiresAt: string;
}
