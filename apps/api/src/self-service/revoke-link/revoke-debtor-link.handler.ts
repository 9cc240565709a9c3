import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { assertCaseVisible, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { auditOnCase } from '../support/self-service-audit';
import { RevokeDebtorLink } from './revoke-debtor-link.command';

@CommandHandler(RevokeDebtorLink)
export class RevokeDebtorLinkHandler implements ICommandHandler<RevokeDebtorLink, void> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  async execute(command: RevokeDebtorLink): Promise<void> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'case.work');
    await this.tx.run(command.tenantId, async (em) => {
      await assertCaseVisible(em, viewer, command.tenantId, command.caseId);
      const now = this.clock.now();
      const rows = await em.execute<{ id: string }[]>(
        `update debtor_links set revoked_at = ?, revoked_by = ?
          where tenant_id = ? and id = ? and case_id = ? and revoked_at is null
          returning id`,
        [now, command.actorId, command.tenantId, command.linkId, command.caseId],
      );
      if (rows.length === 0) throw new NotFoundError('link', command.linkId);
      await auditOnCase(
        em,
        this.events,
        { ...command, occurredAt: now },
        'DebtorLinkRevoked',
        command.caseId,
        {
          linkId: command.linkId,
        },
      );
    });
  }
}
