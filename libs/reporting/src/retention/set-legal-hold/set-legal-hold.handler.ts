import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { setLegalHold } from '@qingshou/collection';
import { NotFoundError, requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { LegalHoldView, SetLegalHold } from './set-legal-hold.command';

@CommandHandler(SetLegalHold)
export class SetLegalHoldHandler implements ICommandHandler<SetLegalHold, LegalHoldView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
  ) {}

  execute(command: SetLegalHold): Promise<LegalHoldView> {
    requirePermission(viewerOf(command), 'legal-hold.set');
    const reason = command.reason?.trim() || null;
    if (command.hold && !reason) {
      throw new ValidationFailedError('A legal hold needs a reason', [
        { path: 'reason', reason: 'is required when placing a hold' },
      ]);
    }
    return this.tx.run(command.tenantId, async (em) => {
      const now = this.clock.now();
      const [before] = await em.execute<
        { legal_hold: boolean; legal_hold_reason: string | null }[]
      >(
        `select legal_hold, legal_hold_reason from cases where tenant_id = ? and id = ? for update`,
        [command.tenantId, command.caseId],
      );
      if (!before) throw new NotFoundError('case', command.caseId);
      const view = {
        caseId: command.caseId,
        legalHold: command.hold,
        reason: command.hold ? reason : null,
      };
      if (before.legal_hold === view.legalHold && before.legal_hold_reason === view.reason)
        return view;
      // Collection owns `cases`: its writer sets the flag (and bumps the case's version).
      await setLegalHold(em, command.tenantId, [command.caseId], {
        held: view.legalHold,
        reason: view.reason,
        now,
      });
      await this.events.append(
        em,
        {
          tenantId: command.tenantId,
          actorId: command.actorId,
          correlationId: command.correlationId,
          occurredAt: now,
        },
        [
          {
            type: command.hold ? 'LegalHoldPlaced' : 'LegalHoldLifted',
            aggregateType: 'case',
            aggregateId: command.caseId,
            payload: { reason: view.reason },
            before: { legalHold: before.legal_hold, reason: before.legal_hold_reason },
            after: { legalHold: view.legalHold, reason: view.reason },
          },
        ],
      );
      return view;
    });
  }
}
