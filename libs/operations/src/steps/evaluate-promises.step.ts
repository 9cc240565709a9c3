import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EvaluatePromises, type EvaluatePromisesResult } from '@qingshou/collection';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';

/**
 * Promises kept or broken as of the date — before the ladder, whose conditions count broken
 * promises. EvaluatePromises is chunked and idempotent itself (only pending ones are looked at).
 */
@Injectable()
export class EvaluatePromisesStep implements RunStep {
  readonly name = 'evaluate-promises';

  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    // The run acts as the system viewer (ctx.meta): every case of the tenant.
    const result: EvaluatePromisesResult = await this.commands.execute(
      new EvaluatePromises(ctx.meta, ctx.asOf),
    );
    return { promisesKept: result.kept, promisesBroken: result.broken };
  }
}
