import { Migration } from '@mikro-orm/migrations';

/**
 * Revocable sessions (issue 14): each tenant sets how long a signed-in session may sit idle
 * and how long it may live at most, however often it is renewed. The sessions themselves
 * live in Redis (shared by every API instance, one lookup per request); only the tenant's
 * two limits are rows. Defaults: 30 minutes idle, 12 hours absolute.
 */
export class Migration20261207000019Sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table tenants
         add column session_idle_minutes integer not null default 30
           constraint tenants_session_idle_minutes_range check (session_idle_minutes between 1 and 1440),
         add column session_absolute_hours integer not null default 12
           constraint tenants_session_absolute_hours_range check (session_absolute_hours between 1 and 168)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table tenants drop column session_idle_minutes, drop column session_absolute_hours`,
    );
  }
}
