import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { addDays, CalendarService } from '@qingshou/calendar';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { METRICS, type MetricName } from '@qingshou/policy';
import { SNAPSHOT_LABEL_COLUMNS, SNAPSHOT_LABEL_JOINS } from '../sql/snapshot-labels.sql';
import { checkDate, resolveAsOf } from '../support/pinned-pack';
import { display, rounded } from '../targets/judge';
import { GetKpiSnapshots, KpiSnapshotPoint, KpiSnapshotsView } from './get-kpi-snapshots.query';

/** At most this many points per request: a year of daily values for ~13 groups. */
const LIMIT = 5000;

@QueryHandler(GetKpiSnapshots)
export class GetKpiSnapshotsHandler implements IQueryHandler<GetKpiSnapshots, KpiSnapshotsView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
  ) {}

  execute(query: GetKpiSnapshots): Promise<KpiSnapshotsView> {
    requirePermission(viewerOf(query), 'kpi.read');
    const entry = METRICS[query.metric as MetricName];
    if (!entry) throw new NotFoundError('metric', query.metric);
    return this.tx.run(query.tenantId, async (em) => {
      const to = await resolveAsOf(em, this.calendar, query.tenantId, query.to, 'to');
      const from = query.from ? checkDate(query.from, 'from') : addDays(to, -30);
      const rows = await em.execute<Record<string, string | null>[]>(
        `select s.as_of::text, s.args_key, s.group_type, s.group_id,
                ${SNAPSHOT_LABEL_COLUMNS},
                s.value::text, s.numerator::text, s.denominator::text
         from kpi_snapshots s
         ${SNAPSHOT_LABEL_JOINS}
         where s.tenant_id = ? and s.metric = ? and s.as_of between ? and ?
           and (?::text is null or s.group_type = ?::text)
         order by s.as_of, s.group_type, code, s.args_key
         limit ${LIMIT}`,
        [query.tenantId, query.metric, from, to, query.groupType ?? null, query.groupType ?? null],
      );
      const points = rows.map((r): KpiSnapshotPoint => ({
        asOf: String(r.as_of),
        args: JSON.parse(String(r.args_key)) as Record<string, unknown>,
        groupType: String(r.group_type),
        groupId: String(r.group_id),
        groupCode: r.code,
        groupName: r.name,
        value: rounded(entry.unit, r.value),
        display: display(entry.unit, r.value),
        numerator: r.numerator,
        denominator: r.denominator,
      }));
      return { metric: query.metric, unit: entry.unit, from, to, points };
    });
  }
}
