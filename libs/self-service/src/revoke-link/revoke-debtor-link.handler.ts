import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { assertCaseVisible, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { auditOnCase } from '../support/self-service-audit';
import { revokeDebtorLink } from '../writers/debtor-link-writers';
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
      const revoked = await revokeDebtorLink(em, command.tenantId, command.caseId, command.linkId, {
        actorId: command.actorId,
        at: now,
      });
      if (!revoked) throw new NotFoundError('link', command.linkId);
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
