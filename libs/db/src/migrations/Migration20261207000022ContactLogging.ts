import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 §3: a contact as the trade logs it (催记).
 * - overdue_reason_code: the cause learned on this contact (篇六's six causes), so the
 *   逾期原因分析 report reads what each contact found, not only the case's latest cause;
 * - follow_up_on: the 下次跟进日期 the collector set (default from the result code);
 * - promise_id: the promise saved together with the contact, in the same transaction.
 */
export class Migration20261207000022ContactLogging extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table contact_attempts
         add column overdue_reason_code text
           constraint contact_attempts_reason_slug check (overdue_reason_code ~ '^[a-z][a-z0-9-]{0,47}$'),
         add column follow_up_on date,
         add column promise_id uuid`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table contact_attempts
         drop column overdue_reason_code, drop column follow_up_on, drop column promise_id`,
    );
  }
}
