import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TenantTx } from '@qingshou/db';
import {
  EvaluateFlags,
  type EvaluatedFlags,
  type KpiSnapshotResult,
  RecomputeRatings,
  type RecomputedRatings,
  SnapshotKpis,
} from '@qingshou/outcomes';
import type { RunStep, RunStepContext } from '../domain/run-step';
import type { RunCounts } from '../domain/run-vocabulary';
import { pinnedPackFacts } from '../support/pack-facts';
import { refreshRunStatistics } from '../support/run-statistics';

/** The outcome commands read the pinned pack; a tenant without one has nothing to do. */
@Injectable()
abstract class PackCommandStep implements RunStep {
  abstract readonly name: string;

  constructor(
    protected readonly tx: TenantTx,
    protected readonly commands: CommandBus,
  ) {}

  async execute(ctx: RunStepContext): Promise<RunCounts> {
    const pack = await this.tx.run(ctx.tenantId, (em) => pinnedPackFacts(em, ctx.tenantId));
    return pack ? this.run(ctx) : {};
  }

  protected abstract run(ctx: RunStepContext): Promise<RunCounts>;
}

/** The pack's flags by their own conditions (第二篇: officials in arrears, suspended benefits). */
@Injectable()
export class EvaluateFlagsStep extends PackCommandStep {
  readonly name = 'evaluate-flags';

  protected async run(ctx: RunStepContext): Promise<RunCounts> {
    // The first whole-tenant statements after the day's cases and tasks were written.
    await this.tx.run(ctx.tenantId, (em) => refreshRunStatistics(em));
    const result: EvaluatedFlags = await this.commands.execute(
      new EvaluateFlags(ctx.meta, ctx.asOf),
    );
    return {
      flagsSet: result.flags.reduce((n, f) => n + f.set, 0),
      flagsCleared: result.flags.reduce((n, f) => n + f.cleared, 0),
    };
  }
}

/** Group ratings (信用村) as of the date; only changes are recorded. */
@Injectable()
export class RecomputeRatingsStep extends PackCommandStep {
  readonly name = 'recompute-ratings';

  protected async run(ctx: RunStepContext): Promise<RunCounts> {
    const result: RecomputedRatings = await this.commands.execute(
      new RecomputeRatings(ctx.meta, ctx.asOf),
    );
    return { ratingsChanged: result.changed.length };
  }
}

/** The day's KPI figures, so trends can be drawn; a second snapshot of a day changes nothing. */
@Injectable()
export class SnapshotKpisStep extends PackCommandStep {
  readonly name = 'snapshot-kpis';

  protected async run(ctx: RunStepContext): Promise<RunCounts> {
    const result: KpiSnapshotResult = await this.commands.execute(
      new SnapshotKpis(ctx.meta, ctx.asOf),
    );
    return { kpiRows: result.rows, kpiRowsChanged: result.changed };
  }
}
