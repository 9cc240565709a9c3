import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertMayChangeCases, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { caseDebtor } from '../contact-points/case-debtor';
import { UNREACHABLE_FLAG } from '../contact-points/contact-point-codes';
import { BusinessDate } from '../support/business-date';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { MarkDebtorUnreachable } from './mark-debtor-unreachable.command';

/**
 * Sets the platform flag `lost-contact` (失联) on the debtor in pack_flags, the same rows the
 * packs' flags use: the case page, the case pool's flag filter, the reports' flag column and
 * pack conditions (`flag: lost-contact`) read it without knowing where it came from. The
 * pack evaluators only set and clear the flags their pack declares, so they leave it alone.
 * Marking a debtor already marked changes nothing (one live row per flag and subject).
 */
@CommandHandler(MarkDebtorUnreachable)
export class MarkDebtorUnreachableHandler implements ICommandHandler<
  MarkDebtorUnreachable,
  { marked: boolean }
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(command: MarkDebtorUnreachable): Promise<{ marked: boolean }> {
    requirePermission(viewerOf(command), 'contact-point.manage');
    assertMayChangeCases(viewerOf(command));
    return this.tx.run(command.tenantId, (em) => this.mark(em, command));
  }

  private async mark(
    em: EntityManager,
    command: MarkDebtorUnreachable,
  ): Promise<{ marked: boolean }> {
    const { tenantId, caseId } = command;
    const { debtorId } = await caseDebtor(em, viewerOf(command), tenantId, caseId);
    const today = await this.dates.today(em, tenantId);
    const inserted = await em.execute(
      `insert into pack_flags (tenant_id, id, flag, subject, subject_id, case_id, set_on, set_by)
       values (?, ?, ?, 'debtor', ?, ?, ?, ?) on conflict do nothing returning id`,
      [tenantId, randomUUID(), UNREACHABLE_FLAG, debtorId, caseId, today, command.actorId],
    );
    if (inserted.length === 0) return { marked: false };
    await this.events.append(em, eventContext(command, this.dates.now()), [
      {
        type: LEDGER_EVENTS.debtorMarkedUnreachable,
        aggregateType: 'debtor',
        aggregateId: debtorId,
        payload: { caseId, flag: UNREACHABLE_FLAG, setOn: today },
      },
    ]);
    return { marked: true };
  }
}
