import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 11 §4/§7: a task ends with an outcome, and a repeating task does not pile up.
 * - tasks.outcome_result: what completing it recorded (a visit result, 已合并 for a merged
 *   duplicate); tasks.outcome_ref: the record it links to ({ contactId } / { noticeId } /
 *   { approvalId } / { attachmentId } / { address }).
 * - tasks.missed_count: days a repeating task rolled forward undone (one open task per case
 *   and kind, the miss is counted instead of inserting another).
 * - drive_items.outcome: what a drive item was completed with (摸底 situation, 认定 result).
 */
export class Migration20261207000023TaskOutcomes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table tasks
         add column outcome_result text,
         add column outcome_ref jsonb,
         add column missed_count integer not null default 0
           constraint tasks_missed_count_positive check (missed_count >= 0)`,
    );
    this.addSql(`alter table drive_items add column outcome jsonb`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table drive_items drop column outcome`);
    this.addSql(
      `alter table tasks drop column outcome_result, drop column outcome_ref, drop column missed_count`,
    );
  }
}
