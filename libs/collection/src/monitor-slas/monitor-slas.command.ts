import { CommandMeta, TenantCommand } from '@qingshou/core';

/**
 * Raises one alert per task that missed its SLA — not started (a matching contact logged)
 * or done by its `sla_due_at`, which CreateTask and the engine count in working hours and
 * days on the tenant's calendar. A system command (the worker, every 15 minutes): it takes
 * the instant to judge by and carries no roles.
 */
export class MonitorSlas extends TenantCommand {
  constructor(
    meta: CommandMeta,
    readonly now: Date,
  ) {
    super(meta);
  }
}

export interface MonitorSlasResult {
  /** Alerts raised by this pass; a breach already alerted counts 0. */
  readonly raised: number;
}

export { MonitorSlas as MonitorSlasCommand };
