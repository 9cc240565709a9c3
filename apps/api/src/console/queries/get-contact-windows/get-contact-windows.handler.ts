import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { ContactPolicy } from '@qingshou/collection';
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
    const [row] = await this.tx.run(query.tenantId, (em) =>
      em.execute<{ debtor_id: string }[]>(
        `select c.debtor_id from cases c where c.tenant_id = ? and c.id = ? and ${visible.sql}`,
        [query.tenantId, query.caseId, ...visible.params],
      ),
    );
    if (!row) throw new NotFoundError('case', query.caseId);
    const at = query.at ?? this.clock.now();
    const windows: ContactWindow[] = [];
    for (const { channel, party } of query.asked) {
      const decision = await this.contacts.check({
        tenantId: query.tenantId,
        caseId: query.caseId,
        debtorId: row.debtor_id,
        actorId: query.actorId,
        channel,
        party,
        at,
      });
      windows.push(
        decision.allowed
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
            },
      );
    }
    return windows;
  }
}
