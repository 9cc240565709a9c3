import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { TaskKind, TaskStatus } from '../domain/vocabulary';

@Entity({ tableName: 'tasks' })
export class Task {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Null for work of no case: a routine, a client batch received. */
  @Property({ type: 'uuid', fieldName: 'case_id', nullable: true })
  caseId: string | null = null;

  @Property({ type: 'text' })
  kind!: TaskKind;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'Date', fieldName: 'due_at' })
  dueAt!: Date;

  @Property({ type: 'Date', fieldName: 'sla_due_at', nullable: true })
  slaDueAt: Date | null = null;

  @Property({ type: 'text' })
  status!: TaskStatus;

  @Property({ type: 'uuid', fieldName: 'assignee_id', nullable: true })
  assigneeId: string | null = null;

  /** The platform role that must do it; unassigned, it waits on that role's worklist. */
  @Property({ type: 'text', nullable: true })
  role: string | null = null;

  @Property({ type: 'integer' })
  priority = 0;

  @Property({ type: 'text', fieldName: 'idempotency_key' })
  idempotencyKey!: string;

  @Property({ type: 'text', fieldName: 'outcome_note', nullable: true })
  outcomeNote: string | null = null;

  /** What completing it recorded: a visit result, `merged` for a duplicate closed as 已合并. */
  @Property({ type: 'text', fieldName: 'outcome_result', nullable: true })
  outcomeResult: string | null = null;

  /** The record the outcome links to: { contactId } / { noticeId } / { approvalId } / … */
  @Property({ type: 'json', fieldName: 'outcome_ref', nullable: true })
  outcomeRef: Record<string, string> | null = null;

  /** Periods a repeating task rolled forward undone (it is reused, not inserted again). */
  @Property({ type: 'integer', fieldName: 'missed_count' })
  missedCount = 0;

  @Property({ type: 'text', fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: 'Date', fieldName: 'completed_at', nullable: true })
  completedAt: Date | null = null;
}
