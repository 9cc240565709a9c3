import { ValidationFailedError } from '@qingshou/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What completing a task records, by the task's platform kind (tasks.kind is the pack
 * kind's base): a call is done when the contact it made is linked, a visit with its result,
 * address and notes, a letter with the notice issued, a review with its approval request,
 * anything else with a note of what was done. Without it, CompleteTask refuses.
 */
export const DELIVERABLES = ['contact', 'visit', 'notice', 'approval', 'document', 'note'] as const;
export type Deliverable = (typeof DELIVERABLES)[number];

const BY_KIND: Readonly<Record<string, Deliverable>> = {
  call: 'contact',
  'contact-guarantor': 'contact',
  visit: 'visit',
  letter: 'notice',
  review: 'note',
  other: 'note',
};

/** A task of no case (a routine's) has nothing on a case to link: a note says what was done. */
export function deliverableOf(kind: string, caseId: string | null): Deliverable {
  const wanted = BY_KIND[kind] ?? 'note';
  return caseId === null && wanted !== 'note' && wanted !== 'document' ? 'note' : wanted;
}

/** 外访结果: what the field collector found at the address. */
export const VISIT_RESULTS = [
  'met-debtor',
  'met-family',
  'not-at-home',
  'moved',
  'address-invalid',
  'refused',
] as const;

/** What the person filled in when completing a task (all optional; the kind decides). */
export interface TaskOutcomeInput {
  readonly result?: string;
  readonly contactId?: string;
  readonly noticeId?: string;
  readonly approvalId?: string;
  readonly attachmentId?: string;
  readonly address?: string;
}

export interface RecordedOutcome {
  readonly deliverable: Deliverable;
  readonly result: string | null;
  readonly ref: Record<string, string> | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Problems name the form's field; the console words each by its path. */
function refuse(path: string, reason: string): never {
  throw new ValidationFailedError(`The task needs its outcome: ${path} ${reason}`, [
    { path, reason },
  ]);
}

async function exists(em: EntityManager, sql: string, params: unknown[]): Promise<boolean> {
  return (await em.execute<unknown[]>(sql, params)).length > 0;
}

/**
 * Checks the deliverable the task's kind names and returns what to store on the task.
 * Linked records must be the task's case's own (a contact of another case is refused).
 */
export async function recordDeliverable(
  em: EntityManager,
  tenantId: string,
  task: { kind: string; caseId: string | null },
  input: TaskOutcomeInput,
  note: string | null,
): Promise<RecordedOutcome> {
  const deliverable = deliverableOf(task.kind, task.caseId);
  const id = (value: string | undefined, path: string) => {
    if (!value) refuse(path, 'is required');
    if (!UUID.test(value)) refuse(path, 'is not one of the case’s records');
    return value;
  };
  switch (deliverable) {
    case 'contact': {
      const contactId = id(input.contactId, 'contactId');
      const ok = await exists(
        em,
        `select 1 from contact_attempts where tenant_id = ? and id = ? and case_id = ?`,
        [tenantId, contactId, task.caseId],
      );
      if (!ok) refuse('contactId', 'is not one of the case’s records');
      return { deliverable, result: null, ref: { contactId } };
    }
    case 'visit': {
      const result = input.result ?? '';
      if (!(VISIT_RESULTS as readonly string[]).includes(result)) refuse('result', 'is required');
      const address = input.address?.trim() ?? '';
      if (!address) refuse('address', 'is required');
      if (address.length > 500) refuse('address', 'must be at most 500 characters');
      if (!note) refuse('note', 'is required');
      const ref: Record<string, string> = { address };
      if (input.attachmentId) {
        const photo = id(input.attachmentId, 'attachmentId');
        const ok = await exists(em, `select 1 from attachments where tenant_id = ? and id = ?`, [
          tenantId,
          photo,
        ]);
        if (!ok) refuse('attachmentId', 'is not one of the case’s records');
        ref.attachmentId = photo;
      }
      return { deliverable, result, ref };
    }
    case 'notice': {
      const noticeId = id(input.noticeId, 'noticeId');
      const ok = await exists(
        em,
        `select 1 from notices where tenant_id = ? and id = ? and case_id = ?`,
        [tenantId, noticeId, task.caseId],
      );
      if (!ok) refuse('noticeId', 'is not one of the case’s records');
      return { deliverable, result: null, ref: { noticeId } };
    }
    case 'approval': {
      const approvalId = id(input.approvalId, 'approvalId');
      const ok = await exists(
        em,
        `select 1 from approvals where tenant_id = ? and id = ? and case_id = ?`,
        [tenantId, approvalId, task.caseId],
      );
      if (!ok) refuse('approvalId', 'is not one of the case’s records');
      return { deliverable, result: null, ref: { approvalId } };
    }
    case 'document': {
      const attachmentId = id(input.attachmentId, 'attachmentId');
      const ok = await exists(em, `select 1 from attachments where tenant_id = ? and id = ?`, [
        tenantId,
        attachmentId,
      ]);
      if (!ok) refuse('attachmentId', 'is not one of the case’s records');
      return { deliverable, result: null, ref: { attachmentId } };
    }
    case 'note':
      if (!note) refuse('note', 'is required');
      return { deliverable, result: null, ref: null };
  }
}
