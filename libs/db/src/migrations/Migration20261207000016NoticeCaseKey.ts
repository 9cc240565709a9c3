import { Migration } from '@mikro-orm/migrations';

/**
 * notices.case_id had no foreign key (issue 12): a notice was stored with another tenant's
 * case id, and a collector's access to a notice is decided through its case, so a dangling
 * case id would decide access on a case that is not there. The key is (tenant_id, case_id) →
 * cases (tenant_id, id), deferred like every other case reference (a case and its first
 * notice may be written in one transaction).
 *
 * Rows whose case id names no case of their tenant lose the case id (set null) instead of
 * the row: a notice is a document that was sent, its text, debtor and dispatches stay; a
 * case-less notice is visible only to the roles that see every case. A fresh database has
 * none. Every other tenant table that names a case already has its key (checked against
 * information_schema when this was written: alerts, approvals, tasks, drive_items, …).
 */
export class Migration20261207000016NoticeCaseKey extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `update notices n set case_id = null
        where n.case_id is not null
          and not exists (select 1 from cases c where c.tenant_id = n.tenant_id and c.id = n.case_id)`,
    );
    this.addSql(
      `alter table notices add constraint notices_case_fk
         foreign key (tenant_id, case_id) references cases (tenant_id, id)
         deferrable initially deferred`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table notices drop constraint notices_case_fk`);
  }
}
