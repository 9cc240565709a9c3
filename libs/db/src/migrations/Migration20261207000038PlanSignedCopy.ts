import { Migration } from '@mikro-orm/migrations';

/**
 * 分期还款协议 signed copy (issue 16 §1): the scan the office uploads after the debtor signed
 * the printed agreement, kept as a case attachment (bytes in storage, sha256 on the row), so
 * the plan shows 已签署 and who uploaded it when.
 */
export class Migration20261207000038PlanSignedCopy extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table repayment_plans
         add column signed_attachment_id uuid,
         add column signed_by text,
         add column signed_at timestamptz,
         add foreign key (tenant_id, signed_attachment_id) references attachments (tenant_id, id)
           deferrable initially deferred`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table repayment_plans drop column signed_attachment_id, drop column signed_by,
         drop column signed_at`,
    );
  }
}
