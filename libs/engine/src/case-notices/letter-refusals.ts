import { ConflictError } from '@qingshou/core';

/**
 * A person's letter refused for a reason the console words for its reader. Each stays a 409
 * `conflict` (what API clients see is unchanged); the class, not the English text, says which.
 */
export class CaseHasNoAccountError extends ConflictError {
  constructor(caseId: string) {
    super(`Case ${caseId} has no account; a letter has no amount to print`);
  }
}

export class LetterApprovalRejectedError extends ConflictError {
  constructor(kind: string, idempotencyKey: string) {
    super(
      `The ${kind} approval of this letter was rejected; it will not go out under key ${idempotencyKey}`,
    );
  }
}
