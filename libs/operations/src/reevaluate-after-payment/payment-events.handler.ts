import { Logger } from '@nestjs/common';
import { CommandBus, EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { systemMeta } from '@qingshou/core';
import { PublishedDomainEvent } from '@qingshou/jobs';
import { LEDGER_EVENTS } from '@qingshou/ledger';
import { ReevaluateAfterPayment } from './reevaluate-after-payment.command';

const PAYMENT_EVENTS: readonly string[] = [
  LEDGER_EVENTS.paymentRecorded,
  LEDGER_EVENTS.paymentReversed,
];

/** The worker's relayed PaymentRecorded / PaymentReversed → ReevaluateAfterPayment. */
@EventsHandler(PublishedDomainEvent)
export class PaymentEventsHandler implements IEventHandler<PublishedDomainEvent> {
  private readonly logger = new Logger('DailyRun');
  /** In-flight re-evaluations, so a test (or a shutdown) can wait for them. */
  readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly commands: CommandBus) {}

  async handle({ event }: PublishedDomainEvent): Promise<void> {
    if (!PAYMENT_EVENTS.includes(event.type)) return;
    const accountId = String(event.payload.accountId ?? event.aggregateId);
    const work = this.commands
      .execute(
        new ReevaluateAfterPayment(
          systemMeta({
            tenantId: event.tenantId,
            actorId: 'system:payments',
            correlationId: event.correlationId,
          }),
          event.eventId,
          accountId,
        ),
      )
      .catch((error: Error) => {
        this.logger.error(
          `re-evaluation after ${event.type} ${event.eventId} failed: ${error.message}`,
        );
        // Rethrown: the domain-events job fails and BullMQ retries the event.
        throw error;
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
    await work;
  }
}
