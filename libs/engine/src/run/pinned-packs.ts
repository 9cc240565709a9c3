import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { BusinessCalendar, CalendarService } from '@qingshou/calendar';
import { ConflictError, NotFoundError } from '@qingshou/core';
import { ActivePacks } from '@qingshou/policy';
import { PackView } from '../domain/pack-view';

export class NoPackInstalledError extends ConflictError {
  constructor() {
    super('The tenant has no policy pack installed; install one before evaluating cases');
  }
}

/** How many tenants' pack views stay in memory (as many as ActivePacks keeps parsed). */
const VIEW_LIMIT = 64;

/**
 * The tenant's pinned pack as the engine asks it (PackView). The resolved pack comes from the
 * pack lib's ActivePacks cache; the view is built again only when the active digest changes.
 */
@Injectable()
export class PinnedPacks {
  private readonly views = new Map<string, { digest: string; view: PackView }>();

  constructor(
    private readonly calendars: CalendarService,
    private readonly installed: ActivePacks,
  ) {}

  async active(em: EntityManager, tenantId: string): Promise<PackView | null> {
    const active = await this.installed.active(em, tenantId);
    if (!active) return null;
    const cached = this.views.get(tenantId);
    if (cached?.digest === active.digest) return cached.view;
    const view = new PackView(active.pack);
    if (this.views.size >= VIEW_LIMIT) this.views.delete(this.views.keys().next().value as string);
    this.views.set(tenantId, { digest: active.digest, view });
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
