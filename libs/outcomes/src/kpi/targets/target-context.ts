import { EntityManager } from '@mikro-orm/postgresql';
import { CalendarService, type LocalDate } from '@qingshou/calendar';
import type { MetricContext } from '../metrics/metric-calculator';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../support/pinned-pack';

/** What judging targets starts from: the pinned pack, the tenant's zone and the as-of date. */
export interface TargetContext {
  readonly ctx: MetricContext;
  readonly asOf: LocalDate;
}

/** One set-up for GetTargets and GetAssessment (the pack pinned, never the one on disk). */
export async function targetContext(
  em: EntityManager,
  calendar: CalendarService,
  tenantId: string,
  asOf: string | undefined,
): Promise<TargetContext> {
  const pack = await pinnedPack(em, tenantId);
  const timeZone = await tenantTimeZone(em, tenantId);
  const date = await resolveAsOf(em, calendar, tenantId, asOf);
  return { ctx: { tenantId, timeZone, pack }, asOf: date };
}
