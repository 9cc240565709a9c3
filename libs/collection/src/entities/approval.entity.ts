import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ApprovalStatus } from '../domain/vocabulary';

@Entity({ tableName: 'approvals' })
export class Approval {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  /** A platform kind (APPROVAL_KINDS) or one the tenant's pack declares. */
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text', fieldName: 'approver_role' })
  approverRole!: string;

  @Property({ type: 'text' })
  status!: ApprovalStatus;

  @Property({ type: 'json' })
  payload: Record<string, unknown> = {};

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'text', fieldName: 'requested_by' })
  requestedBy!: string;

  @Property({ type: 'Date', fieldName: 'requested_at' })
  requestedAt!: Date;
}
