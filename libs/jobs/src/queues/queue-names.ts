/** Every queue in one place (ghostfolio's pattern): producers and processors import these. */
export const QUEUES = {
  /** Platform housekeeping: heartbeat now; retention and schedules later. */
  system: 'system',
  /** Domain events relayed from the outbox after commit. */
  domainEvents: 'domain-events',
  /** Bulk file imports (accounts, payments, agency cases); one job per submitted file. */
  imports: 'imports',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
