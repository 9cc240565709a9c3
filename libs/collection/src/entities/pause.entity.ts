import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { CaseStatus, PauseReason } from '../domain/vocabulary';

/** A pause (dispute, hardship, legal hold); `statusBefore` is what resuming restores. */
@Entity({ tableName: 'pauses' })
export class CasePause {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'text' })
  reason!: PauseReason;

  @Property({ type: 'date', fieldName: 'from_on' })
  fromOn!: string;

  @Property({ type: 'date', fieldName: 'until_on' })
  untilOn!: string;

  @Property({ type: 'date', fieldName: 'ended_on', nullable: true })
  endedOn: string | null = null;

  @Property({ type: 'text', fieldName: 'status_before' })
  statusBefore!: CaseStatus;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'text', fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt!: Date;
}
