import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

export const ALERT_STATES = ['open', 'acknowledged'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** A task that missed its SLA: not started (or done) by its due instant. */
export const SLA_BREACH = 'task-sla-breach';

/**
 * An alert to a supervisor, one per (task, kind): raised in bulk by MonitorSlas (SQL),
 * acknowledged one at a time through this entity.
 */
@Entity({ tableName: 'alerts' })
export class Alert {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'uuid', fieldName: 'task_id' })
  taskId!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'text', fieldName: 'addressed_role' })
  addressedRole!: string;

  @Property({ type: 'uuid', fieldName: 'addressed_user_id', nullable: true })
  addressedUserId: string | null = null;

  @Property({ type: 'text' })
  state!: AlertState;

  @Property({ type: 'Date', fieldName: 'due_at' })
  dueAt!: Date;

  @Property({ type: 'Date', fieldName: 'detected_at' })
  detectedAt!: Date;

  @Property({ type: 'json' })
  details: Record<string, unknown> = {};

  @Property({ type: 'text', fieldName: 'acknowledged_by', nullable: true })
  acknowledgedBy: string | null = null;

  @Property({ type: 'Date', fieldName: 'acknowledged_at', nullable: true })
  acknowledgedAt: Date | null = null;

  @Property({ type: 'text', fieldName: 'acknowledge_note', nullable: true })
  acknowledgeNote: string | null = null;
}
