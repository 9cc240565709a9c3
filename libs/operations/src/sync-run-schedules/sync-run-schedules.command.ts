/**
 * Registers (or replaces) the nightly run's job scheduler of every active tenant — or of
 * one — at its local `daily_run_at` in its time zone, and removes a suspended tenant's.
 * The worker sends it at boot and every few minutes, so a tenant created since is picked
 * up; upserting an unchanged scheduler changes nothing. A platform command: no tenant.
 */
export class SyncRunSchedules {
  constructor(
    readonly correlationId: string,
    readonly tenantId?: string,
  ) {}
}

export interface SyncedSchedules {
  readonly registered: { tenantId: string; pattern: string; tz: string }[];
  readonly removed: string[];
}
