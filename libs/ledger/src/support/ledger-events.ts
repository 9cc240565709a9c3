/**
 * Event types the ledger appends. Topic 'domain-events' is the outbox topic the relay in
 * libs/jobs publishes (QUEUES.domainEvents); ledger sits below jobs and may not import it.
 */
export const LEDGER_EVENTS = {
  debtorRegistered: 'DebtorRegistered',
  accountRegistered: 'AccountRegistered',
  paymentRecorded: 'PaymentRecorded',
  paymentReversed: 'PaymentReversed',
  relatedPartyAdded: 'RelatedPartyAdded',
  debtorGroupCreated: 'DebtorGroupCreated',
  groupMemberAdded: 'GroupMemberAdded',
  personalDataViewed: 'PersonalDataViewed',
  contactPointAdded: 'ContactPointAdded',
  contactPointStatusSet: 'ContactPointStatusSet',
  debtorMarkedUnreachable: 'DebtorMarkedUnreachable',
  debtorMarkedReachable: 'DebtorMarkedReachable',
} as const;

/** Published after commit: collection marks promises kept/broken and re-stages cases on these. */
export const DOMAIN_EVENTS_TOPIC = 'domain-events';

/** The event context of a command or query: who, under which correlation, when. */
export function eventContext(
  meta: { tenantId: string; actorId: string; correlationId: string },
  occurredAt: Date,
): { tenantId: string; actorId: string; correlationId: string; occurredAt: Date } {
  return {
    tenantId: meta.tenantId,
    actorId: meta.actorId,
    correlationId: meta.correlationId,
    occurredAt,
  };
}
