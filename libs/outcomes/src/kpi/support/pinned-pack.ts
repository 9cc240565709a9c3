import { EntityManager } from '@mikro-orm/postgresql';
import {
  CalendarService,
  DEFAULT_TIME_ZONE,
  isLocalDate,
  type LocalDate,
} from '@qingshou/calendar';
import { NotFoundError, ValidationFailedError } from '@qingshou/core';
import type { PackData } from '@qingshou/policy';

/** The tenant's pinned pack as targets, incentives and drives read it. */
export interface PinnedPack {
  readonly installationId: string;
  readonly packId: string;
  readonly version: string;
  readonly spec: PackData;
  readonly params: Readonly<Record<string, unknown>>;
}

/**
 * Everything here computes against the PINNED snapshot in pack_installations, never the
 * pack as it now is in policies/: a tenant's measures change only when it upgrades.
 */
export async function pinnedPack(em: EntityManager, tenantId: string): Promise<PinnedPack> {
  const rows = await em.execute<
    {
      id: string;
      pack_id: string;
      version: string;
      spec: PackData;
      params: Record<string, unknown>;
    }[]
  >(
    `select id, pack_id, version, resolved->'spec' as spec, resolved->'params' as params
     from pack_installations where tenant_id = ? and status = 'active'`,
    [tenantId],
  );
  const row = rows[0];
  if (!row) throw new NotFoundError('pack installation of tenant', tenantId);
  return {
    installationId: row.id,
    packId: row.pack_id,
    version: row.version,
    spec: row.spec,
    params: row.params ?? {},
  };
}

export async function tenantTimeZone(em: EntityManager, tenantId: string): Promise<string> {
  const rows = await em.execute<{ time_zone: string }[]>(
    `select time_zone from tenants where id = ?`,
    [tenantId],
  );
  return rows[0]?.time_zone ?? DEFAULT_TIME_ZONE;
}

/** A query's `asOf`, checked; absent, the tenant's business date today (injected clock). */
export async function resolveAsOf(
  em: EntityManager,
  calendar: CalendarService,
  tenantId: string,
  asOf: string | undefined,
  field = 'asOf',
): Promise<LocalDate> {
  if (asOf === undefined || asOf === '') {
    return calendar.today(await tenantTimeZone(em, tenantId));
  }
  return checkDate(asOf, field);
}

export function checkDate(value: string, field: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new ValidationFailedError(`${field} is not a date`, [
      { path: field, reason: 'must be a date written YYYY-MM-DD' },
    ]);
  }
  return value;
}
