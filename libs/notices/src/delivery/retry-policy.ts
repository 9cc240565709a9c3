import { DeliveryFailure } from './delivery-adapter';

/** Attempts per dispatch before a transient failure counts as final. */
export const MAX_DISPATCH_ATTEMPTS = 5;

/** First retry after 30 s, then 1, 2, 4 minutes: a greylisting server accepts by then. */
export const FIRST_BACKOFF_MS = 30_000;

/** A claim older than this with no result: its worker died mid-send. */
export const CLAIM_LEASE_MS = 10 * 60_000;

export interface FailureOutcome {
  readonly error: string;
  readonly retryable: boolean;
  readonly nextAttemptAt: Date | null;
}

/**
 * What a failed attempt leaves on the row. Errors an adapter did not classify (a browser
 * that would not start) count as transient: the attempt cap still ends them.
 */
export function failureOutcome(error: unknown, attempts: number, now: Date): FailureOutcome {
  const failure =
    error instanceof DeliveryFailure
      ? error
      : new DeliveryFailure((error as Error)?.message ?? String(error), true);
  const retryable = failure.transient && attempts < MAX_DISPATCH_ATTEMPTS;
  const gaveUp = failure.transient && !retryable;
  return {
    error: gaveUp ? `${failure.message} (gave up after ${attempts} attempts)` : failure.message,
    retryable,
    nextAttemptAt: retryable
      ? new Date(now.getTime() + FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1))
      : null,
  };
}
