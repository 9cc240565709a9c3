import { Injectable, Logger } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { ConsumedEvents, PublishedDomainEvent } from '@qingshou/jobs';
import { NoticeIssuer } from '../run/notice-issuer';
import { RuleRunner, RulesFired } from './rule-runner';

/** The consumer name in consumed_events: one record per event, whatever the redeliveries. */
export const RULES_CONSUMER = 'policy-rules';

/**
 * Pack `rules` on committed domain events (worker: outbox → BullMQ domain-events →
 * EventBus). The rules' work and the consumed record commit together, so a redelivered
 * event creates nothing; the notices they order are issued after that commit.
 */
@Injectable()
@EventsHandler(PublishedDomainEvent)
export class PackRulesConsumer implements IEventHandler<PublishedDomainEvent> {
  private readonly logger = new Logger('PackRules');

  constructor(
    private readonly consumed: ConsumedEvents,
    private readonly rules: RuleRunner,
    private readonly notices: NoticeIssuer,
  ) {}

  async handle({ event }: PublishedDomainEvent): Promise<RulesFired | null> {
    let fired: RulesFired | null = null;
    try {
      await this.consumed.once(event.tenantId, RULES_CONSUMER, event.eventId, async (em) => {
        fired = await this.rules.run(em, event);
      });
      const done = fired as RulesFired | null;
      if (done && done.notices.length > 0) {
        const meta = {
          tenantId: event.tenantId,
          actorId: 'engine:rules',
          correlationId: event.correlationId,
        };
        await this.notices.issueAll(meta, done.view, done.notices);
      }
      return done;
    } catch (error) {
      this.logger.error(`rules on ${event.type} ${event.eventId}: ${(error as Error).message}`);
      throw error;
    }
  }
}
