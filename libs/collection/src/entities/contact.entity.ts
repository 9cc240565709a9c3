import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ContactChannel, ContactParty } from '../domain/vocabulary';

/** Bytes live behind FileStorage; the row keeps what proves them: size and SHA-256. */
@Entity({ tableName: 'attachments' })
export class Attachment {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'text', fieldName: 'storage_key' })
  storageKey!: string;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'bigint', fieldName: 'size_bytes' })
  sizeBytes!: number;

  @Property({ type: 'text', fieldName: 'content_type' })
  contentType!: string;

  @Property({ type: 'text', fieldName: 'original_name' })
  originalName!: string;

  @Property({ type: 'text', fieldName: 'uploaded_by' })
  uploadedBy!: string;

  @Property({ type: 'Date', fieldName: 'uploaded_at' })
  uploadedAt!: Date;
}

@Entity({ tableName: 'contact_attempts' })
export class ContactAttempt {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'text' })
  channel!: ContactChannel;

  @Property({ type: 'text' })
  party!: ContactParty;

  @Property({ type: 'uuid', fieldName: 'related_party_id', nullable: true })
  relatedPartyId: string | null = null;

  @Property({ type: 'text', fieldName: 'outcome_code' })
  outcomeCode!: string;

  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Property({ type: 'Date', fieldName: 'attempted_at' })
  attemptedAt!: Date;

  @Property({ type: 'text', fieldName: 'recorded_by' })
  recordedBy!: string;

  @Property({ type: 'Date', fieldName: 'recorded_at' })
  recordedAt!: Date;

  @Property({ type: 'uuid', fieldName: 'attachment_id', nullable: true })
  attachmentId: string | null = null;

  /** The overdue cause learned on this contact (篇六). */
  @Property({ type: 'text', fieldName: 'overdue_reason_code', nullable: true })
  overdueReasonCode: string | null = null;

  /** 下次跟进日期, a local date in the tenant's zone. */
  @Property({ type: 'date', fieldName: 'follow_up_on', nullable: true })
  followUpOn: string | null = null;

  /** The promise saved with this contact. */
  @Property({ type: 'uuid', fieldName: 'promise_id', nullable: true })
  promiseId: string | null = null;
}
