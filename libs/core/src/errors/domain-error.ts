/** One bad field: where it is (`stages[3].when.dpd`, `body.username`) and why. */
export interface FieldProblem {
  readonly path: string;
  readonly reason: string;
  /**
   * The figures of a rule's refusal ({start, end}, {max}, nextAllowedAt…), so a client in
   * another language (the Chinese console) words it from `path` and these, not `reason`.
   */
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * Errors the domain raises on purpose. The HTTP edge maps them to RFC 9457 problems; the
 * CLI prints them as one line. `status` is the HTTP status they deserve.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 422,
    readonly problems: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not-found', `${what} ${id} was not found`, 404);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message, 403);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message, 409);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, problems: readonly FieldProblem[]) {
    super('validation-failed', message, 400, problems);
  }
}
