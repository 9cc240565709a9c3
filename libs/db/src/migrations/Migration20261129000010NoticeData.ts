import { Migration } from '@mikro-orm/migrations';

/**
 * What a notice prints about the office that sends it (issue 4/5: letterhead, 对账单 contact):
 * its postal address, a phone number and the person to contact. All optional — a template
 * prints them only when present; the notices lib reads them with the tenant's name.
 */
export class Migration20261129000010NoticeData extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table tenants
         add column address text check (length(address) between 1 and 200),
         add column phone text check (phone ~ '^[0-9+() -]{3,32}$'),
         add column contact_person text check (length(contact_person) between 1 and 50)`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table tenants drop column address, drop column phone, drop column contact_person`,
    );
  }
}
