import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldProblem, ValidationFailedError } from '@qingshou/core';
import { findBadInput } from './input-guard';

function flatten(errors: ValidationError[], parent: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const segment = /^\d+$/.test(error.property) ? `[${error.property}]` : `.${error.property}`;
    const path = `${parent}${segment}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ path, reason }));
    return own.concat(flatten(error.children ?? [], path));
  });
}

/**
 * whitelist + forbidNonWhitelisted + transform; each bad field is named by its path,
 * prefixed with where it came from (`body.roles[1]`, `query.asOf`).
 */
export class ProblemValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => {
        const problems = flatten(errors, '');
        return new ValidationFailedError(
          `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`,
          problems,
        );
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // JSON and urlencoded bodies were checked by inputGuard; multipart fields (multer) arrive
    // after it, so a body is checked again here (cheap: a walk over a small object).
    if (metadata.type === 'body') {
      const problems = findBadInput(value, metadata.data ? `body.${metadata.data}` : 'body');
      if (problems.length) {
        throw new ValidationFailedError(
          `The request has ${problems.length} invalid field${problems.length === 1 ? '' : 's'}`,
          problems,
        );
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (!(error instanceof ValidationFailedError)) throw error;
      const source = metadata.type === 'custom' ? 'input' : metadata.type;
      throw new ValidationFailedError(
        error.message,
        error.problems.map((p) => ({ path: `${source}${p.path}`, reason: p.reason })),
      );
    }
  }
}
