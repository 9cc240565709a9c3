import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { assertMayChangeCases, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { caseDebtor } from '../contact-points/case-debtor';
import { ContactPointKind, statusesOf } from '../contact-points/contact-point-codes';
import { InputCheck, isUuid } from '../support/input-check';
import { BusinessDate } from '../support/business-date';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { SetContactPointStatus } from './set-contact-point-status.command';

/**
 * Marks a phone or address of the case's debtor (or its related parties). A number marked
 * 空号 stays on the panel, struck through, so nobody adds it again as new.
 */
@CommandHandler(SetContactPointStatus)
export class SetContactPointStatusHandler implements ICommandHandler<SetContactPointStatus, void> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
  ) {}

  execute(command: SetContactPointStatus): Promise<void> {
    requirePermission(viewerOf(command), 'contact-point.manage');
    assertMayChangeCases(viewerOf(command));
    return this.tx.run(command.tenantId, (em) => this.set(em, command));
  }

  private async set(em: EntityManager, command: SetContactPointStatus): Promise<void> {
    const { tenantId, contactPointId, status } = command;
    const { debtorId } = await caseDebtor(em, viewerOf(command), tenantId, command.caseId);
    const [point] = isUuid(contactPointId)
      ? await em.execute<{ kind: ContactPointKind; status: string }[]>(
          `select kind, status from debtor_contact_points
           where tenant_id = ? and id = ? and debtor_id = ? for update`,
          [tenantId, contactPointId, debtorId],
        )
      : [];
    if (!point) throw new NotFoundError('Contact point', contactPointId);
    const check = new InputCheck();
    if (!statusesOf(point.kind).includes(status)) check.add('status', 'is not known');
    check.done('The status');
    if (point.status === status) return;
    const now = this.dates.now();
    await em.execute(
      `update debtor_contact_points set status = ?, updated_at = ?, updated_by = ?
       where tenant_id = ? and id = ?`,
      [status, now, command.actorId, tenantId, contactPointId],
    );
    const before = { contactPointId, status: point.status };
    const after = { contactPointId, status };
    await this.events.append(em, eventContext(command, now), [
      {
        type: LEDGER_EVENTS.contactPointStatusSet,
        aggregateType: 'debtor',
        aggregateId: debtorId,
        payload: { ...after, caseId: command.caseId, kind: point.kind },
        before,
        after,
      },
    ]);
  }
}
