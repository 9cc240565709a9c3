import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService, Clock } from '@qingshou/calendar';
import { DomainEvent, EventLog, TenantTx } from '@qingshou/db';
import { MetricCalculator } from '../../../kpi/metrics/metric-calculator';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../../../kpi/support/pinned-pack';
import { rateGroups, ratingHistory } from '../rate-groups';
import { RecomputedRatings, RecomputeRatings } from './recompute-ratings.command';

@CommandHandler(RecomputeRatings)
export class RecomputeRatingsHandler implements ICommandHandler<
  RecomputeRatings,
  RecomputedRatings
> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(command: RecomputeRatings): Promise<RecomputedRatings> {
    requirePermission(viewerOf(command), 'rating.recompute');
    return this.tx.run(command.tenantId, async (em) => {
      const pack = await pinnedPack(em, command.tenantId);
      const asOf = await resolveAsOf(em, this.calendar, command.tenantId, command.asOf);
      const ctx = {
        tenantId: command.tenantId,
        timeZone: await tenantTimeZone(em, command.tenantId),
        pack,
      };
      const history = await ratingHistory(
        em,
        command.tenantId,
        pack.spec.ratings.map((r) => r.id),
        asOf,
      );
      const now = this.clock.now();
      const events: DomainEvent[] = [];
      const changed: RecomputedRatings['changed'][number][] = [];
      let groups = 0;
      let granted = 0;
      for (const rating of pack.spec.ratings) {
        for (const group of await rateGroups(em, this.calculator, ctx, rating, asOf)) {
          groups += 1;
          if (group.granted) granted += 1;
          const changes = history.get(`${rating.id}|${group.groupId}`) ?? [];
          const last = changes[changes.length - 1];
          if (last && last.granted === group.granted) continue;
          await em.execute(
            `insert into group_rating_changes (tenant_id, rating_id, group_id, as_of, granted,
                                               criteria, pack_version, recorded_at)
             values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)
             on conflict (tenant_id, rating_id, group_id, as_of) do update set
               granted = excluded.granted, criteria = excluded.criteria,
               pack_version = excluded.pack_version, recorded_at = excluded.recorded_at`,
            [
              command.tenantId,
              rating.id,
              group.groupId,
              asOf,
              group.granted,
              JSON.stringify(group.criteria),
              pack.version,
              now,
            ],
          );
          changed.push({ ratingId: rating.id, groupCode: group.groupCode, granted: group.granted });
          events.push({
            type: group.granted ? 'GroupRatingGranted' : 'GroupRatingWithdrawn',
            aggregateType: 'debtor-group',
            aggregateId: group.groupId,
            payload: { ratingId: rating.id, asOf, criteria: group.criteria },
            before: last ? { rating: rating.id, granted: last.granted, since: last.asOf } : null,
            after: { rating: rating.id, granted: group.granted, since: asOf },
            publish: ['domain-events'],
          });
        }
      }
      await this.events.append(em, { ...command, occurredAt: now }, events);
      return { asOf, groups, granted, changed };
    });
  }
}
