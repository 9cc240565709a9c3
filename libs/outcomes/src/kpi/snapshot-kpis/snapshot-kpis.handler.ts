import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService, Clock } from '@qingshou/calendar';
import { EventLog, TenantTx } from '@qingshou/db';
import { snapshotDrives } from '../../drives/snapshot-drives/snapshot-drives';
import { MetricCalculator, MetricValue } from '../metrics/metric-calculator';
import { AccountStateTables } from '../sql/account-state-tables';
import { pinnedPack, resolveAsOf, tenantTimeZone } from '../support/pinned-pack';
import { KpiSnapshotResult, SnapshotKpis } from './snapshot-kpis.command';
import { Series, seriesOf } from './snapshot-series';

const BATCH = 500;

@CommandHandler(SnapshotKpis)
export class SnapshotKpisHandler implements ICommandHandler<SnapshotKpis, KpiSnapshotResult> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly clock: Clock,
    private readonly calendar: CalendarService,
    private readonly calculator: MetricCalculator,
  ) {}

  execute(command: SnapshotKpis): Promise<KpiSnapshotResult> {
    requirePermission(viewerOf(command), 'kpi.snapshot');
    return this.tx.run(command.tenantId, async (em) => {
      const pack = await pinnedPack(em, command.tenantId);
      const timeZone = await tenantTimeZone(em, command.tenantId);
      const asOf = await resolveAsOf(em, this.calendar, command.tenantId, command.asOf);
      const ctx = { tenantId: command.tenantId, timeZone, pack };
      const now = this.clock.now();
      const series = seriesOf(pack.spec);
      // Every series reads the same account state: computed once for the transaction.
      const tables = new AccountStateTables(em, command.tenantId);
      let rows = 0;
      let changed = 0;
      for (const one of series) {
        const result = await this.calculator.compute(em, ctx, { ...one, asOf }, tables);
        rows += result.values.length;
        changed += await upsert(em, command.tenantId, asOf, one, result.values, now);
      }
      // The dashboard's drives: their progress per phase, as the page would compute it.
      const drives = await snapshotDrives(em, this.calculator, tables, ctx, asOf, now);
      // Unchanged figures are not rewritten, but they were confirmed now: the dashboard's
      // 截至 is the run's time, not the day a figure last moved.
      await em.execute(
        `update kpi_snapshots set computed_at = ?
         where tenant_id = ? and as_of = ? and computed_at < ?`,
        [now, command.tenantId, asOf, now],
      );
      if (changed + drives.changed > 0) {
        await this.events.append(em, { ...command, occurredAt: now }, [
          {
            type: 'KpisSnapshotted',
            aggregateType: 'kpi-snapshots',
            aggregateId: command.tenantId,
            payload: {
              asOf,
              packId: pack.packId,
              version: pack.version,
              series: series.length,
              rows,
              changed,
              drives: drives.drives,
              driveRows: drives.rows,
              driveRowsChanged: drives.changed,
            },
            before: null,
            after: { asOf, rows, changed, driveRows: drives.rows },
          },
        ]);
      }
      return { asOf, series: series.length, rows, changed, drives };
    });
  }
}

/** Upserts one series; a row whose figures did not change is not rewritten. */
async function upsert(
  em: EntityManager,
  tenantId: string,
  asOf: string,
  series: Series,
  values: readonly MetricValue[],
  now: Date,
): Promise<number> {
  let changed = 0;
  for (let i = 0; i < values.length; i += BATCH) {
    const chunk = values.slice(i, i + BATCH);
    const params = chunk.flatMap((v) => [
      tenantId,
      asOf,
      series.metric,
      series.argsKey,
      series.per,
      v.groupId,
      v.value,
      v.numerator,
      v.denominator,
      now,
    ]);
    const result = await em.execute<{ n: string }[]>(
      `with written as (
         insert into kpi_snapshots (tenant_id, as_of, metric, args_key, group_type, group_id,
                                    value, numerator, denominator, computed_at)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?)').join(', ')}
         on conflict (tenant_id, metric, args_key, group_type, group_id, as_of) do update set
           value = excluded.value, numerator = excluded.numerator,
           denominator = excluded.denominator, computed_at = excluded.computed_at
         -- As text: the dashboard reads the figure as written (a count "5", yuan "5.00").
         where (kpi_snapshots.value::text, kpi_snapshots.numerator::text,
                kpi_snapshots.denominator::text)
               is distinct from (excluded.value::text, excluded.numerator::text,
                                 excluded.denominator::text)
         returning 1)
       select count(*)::text as n from written`,
      params,
    );
    changed += Number(result[0]?.n ?? 0);
  }
  return changed;
}
