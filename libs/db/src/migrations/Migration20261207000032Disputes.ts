import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * 异议 (issue 16 §2): a collector or the debtor disputes one account of a case (amount wrong,
 * identity, already paid, not my debt) with documents. While open, the account's overdue
 * days do not count toward escalation (pause 'account'), or the whole case's (pause 'case');
 * the role the pack names decides, and counting resumes from the decision day (`decided_on`).
 * Documents are attachments, like a legal step's.
 */
export class Migration20261207000032Disputes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table disputes (
        tenant_id uuid not null,
        id uuid not null,
        case_id uuid not null,
        account_id uuid not null,
        kind text not null check (kind in ('amount-wrong', 'identity', 'already-paid', 'not-my-debt')),
        raised_by_party text not null check (raised_by_party in ('collector', 'debtor')),
        pause text not null check (pause in ('account', 'case')),
        decided_by_role text not null,
        note text,
        attachment_ids uuid[] not null default '{}',
        raised_on date not null,
        due_on date,
        status text not null default 'open' check (status in ('open', 'upheld', 'rejected')),
        decided_on date,
        decision_note text,
        adjustment_hint text,
        raised_by text not null,
        decided_by text,
        created_at timestamptz not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, case_id) references cases (tenant_id, id),
        check ((status = 'open') = (decided_on is null))
      )`);
    // One open dispute per account: a second one is a note on the first.
    this.addSql(
      `create unique index disputes_one_open on disputes (tenant_id, account_id) where status = 'open'`,
    );
    this.addSql(`create index disputes_case on disputes (tenant_id, case_id)`);
    for (const sql of tenantRlsSql('disputes')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table disputes`);
  }
}
