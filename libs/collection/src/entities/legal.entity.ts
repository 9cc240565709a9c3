import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { LegalStep } from '../domain/vocabulary';

/** The court matter opened by filing (立案); later steps hang off it. */
@Entity({ tableName: 'legal_matters' })
export class LegalMatter {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'text', nullable: true })
  court: string | null = null;

  @Property({ type: 'text', fieldName: 'court_case_number', nullable: true })
  courtCaseNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  lawyer: string | null = null;

  @Property({ type: 'text' })
  status: 'open' | 'closed' = 'open';

  @Property({ type: 'date', fieldName: 'filed_on' })
  filedOn!: string;

  @Property({ type: 'text', fieldName: 'created_by' })
  createdBy!: string;

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt!: Date;
}

@Entity({ tableName: 'legal_events' })
export class LegalEvent {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'legal_matter_id' })
  legalMatterId!: string;

  @Property({ type: 'text' })
  step!: LegalStep;

  @Property({ type: 'date', fieldName: 'occurred_on' })
  occurredOn!: string;

  /** Frozen (preservation), awarded (judgment) or recovered (enforcement). */
  @Property({ type: 'decimal', nullable: true })
  amount: string | null = null;

  @Property({ type: 'text', nullable: true })
  details: string | null = null;

  /** The step's document (起诉状, 判决书 …), stored like a contact's recording. */
  @Property({ type: 'uuid', fieldName: 'attachment_id', nullable: true })
  attachmentId: string | null = null;

  @Property({ type: 'text', fieldName: 'recorded_by' })
  recordedBy!: string;

  @Property({ type: 'Date', fieldName: 'recorded_at' })
  recordedAt!: Date;
}
