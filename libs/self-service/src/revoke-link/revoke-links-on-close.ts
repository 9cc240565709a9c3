import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CaseClosing, type CaseClosingContext } from '@qingshou/collection';
import { EventLog } from '@qingshou/db';
import { revokeCaseDebtorLinks } from '../writers/debtor-link-writers';

/**
 * CaseClosing for the debtor's page: a closed case's links are revoked in the close's own
 * transaction (revoked_by is whoever closed it), one DebtorLinkRevoked each on the case's
 * audit chain, so the case page lists them as 已失效 and no link outlives its case.
 */
@Injectable()
export class RevokeLinksOnClose extends CaseClosing {
  constructor(private readonly events: EventLog) {
    super();
  }

  async closed(em: EntityManager, ctx: CaseClosingContext, caseId: string): Promise<void> {
    const ids = await revokeCaseDebtorLinks(em, ctx.tenantId, caseId, {
      actorId: ctx.actorId,
      at: ctx.occurredAt,
    });
    await this.events.append(
      em,
      ctx,
      ids.map((linkId) => {
        const payload = { linkId, reason: 'case-closed' };
        return {
          type: 'DebtorLinkRevoked',
          aggregateType: 'case',
          aggregateId: caseId,
          payload,
          before: null,
          after: payload,
        };
      }),
    );
  }
}
