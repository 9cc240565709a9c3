import { ValidationFailedError } from '@qingshou/core';

/**
 * Handlers name bad fields relative to the command (`idNumber`); the edge knows where the
 * command came from and prefixes it (`body.idNumber`), matching the validation pipe's paths.
 */
export async function fromInput<T>(source: 'body' | 'query', work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    throw new ValidationFailedError(
      error.message,
      error.problems.map((p) => ({ path: `${source}.${p.path}`, reason: p.reason })),
    );
  }
}
