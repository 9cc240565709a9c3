import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CalendarService } from '@qingshou/calendar';
import { requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { resolveAsOf } from '../support/pinned-pack';
import { GetKpiInputs, KpiInputFigure, KpiInputsView } from './get-kpi-inputs.query';

/** The same pick as the metric calculator's: the figure in force is the latest-starting one. */
@QueryHandler(GetKpiInputs)
export class GetKpiInputsHandler implements IQueryHandler<GetKpiInputs, KpiInputsView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly calendar: CalendarService,
  ) {}

  execute(query: GetKpiInputs): Promise<KpiInputsView> {
    requirePermission(viewerOf(query), 'kpi.read');
    return this.tx.run(query.tenantId, async (em) => {
      const asOf = await resolveAsOf(em, this.calendar, query.tenantId, query.asOf);
      const rows = await em.execute<
        {
          input: KpiInputFigure['input'];
          period_start: string;
          period_end: string;
          amount: string;
          note: string | null;
          recorded_at: Date;
        }[]
      >(
        `select distinct on (input) input, period_start::text, period_end::text, amount::text,
                note, recorded_at
         from kpi_inputs
         where tenant_id = ? and group_type = 'tenant' and period_start <= ? and period_end >= ?
         order by input, period_start desc`,
        [query.tenantId, asOf, asOf],
      );
      return {
        asOf,
        figures: rows.map((r) => ({
          input: r.input,
          periodStart: r.period_start,
          periodEnd: r.period_end,
          amount: r.amount,
          note: r.note,
          recordedAt: new Date(r.recorded_at).toISOString(),
        })),
      };
    });
  }
}
