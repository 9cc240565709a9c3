import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertMayChangeCases, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { caseDebtor } from '../contact-points/case-debtor';
import { UNREACHABLE_FLAG } from '../contact-points/contact-point-codes';
import { BusinessDate } from '../support/business-date';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { MarkDebtorReachable } from './mark-debtor-reachable.command';

/**
 * Clears the debtor's live `lost-contact` flag (失联), the row MarkDebtorUnreachable set: the
 * row is kept with cleared_on/cleared_by, so the history shows when contact was regained and
 * the flag may be set again later. A debtor not marked changes nothing.
 */
@CommandHandler(MarkDebtorReachable)
export class MarkDebtorReachableHandler implements ICommandHandler<
  MarkDebtorReachable,
  { cleared: boolean }
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(command: MarkDebtorReachable): Promise<{ cleared: boolean }> {
    requirePermission(viewerOf(command), 'contact-point.manage');
    assertMayChangeCases(viewerOf(command));
    return this.tx.run(command.tenantId, (em) => this.clear(em, command));
  }

  private async clear(
    em: EntityManager,
    command: MarkDebtorReachable,
  ): Promise<{ cleared: boolean }> {
    const { tenantId, caseId } = command;
    const { debtorId } = await caseDebtor(em, viewerOf(command), tenantId, caseId);
    const today = await this.dates.today(em, tenantId);
    const cleared = await em.execute(
      `update pack_flags set cleared_on = ?, cleared_by = ?
       where tenant_id = ? and flag = ? and subject = 'debtor' and subject_id = ?
         and cleared_on is null
       returning id`,
      [today, command.actorId, tenantId, UNREACHABLE_FLAG, debtorId],
    );
    if (cleared.length === 0) return { cleared: false };
    await this.events.append(em, eventContext(command, this.dates.now()), [
      {
        type: LEDGER_EVENTS.debtorMarkedReachable,
        aggregateType: 'debtor',
        aggregateId: debtorId,
        payload: { caseId, flag: UNREACHABLE_FLAG, clearedOn: today },
      },
    ]);
    return { cleared: true };
  }
}
