import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates, isLocalDate, localDateOf } from '@qingshou/calendar';
import { DomainError, NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { randomUUID } from 'node:crypto';
import { applyDelivery, deadlineFor, DELIVERY_STATUSES } from '../domain/delivery';
import { assertNoticeVisible } from '../support/notice-access';
import { InputProblems, isUuid, NoticeContext } from '../support/notice-context';
import { DOMAIN_EVENTS_TOPIC, NOTICE_AGGREGATE, NOTICE_EVENTS } from '../support/notice-events';
import { findNotice, NoticeView, saveDelivery } from '../support/notice-rows';
import { RecordDelivery, RecordedDelivery } from './record-delivery.command';

const snapshot = (n: NoticeView) => ({
  status: n.status,
  sentOn: n.sentOn,
  outcomeOn: n.outcomeOn,
  deadline: n.deadline,
  deadlineCountFrom: n.deadlineCountFrom,
  deadlineExplanation: n.deadlineExplanation,
});

/**
 * Records how a notice was delivered and recounts its deadline with the calendar (the start
 * day is not counted; a period ending on a holiday ends on the next working day). The row,
 * its history and the audit event change in one transaction; the notice row is locked so
 * two reports for one letter apply one after the other.
 */
@CommandHandler(RecordDelivery)
export class RecordDeliveryHandler implements ICommandHandler<RecordDelivery, RecordedDelivery> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly context: NoticeContext,
  ) {}

  execute(command: RecordDelivery): Promise<RecordedDelivery> {
    requirePermission(viewerOf(command), 'notice.record-delivery');
    const problems = new InputProblems();
    if (!DELIVERY_STATUSES.includes(command.status)) {
      problems.add('status', `must be one of ${DELIVERY_STATUSES.join(', ')}`);
    }
    if (!isLocalDate(command.on)) problems.add('on', 'must be a date written YYYY-MM-DD');
    problems.done('The delivery report');
    if (!isUuid(command.noticeId)) throw new NotFoundError('Notice', command.noticeId);
    return this.tx.run(command.tenantId, (em) => this.record(em, command));
  }

  private async record(em: EntityManager, command: RecordDelivery): Promise<RecordedDelivery> {
    const { tenantId } = command;
    await assertNoticeVisible(em, viewerOf(command), tenantId, command.noticeId);
    const notice = await findNotice(em, tenantId, { id: command.noticeId }, true);
    if (!notice) throw new NotFoundError('Notice', command.noticeId);
    const { today, timeZone } = await this.context.tenant(em, tenantId);
    const createdOn = localDateOf(new Date(notice.createdAt), timeZone);
    if (compareLocalDates(command.on, createdOn) < 0) {
      // A letter cannot be sent, signed for or refused before it existed: a typo'd date
      // would start the deadline before the notice did.
      const reason = `is before the notice was created (${createdOn})`;
      throw new DomainError('delivery-before-notice', `on ${reason}`, 422, [
        { path: 'on', reason },
      ]);
    }
    if (compareLocalDates(command.on, today) > 0) {
      const problems = new InputProblems();
      problems.add('on', `is after today (${today}); record a delivery once it has happened`);
      problems.done('The delivery report');
    }
    const { next, repeat } = applyDelivery(notice, { status: command.status, on: command.on });
    if (repeat) return { notice, changed: false };

    const deadline = deadlineFor(notice.deliveryRule, next);
    const now = this.context.now();
    await saveDelivery(em, tenantId, notice.id, {
      ...deadline,
      status: command.status,
      on: command.on,
      sentOn: next.sentOn,
      outcomeOn: next.outcomeOn,
      recordedBy: command.actorId,
      at: now,
      eventId: randomUUID(),
    });
    const updated = (await findNotice(em, tenantId, { id: notice.id })) as NoticeView;
    await this.events.append(em, { ...command, occurredAt: now }, [
      {
        type: NOTICE_EVENTS.deliveryRecorded,
        aggregateType: NOTICE_AGGREGATE,
        aggregateId: notice.id,
        payload: {
          noticeId: notice.id,
          caseId: notice.caseId,
          debtorId: notice.debtorId,
          status: command.status,
          on: command.on,
          deadline: deadline.deadline,
          deadlineExplanation: deadline.explanation,
        },
        before: snapshot(notice),
        after: snapshot(updated),
        publish: [DOMAIN_EVENTS_TOPIC],
      },
    ]);
    return { notice: updated, changed: true };
  }
}
