import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { MetricCalculator } from '../metrics/metric-calculator';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../support/pinned-pack';
import { evaluateTarget, TargetView } from '../targets/evaluate-targets';
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
      const pack = await pinnedPack(em, query.tenantId);
      const timeZone = await tenantTimeZone(em, query.tenantId);
      const asOf = await resolveAsOf(em, this.calendar, query.tenantId, query.asOf);
      const ctx = { tenantId: query.tenantId, timeZone, pack };
      const targets: TargetView[] = [];
      for (const target of pack.spec.targets) {
        const per = query.groupType ? target.per.filter((p) => p === query.groupType) : target.per;
        if (per.length === 0) continue;
        targets.push(await evaluateTarget(em, this.calculator, ctx, target, asOf, per));
      }
      return { asOf, pack: { id: pack.packId, version: pack.version }, targets };
    });
  }
}
