import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService } from '@qingshou/calendar';
import { TenantTx } from '@qingshou/db';
import { MetricCalculator } from '../../../kpi/metrics/metric-calculator';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../../../kpi/support/pinned-pack';
import { SnapshotFigures } from '../../../kpi/targets/snapshot-figures';
import { rateGroups, ratingHistory } from '../rate-groups';
import { GetRatings, GroupRatingView, RatingsView } from './get-ratings.query';

@QueryHandler(GetRatings)
export class GetRatingsHandler implements IQueryHandler<GetRatings, RatingsView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(query: GetRatings): Promise<RatingsView> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const pack = await pinnedPack(em, query.tenantId);
      const asOf = await resolveAsOf(em, this.calendar, query.tenantId, query.asOf);
      const ctx = {
        tenantId: query.tenantId,
        timeZone: await tenantTimeZone(em, query.tenantId),
        pack,
      };
      const ratings = pack.spec.ratings.filter(
        (r) => !query.groupType || r.groupType === query.groupType,
      );
      const history = await ratingHistory(
        em,
        query.tenantId,
        ratings.map((r) => r.id),
        asOf,
      );
      const figures = query.fromSnapshot ? new SnapshotFigures(this.calculator) : this.calculator;
      const views: GroupRatingView[] = [];
      for (const rating of ratings) {
        for (const group of await rateGroups(em, figures, ctx, rating, asOf)) {
          const changes = history.get(`${rating.id}|${group.groupId}`) ?? [];
          const last = changes[changes.length - 1];
          views.push({
            ...group,
            since: last && last.granted === group.granted ? last.asOf : null,
            history: changes,
          });
        }
      }
      return { asOf, ratings: views };
    });
  }
}
