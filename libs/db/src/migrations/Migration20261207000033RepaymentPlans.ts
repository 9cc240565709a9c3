import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

const DEFERRED = 'deferrable initially deferred';

/**
 * 还款计划 (issue 16 §1): a plan is an overlay on the ledger — the contract's schedule and the
 * payments stay untouched; the plan's instalments (seq 0 = the down payment) are matched, in
 * order, by the receipts the ledger records from the plan's start. `waiver` is the part of
 * the penalty the pack let the office waive on condition the plan is kept; a broken plan may
 * withdraw it (`waiver_withdrawn`). `pause_id` is the ladder's pause while the plan is kept.
 */
export class Migration20261207000033RepaymentPlans extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table repayment_plans (tenant_id uuid not null references tenants (id),
         id uuid not null,
         case_id uuid not null,
         status text not null check (status in ('proposed', 'active', 'kept', 'broken', 'cancelled')),
         arrears numeric(18,2) not null check (arrears >= 0),
         penalty numeric(18,2) not null check (penalty >= 0),
         waiver numeric(18,2) not null check (waiver >= 0 and waiver <= penalty),
         total numeric(18,2) not null check (total > 0 and total = arrears + penalty - waiver),
         down_payment numeric(18,2) not null check (down_payment >= 0 and down_payment <= total),
         instalment_count integer not null check (instalment_count between 1 and 360),
         start_on date not null,
         grace_days integer not null check (grace_days >= 0),
         approval_id uuid,
         pause_id uuid,
         proposed_by text not null,
         proposed_at timestamptz not null,
         agreed_by text,
         agreed_on date,
         kept_on date,
         broken_on date,
         waiver_withdrawn boolean not null default false,
         evaluated_as_of date,
         notes text,
         primary key (tenant_id, id),
         foreign key (tenant_id, case_id) references cases (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, approval_id) references approvals (tenant_id, id) ${DEFERRED},
         foreign key (tenant_id, pause_id) references pauses (tenant_id, id) ${DEFERRED})`,
      ...tenantRlsSql('repayment_plans'),
      // One live plan per case: a new one only after the last was kept, broken or cancelled.
      `create unique index repayment_plans_live on repayment_plans (tenant_id, case_id)
         where status in ('proposed', 'active')`,
      `create index repayment_plans_active on repayment_plans (tenant_id, status)
         where status = 'active'`,
      `create table plan_instalments (tenant_id uuid not null references tenants (id),
         plan_id uuid not null,
         seq integer not null check (seq >= 0),
         due_on date not null,
         amount numeric(18,2) not null check (amount > 0),
         paid numeric(18,2) not null default 0 check (paid >= 0 and paid <= amount),
         status text not null default 'pending' check (status in ('pending', 'kept', 'missed')),
         kept_on date,
         primary key (tenant_id, plan_id, seq),
         foreign key (tenant_id, plan_id) references repayment_plans (tenant_id, id) ${DEFERRED})`,
      ...tenantRlsSql('plan_instalments'),
    ];
    for (const statement of sql) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table plan_instalments`);
    this.addSql(`drop table repayment_plans`);
  }
}
