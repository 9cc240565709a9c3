import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { assertCaseVisible, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { SelfServiceRules } from '../support/self-service-rules';
import { DebtorLinksView, DebtorLinkState, ListDebtorLinks } from './list-debtor-links.query';

interface Row {
  id: string;
  channel: string;
  issued_at: Date;
  expires_at: Date;
  verified_at: Date | null;
  revoked_at: Date | null;
  locked_until: Date | null;
}

@QueryHandler(ListDebtorLinks)
export class ListDebtorLinksHandler implements IQueryHandler<ListDebtorLinks, DebtorLinksView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly rules: SelfServiceRules,
    private readonly clock: Clock,
  ) {}

  execute(query: ListDebtorLinks): Promise<DebtorLinksView> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    return this.tx.run(query.tenantId, async (em) => {
      await assertCaseVisible(em, viewer, query.tenantId, query.caseId);
      const rules = await this.rules.of(em, query.tenantId);
      const rows = await em.execute<Row[]>(
        `select id, channel, issued_at, expires_at, verified_at, revoked_at, locked_until
           from debtor_links where tenant_id = ? and case_id = ?
          order by issued_at desc limit 20`,
        [query.tenantId, query.caseId],
      );
      const now = this.clock.now().getTime();
      const stateOf = (r: Row): DebtorLinkState =>
        r.revoked_at
          ? 'revoked'
          : new Date(r.expires_at).getTime() <= now
            ? 'expired'
            : r.locked_until && new Date(r.locked_until).getTime() > now
              ? 'locked'
              : 'live';
      return {
        enabled: rules !== null,
        bySms: rules?.channels.includes('sms') ?? false,
        links: rows.map((r) => ({
          id: r.id,
          channel: r.channel,
          issuedAt: new Date(r.issued_at).toISOString(),
          expiresAt: new Date(r.expires_at).toISOString(),
          verifiedAt: r.verified_at ? new Date(r.verified_at).toISOString() : null,
          state: stateOf(r),
        })),
      };
    });
  }
}
