import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { DisputeKind, DisputeParty, DisputePause } from '../domain/disputes';

/**
 * 异议 on one account of a case. While `status` is open the escalation does not count the
 * account's days (or the case's, pause 'case'); `decidedOn` is the day counting resumes.
 */
@Entity({ tableName: 'disputes' })
export class Dispute {
  @PrimaryKey({ type: 'uuid', fieldName: 'tenant_id' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid', fieldName: 'case_id' })
  caseId!: string;

  @Property({ type: 'uuid', fieldName: 'account_id' })
  accountId!: string;

  @Property({ type: 'text' })
  kind!: DisputeKind;

  @Property({ type: 'text', fieldName: 'raised_by_party' })
  raisedByParty!: DisputeParty;

  /** The pack's rule when raised: a later pack upgrade does not change an open dispute. */
  @Property({ type: 'text' })
  pause!: DisputePause;

  @Property({ type: 'text', fieldName: 'decided_by_role' })
  decidedByRole!: string;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Property({ type: 'uuid[]', fieldName: 'attachment_ids' })
  attachmentIds: string[] = [];

  @Property({ type: 'date', fieldName: 'raised_on' })
  raisedOn!: string;

  /** raisedOn + the pack's maxDays: the decision is due by then (shown, not enforced). */
  @Property({ type: 'date', fieldName: 'due_on', nullable: true })
  dueOn: string | null = null;

  @Property({ type: 'text' })
  status: 'open' | 'upheld' | 'rejected' = 'open';

  @Property({ type: 'date', fieldName: 'decided_on', nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'text', fieldName: 'decision_note', nullable: true })
  decisionNote: string | null = null;

  /** What the decider says should change (e.g. 核减罚息 320.00); the ledger is changed apart. */
  @Property({ type: 'text', fieldName: 'adjustment_hint', nullable: true })
  adjustmentHint: string | null = null;

  @Property({ type: 'text', fieldName: 'raised_by' })
  raisedBy!: string;

  @Property({ type: 'text', fieldName: 'decided_by', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'Date', fieldName: 'created_at' })
  createdAt!: Date;
}
