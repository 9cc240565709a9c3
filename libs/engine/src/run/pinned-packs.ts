import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { BusinessCalendar, CalendarService } from '@qingshou/calendar';
import { ConflictError, NotFoundError } from '@qingshou/core';
import type { ResolvedPack } from '../../loader/resolved-pack';
import { PackView } from '../domain/pack-view';

export class NoPackInstalledError extends ConflictError {
  constructor() {
    super('The tenant has no policy pack installed; install one before evaluating cases');
  }
}

/** How many tenants' resolved packs stay parsed in memory. */
const CACHE_LIMIT = 64;

/**
 * The tenant's pinned pack: `pack_installations.resolved` of its active row, never the files
 * in policies/ (DESIGN §5). One small query per call checks which installation is active; the
 * resolved JSON is read and wrapped again only when that installation's digest changes.
 */
@Injectable()
export class PinnedPacks {
  private readonly cache = new Map<string, { digest: string; view: PackView }>();

  constructor(private readonly calendars: CalendarService) {}

  async active(em: EntityManager, tenantId: string): Promise<PackView | null> {
    const [row] = await em.execute<{ digest: string }[]>(
      `select digest from pack_installations where tenant_id = ? and status = 'active'`,
      [tenantId],
    );
    if (!row) return null;
    const cached = this.cache.get(tenantId);
    if (cached?.digest === row.digest) return cached.view;
    const [full] = await em.execute<{ resolved: ResolvedPack | string }[]>(
      `select resolved from pack_installations where tenant_id = ? and status = 'active'`,
      [tenantId],
    );
    const resolved = typeof full.resolved === 'string' ? JSON.parse(full.resolved) : full.resolved;
    const view = new PackView(resolved as ResolvedPack);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(tenantId, { digest: row.digest, view });
    return view;
  }

  async require(em: EntityManager, tenantId: string): Promise<PackView> {
    const view = await this.active(em, tenantId);
    if (!view) throw new NoPackInstalledError();
    return view;
  }

  /**
   * The tenant's working calendar: its time zone, the pack's working hours and its own
   * holidays and make-up days on top of the PRC calendar.
   */
  calendarOf(view: PackView, timeZone: string): BusinessCalendar {
    const c = view.pack.spec.calendar;
    return this.calendars.calendarFor({
      timeZone,
      workingHours: c?.workingHours,
      extraHolidays: c?.holidays,
      extraWorkingDays: c?.workingDays,
    });
  }
}

export async function tenantZone(em: EntityManager, tenantId: string): Promise<string> {
  const [row] = await em.execute<{ time_zone: string }[]>(
    `select time_zone from tenants where id = ?`,
    [tenantId],
  );
  if (!row) throw new NotFoundError('tenant', tenantId);
  return row.time_zone;
}
