import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { CalendarService } from '@qingshou/calendar';
import { LocalDate } from '../domain/local-date';

/**
 * "Today" for a tenant: the injected clock read in the tenant's time zone (DESIGN §4).
 * Reads the tenants directory inside the caller's transaction; ledger may not import
 * tenancy (same level), so this is one line of SQL rather than the Tenant entity.
 */
@Injectable()
export class BusinessDate {
  constructor(private readonly calendar: CalendarService) {}

  async today(em: EntityManager, tenantId: string): Promise<LocalDate> {
    const rows = await em.execute<{ time_zone: string }[]>(
      `select time_zone from tenants where id = ?`,
      [tenantId],
    );
    return this.calendar.today(rows[0]?.time_zone);
  }

  now(): Date {
    return this.calendar.now();
  }
}
