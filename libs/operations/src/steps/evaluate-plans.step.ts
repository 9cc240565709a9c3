import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EvaluatePlans, type EvaluatePlansResult } from '@qingshou/collection';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';

/**
 * Repayment plans kept or broken as of the date — before the ladder, so a broken plan's
 * ended pause lets the ladder resume the same night. Chunked and idempotent itself.
 */
@Injectable()
export class EvaluatePlansStep implements RunStep {
  readonly name = 'evaluate-plans';

  constructor(private readonly commands: CommandBus) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const result: EvaluatePlansResult = await this.commands.execute(
      new EvaluatePlans(ctx.meta, ctx.asOf),
    );
    return { plansKept: result.kept, plansBroken: result.broken };
  }
}
