import { DomainError, FieldProblem } from '@qingshou/core';

/**
 * A template that may not be used: bad front matter, a triple-stash, an unknown helper, a
 * path into prototypes. Raised when the template is loaded or compiled, never half-way
 * through a render, so a bad pack fails at install or preview rather than on a debtor's
 * letter. 422: the request was well formed, the template is not acceptable.
 */
export class TemplateRefusedError extends DomainError {
  constructor(template: string, problems: readonly FieldProblem[]) {
    super(
      'notice-template-refused',
      `Template ${template} is refused: ${problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`,
      422,
      problems,
    );
  }
}

/**
 * The data does not fit the template: a required field is missing, a strict-mode lookup
 * failed, a helper got a value it cannot print. Every problem names the data path.
 */
export class NoticeRenderError extends DomainError {
  constructor(template: string, problems: readonly FieldProblem[]) {
    super(
      'notice-render-failed',
      `Template ${template} cannot be rendered: ${problems
        .map((p) => `${p.path} ${p.reason}`)
        .join('; ')}`,
      422,
      problems,
    );
  }
}

/** Thrown by a helper; the engine maps it back to the template expression that called it. */
export class HelperArgumentError extends Error {
  constructor(
    readonly helper: string,
    /** Which positional argument was wrong (0-based). */
    readonly argument: number,
    readonly reason: string,
    readonly loc?: { start: { line: number; column: number } },
  ) {
    super(`${helper}: ${reason}`);
    this.name = 'HelperArgumentError';
  }
}
