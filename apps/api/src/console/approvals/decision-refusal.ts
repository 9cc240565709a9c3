import { DomainError } from '@qingshou/core';

/** A refusal shown on the request it concerns (four eyes, already decided, not your role). */
export interface ApprovalItemError {
  readonly id: string;
  readonly field: 'note' | 'general';
  readonly messageKey: string;
}

/** A rejection tells the requester why (they act on it); an approval may stand alone. */
export function missingRejectNote(
  id: string,
  decision: 'approved' | 'rejected',
  note: string | undefined,
): ApprovalItemError | null {
  return decision === 'rejected' && !note
    ? { id, field: 'note', messageKey: 'approvals.err.noteForReject' }
    : null;
}

/**
 * DecideApproval's refusal in the console's words, shown at the request's form (the inbox
 * and the supervisor's desk alike). Anything else — 404, a fault — is rethrown for the
 * error page.
 */
export function decisionRefusal(id: string, error: unknown): ApprovalItemError {
  if (!(error instanceof DomainError) || error.status >= 500 || error.status === 404) {
    throw error;
  }
  const messageKey =
    error.status === 403
      ? error.message.includes('asked')
        ? 'approvals.err.ownRequest'
        : 'approvals.err.notYourRole'
      : 'approvals.err.alreadyDecided';
  return { id, field: 'general', messageKey };
}

/** The per-request error keys a decision form shows (both present: strict templates). */
export function itemErrors(
  id: string,
  error: ApprovalItemError | null,
): { noteError: string | null; generalError: string | null } {
  return {
    noteError: error?.id === id && error.field === 'note' ? error.messageKey : null,
    generalError: error?.id === id && error.field === 'general' ? error.messageKey : null,
  };
}
