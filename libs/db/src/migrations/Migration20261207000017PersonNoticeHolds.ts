import { Migration } from '@mikro-orm/migrations';

/**
 * A person's letter goes through the engine's path (issue 12): a template the pack puts
 * behind an approval is held in engine_notice_holds like the pack's own, so
 *
 * - `source` also takes `person` (a letter a user asked for; `source_id` is the case's stage
 *   at the time, which the letter prints as case.stage);
 * - `input` keeps the fields the person typed (the template's declared user input), which
 *   the letter prints once the approval is granted and it is rendered. Null for the pack's
 *   own notices, which have none.
 */
export class Migration20261207000017PersonNoticeHolds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table engine_notice_holds drop constraint engine_notice_holds_source_check`);
    this.addSql(
      `alter table engine_notice_holds add constraint engine_notice_holds_source_check
         check (source in ('stage', 'rule', 'reminder', 'routine', 'person'))`,
    );
    this.addSql(
      `alter table engine_notice_holds add column input jsonb
         check (input is null or jsonb_typeof(input) = 'object')`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table engine_notice_holds drop column input`);
    this.addSql(`delete from engine_notice_holds where source = 'person'`);
    this.addSql(`alter table engine_notice_holds drop constraint engine_notice_holds_source_check`);
    this.addSql(
      `alter table engine_notice_holds add constraint engine_notice_holds_source_check
         check (source in ('stage', 'rule', 'reminder', 'routine'))`,
    );
  }
}
