import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { ContactDecision, ContactPolicy } from '@qingshou/collection';
import { NotFoundError, requirePermission, viewerOf, visibleCasesSql } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { ContactWindow, GetContactWindows } from './get-contact-windows.query';

@QueryHandler(GetContactWindows)
export class GetContactWindowsHandler implements IQueryHandler<GetContactWindows, ContactWindow[]> {
  constructor(
    private readonly tx: TenantTx,
    private readonly clock: Clock,
    private readonly contacts: ContactPolicy,
  ) {}

  async execute(query: GetContactWindows): Promise<ContactWindow[]> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'case.read');
    const visible = visibleCasesSql(viewer);
    const at = query.at ?? this.clock.now();
    // The case and every asked window in one transaction, the windows in one read.
    const { row, decisions } = await this.tx.run(query.tenantId, async (em) => {
      const [found] = await em.execute<{ debtor_id: string }[]>(
        `select c.debtor_id from cases c where c.tenant_id = ? and c.id = ? and ${visible.sql}`,
        [query.tenantId, query.caseId, ...visible.params],
      );
      if (!found) return { row: null, decisions: [] };
      const asked = query.asked.map(({ channel, party }) => ({
        tenantId: query.tenantId,
        caseId: query.caseId,
        debtorId: found.debtor_id,
        actorId: query.actorId,
        channel,
        party,
        at,
      }));
      return { row: found, decisions: await this.contacts.checkAll(asked, em) };
    });
    if (!row) throw new NotFoundError('case', query.caseId);
    const windows: ContactWindow[] = query.asked.map(({ channel, party }, i) => {
      const decision = decisions[i] as ContactDecision;
      return decision.allowed
        ? {
            channel,
            party,
            allowed: true,
            rule: null,
            reason: null,
            params: {},
            nextAllowedAt: null,
          }
        : {
            channel,
            party,
            allowed: false,
            rule: decision.rule,
            reason: decision.reason,
            params: decision.params ?? {},
            nextAllowedAt: decision.nextAllowedAt?.toISOString() ?? null,
          };
    });
    return windows;
  }
}
