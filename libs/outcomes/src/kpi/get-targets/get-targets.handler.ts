import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { MetricCalculator } from '../metrics/metric-calculator';
import { evaluateTarget, TargetView } from '../targets/evaluate-targets';
import { SnapshotFigures } from '../targets/snapshot-figures';
import { targetContext } from '../targets/target-context';
import { GetTargets, TargetsView } from './get-targets.query';

@QueryHandler(GetTargets)
export class GetTargetsHandler implements IQueryHandler<GetTargets, TargetsView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(query: GetTargets): Promise<TargetsView> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const { ctx, asOf } = await targetContext(em, this.calendar, query.tenantId, query.asOf);
      const snapshot = query.fromSnapshot ? new SnapshotFigures(this.calculator) : null;
      const targets: TargetView[] = [];
      for (const target of ctx.pack.spec.targets) {
        const per = query.groupType ? target.per.filter((p) => p === query.groupType) : target.per;
        if (per.length === 0) continue;
        targets.push(await evaluateTarget(em, snapshot ?? this.calculator, ctx, target, asOf, per));
      }
      return {
        asOf,
        pack: { id: ctx.pack.packId, version: ctx.pack.version },
        targets,
        figuresAt: snapshot?.computedAt?.toISOString() ?? null,
      };
    });
  }
}
