import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** Who closed the case, and when: the close's own audit context. */
export interface CaseClosingContext {
  readonly tenantId: string;
  readonly actorId: string;
  readonly correlationId: string;
  readonly occurredAt: Date;
}

/**
 * PORT. What else ends with a case, written in CloseCase's own transaction by the lib that
 * owns it (the debtor's page links: libs/self-service revokes them). The default ends
 * nothing more: the link gate refuses a closed case's links whatever their row says, so a
 * process without the binding still opens no page; it only lists them less plainly.
 */
export abstract class CaseClosing {
  abstract closed(em: EntityManager, ctx: CaseClosingContext, caseId: string): Promise<void>;
}

@Injectable()
export class NothingElseCloses extends CaseClosing {
  async closed(): Promise<void> {}
}
