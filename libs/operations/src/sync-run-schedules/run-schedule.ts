import { DEFAULT_RUN_AT } from '../domain/run-vocabulary';

/** The scheduler of a tenant's nightly run: one per tenant and kind, so an upsert replaces it. */
export const schedulerIdOf = (tenantId: string, kind = 'escalation') => `${kind}:${tenantId}`;

/** `HH:MM` local → a daily cron pattern (minute hour * * *), evaluated in the tenant's zone. */
export function dailyPattern(runAt: string = DEFAULT_RUN_AT): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(runAt);
  if (!match) throw new Error(`"${runAt}" is not a local time HH:MM`);
  return `${Number(match[2])} ${Number(match[1])} * * *`;
}
