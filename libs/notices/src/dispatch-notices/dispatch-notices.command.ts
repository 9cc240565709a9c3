import type { LocalDate } from '@qingshou/calendar';
import { ActorCommand, ActorMeta } from '@qingshou/core';

export interface DispatchProgress {
  readonly planned: number;
  /** Planned without a recipient (no phone, e-mail or address): failed at once, not sent. */
  readonly unaddressed: number;
  readonly sent: number;
  readonly failed: number;
  readonly retrying: number;
}

export interface DispatchNoticesOptions {
  /** Messages per batch (one SMTP connection, one browser per batch); default 50. */
  readonly batchSize?: number;
  readonly onProgress?: (progress: DispatchProgress) => unknown;
}

/**
 * Delivers a tenant's draft notices through the configured channel adapters: plans one
 * dispatch per notice, claims and sends them in batches, retries transient failures with
 * backoff. `asOf` (the tenant's business date) limits it to notices issued up to that day,
 * as the nightly run does; without it every pending notice goes. Safe to run twice or in
 * two workers at once: a dispatch is claimed before it is sent and never sent twice.
 */
export class DispatchNotices extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly asOf?: LocalDate | null,
    readonly options: DispatchNoticesOptions = {},
  ) {
    super(meta);
  }
}

export interface DispatchSummary extends DispatchProgress {
  /** Claims a dead worker left: found sent, put back, or left for an operator. */
  readonly recovered: number;
  /** Interrupted sends whose outcome no one can tell; not resent, see their dispatch rows. */
  readonly unknown: number;
}

export { DispatchNotices as DispatchNoticesCommand };
