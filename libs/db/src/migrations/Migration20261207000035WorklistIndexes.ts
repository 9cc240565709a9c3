import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 15 §1, the pages people wait on at a million accounts:
 * - `tasks_worklist_order`: a collector's open tasks in the worklist's own order
 *   (-priority, due_at, id), carrying case_id, so a page walks 50 index entries instead of
 *   sorting the collector's thousands, and its total is an index-only count;
 * - `cases_assignee_id`: the cases a person carries, open or closed, as one index-only read
 *   (the worklist's visibility check of each task's case, the pool's "my cases").
 */
export class Migration20261207000035WorklistIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index tasks_worklist_order on tasks (tenant_id, assignee_id, (-priority), due_at, id)
         include (case_id) where status = 'open'`,
    );
    this.addSql(`create index cases_assignee_id on cases (tenant_id, assignee_id, id)`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists cases_assignee_id`);
    this.addSql(`drop index if exists tasks_worklist_order`);
  }
}
