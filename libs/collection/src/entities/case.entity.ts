import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CaseScope, CaseStatus } from '../domain/vocabulary';

/**
 * A collection case: one debtor (or one account) being chased. `version` is the optimistic
 * lock: two commands that read the same version cannot both write.
 */
@Entity({ tableName: 'cases' })
export class Case {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'debtor_id' })
  debtorId!: string;

  @Property({ type: 'text' })
  scope!: CaseScope;

  @Property({ type: 'uuid', fieldName: 'account_id', nullable: true })
  accountId: string | null = null;

  @Property({ type: 'text' })
  status!: CaseStatus;

  @Property({ type: 'text', nullable: true })
  stage: string | null = null;

  @Property({ type: 'text', fieldName: 'pack_version', nullable: true })
  packVersion: string | null = null;

  @Property({ type: 'uuid', fieldName: 'assignee_id', nullable: true })
  assigneeId: string | null = null;

  @Property({ type: 'uuid', fieldName: 'team_id', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'integer' })
  priority = 0;

  @Property({ type: 'text', fieldName: 'overdue_reason_code', nullable: true })
  overdueReasonCode: string | null = null;

  @Property({ type: 'date', fieldName: 'opened_on' })
  openedOn!: string;

  @Property({ type: 'date', fieldName: 'closed_on', nullable: true })
  closedOn: string | null = null;

  @Property({ type: 'text', fieldName: 'close_reason', nullable: true })
  closeReason: string | null = null;

  @Property({ type: 'date', fieldName: 'paused_until', nullable: true })
  pausedUntil: string | null = null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: 'Date', fieldName: 'updated_at' })
  updatedAt!: Date;

  /** The fields an audit record shows before and after a change. */
  snapshot(): Record<string, unknown> {
    return {
      status: this.status,
      assigneeId: this.assigneeId,
      teamId: this.teamId,
      priority: this.priority,
      stage: this.stage,
      overdueReasonCode: this.overdueReasonCode,
      pausedUntil: this.pausedUntil,
      closedOn: this.closedOn,
    };
  }
}

@Entity({ tableName: 'case_accounts' })
export class CaseAccount {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @PrimaryKey({ type: 'uuid', fieldName: 'account_id' })
  accountId!: string;
}

/** One entry in the case's assignment history; the open one (endedAt null) is current. */
@Entity({ tableName: 'case_assignments' })
export class CaseAssignment {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'uuid', fieldName: 'from_user_id', nullable: true })
  fromUserId: string | null = null;

  @Property({ type: 'uuid', fieldName: 'to_user_id' })
  toUserId!: string;

  @Property({ type: 'uuid', fieldName: 'team_id', nullable: true })
  teamId: string | null = null;

  @Property({ type: 'text', fieldName: 'handover_note', nullable: true })
  handoverNote: string | null = null;

  @Property({ type: 'text', fieldName: 'assigned_by' })
  assignedBy!: string;

  @Property({ type: 'Date', fieldName: 'assigned_at' })
  assignedAt!: Date;

  @Property({ type: 'Date', fieldName: 'ended_at', nullable: true })
  endedAt: Date | null = null;
}
