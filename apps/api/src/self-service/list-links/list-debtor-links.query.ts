import { ActorQuery, type ActorMeta } from '@qingshou/core';

/** The case's links to the debtor's page, newest first, with each one's state today. */
export class ListDebtorLinks extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}

/** closed: the case is closed (已失效), so the link is over whatever else it says. */
export type DebtorLinkState = 'live' | 'expired' | 'revoked' | 'locked' | 'closed';

export interface DebtorLinkRow {
  readonly id: string;
  readonly channel: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly verifiedAt: string | null;
  readonly state: DebtorLinkState;
}

export interface DebtorLinksView {
  /** The pack offers the page (`selfService.enabled`), and by SMS. */
  readonly enabled: boolean;
  readonly bySms: boolean;
  readonly links: readonly DebtorLinkRow[];
}
