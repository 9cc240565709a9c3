import { Migration } from '@mikro-orm/migrations';

/**
 * 退案日期 (issue 11 §6): the day an agency's client takes a case back, as the client's batch
 * file gives it per case (篇八 委案明细). Before this it was parsed and dropped; the supervisor
 * assigns and works a batch against it. Null: the batch gave none (the page then counts the
 * pack's `assignment.returnAfterDays` from 委案日期).
 */
export class Migration20261207000026Assignment extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table cases add column client_return_on date`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table cases drop column client_return_on`);
  }
}
