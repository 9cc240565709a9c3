/** Every queue in one place (ghostfolio's pattern): producers and processors import these. */
export const QUEUES = {
  /** Platform housekeeping: heartbeat now; retention and schedules later. */
  system: 'system',
  /** Domain events relayed from the outbox after commit. */
  domainEvents: 'domain-events',
  /** Bulk file imports (accounts, payments, agency cases); one job per submitted file. */
  imports: 'imports',
  /** Notice delivery: one DispatchNotices pass per tenant (letters, sms, e-mail). */
  notices: 'notices',
  /** SLA monitor: a repeatable fan-out every 15 minutes, then one pass per tenant. */
  slaMonitor: 'sla-monitor',
  /** The daily run: per-tenant schedulers fire `scheduled`; `run` jobs carry the run id as job id. */
  runs: 'runs',
  /**
   * The run's case chunks, fanned out: the evaluate-cases step plans the chunks (run_chunks)
   * and waits; any worker process takes `chunk` jobs (job id `<run>-<step>-<seq>`).
   */
  runChunks: 'run-chunks',
  /** 篇八: the daily recordings archive, a fan-out then one `tenant` job per active tenant. */
  recordings: 'recordings',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
