import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { isClosedStatus, type CaseStatus } from '@qingshou/collection';
import { assertCaseVisible, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { SelfServiceRules } from '@qingshou/self-service';
import { DebtorLinksView, DebtorLinkState, ListDebtorLinks } from './list-debtor-links.query';

interface Row {
  id: string;
  channel: string;
  issued_at: Date;
  expires_at: Date;
  verified_at: Date | null;
  revoked_at: Date | null;
  locked_until: Date | null;
  case_status: string;
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
        `select l.id, l.channel, l.issued_at, l.expires_at, l.verified_at, l.revoked_at,
                l.locked_until, c.status as case_status
           from debtor_links l join cases c on c.tenant_id = l.tenant_id and c.id = l.case_id
          where l.tenant_id = ? and l.case_id = ?
          order by l.issued_at desc limit 20`,
        [query.tenantId, query.caseId],
      );
      const now = this.clock.now().getTime();
      // A closed case's links open nothing (the gate refuses them, and closing revokes them):
      // 已失效, whatever else their row says.
      const stateOf = (r: Row): DebtorLinkState =>
        isClosedStatus(r.case_status as CaseStatus)
          ? 'closed'
          : r.revoked_at
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
