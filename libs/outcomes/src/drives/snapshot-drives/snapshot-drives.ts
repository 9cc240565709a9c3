import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import type { MetricCalculator, MetricContext } from '../../kpi/metrics/metric-calculator';
import type { AccountStateTables } from '../../kpi/sql/account-state-tables';
import { driveProgress } from '../get-drive-progress/drive-progress';
import { type DriveSnapshotRow, RecordedDriveFigures, rowKey } from './recorded-drive-figures';

/** The drives the dashboard charts: the latest launched (ListDrives, newest first). */
export const DASHBOARD_DRIVES = 3;
const BATCH = 500;

export interface DriveSnapshotCounts {
  readonly drives: number;
  readonly rows: number;
  /** Rows inserted, changed or removed. */
  readonly changed: number;
}

/**
 * The night's progress of the drives the dashboard shows (issue 15 §1: computed live, the
 * co-op's page took 2 s at 100k accounts): SnapshotKpis calls it in its transaction, with its
 * cached account state. Only the as-of date's rows are read, so earlier nights' are removed;
 * a second run of the same day rewrites nothing and confirms every row (computed_at, the 截至).
 */
export async function snapshotDrives(
  em: EntityManager,
  calculator: MetricCalculator,
  tables: AccountStateTables,
  ctx: MetricContext,
  asOf: LocalDate,
  now: Date,
): Promise<DriveSnapshotCounts> {
  const drives = await em.execute<{ id: string }[]>(
    `select id from drives where tenant_id = ?
     order by launch_date desc, id limit ${DASHBOARD_DRIVES}`,
    [ctx.tenantId],
  );
  await em.execute(
    `delete from drive_snapshots
     where tenant_id = ? and (as_of < ? or (as_of = ? and drive_id <> all(?::uuid[])))`,
    [ctx.tenantId, asOf, asOf, `{${drives.map((d) => d.id).join(',')}}`],
  );
  let rows = 0;
  let changed = 0;
  for (const drive of drives) {
    const recorder = new RecordedDriveFigures(calculator, tables);
    const progress = await driveProgress(em, recorder, ctx, drive.id, asOf);
    const fresh = recorder.rows(progress);
    rows += fresh.length;
    changed += await keep(em, ctx.tenantId, drive.id, asOf, fresh, now);
  }
  await em.execute(
    `update drive_snapshots set computed_at = ?
     where tenant_id = ? and as_of = ? and computed_at < ?`,
    [now, ctx.tenantId, asOf, now],
  );
  return { drives: drives.length, rows, changed };
}

const figures = (r: Pick<DriveSnapshotRow, 'value' | 'numerator' | 'denominator'>) =>
  JSON.stringify([r.value, r.numerator, r.denominator]);

/** Writes the rows that moved and removes those the drive no longer has; returns how many. */
async function keep(
  em: EntityManager,
  tenantId: string,
  driveId: string,
  asOf: LocalDate,
  fresh: readonly DriveSnapshotRow[],
  now: Date,
): Promise<number> {
  const kept = await em.execute<Record<string, string | null>[]>(
    `select phase_key, metric, args_key, group_type, group_id::text as group_id,
            value::text as value, numerator::text as numerator, denominator::text as denominator
     from drive_snapshots where tenant_id = ? and drive_id = ? and as_of = ?`,
    [tenantId, driveId, asOf],
  );
  const keyOf = (r: Record<string, string | null>) =>
    rowKey({
      phaseKey: String(r.phase_key),
      metric: String(r.metric),
      argsKey: String(r.args_key),
      groupType: String(r.group_type),
      groupId: String(r.group_id),
    });
  const before = new Map(
    kept.map((r) => [
      keyOf(r),
      figures({ value: r.value, numerator: r.numerator, denominator: r.denominator }),
    ]),
  );
  const written = new Set(fresh.map(rowKey));
  const gone = kept.filter((r) => !written.has(keyOf(r)));
  for (const r of gone) {
    await em.execute(
      `delete from drive_snapshots where tenant_id = ? and drive_id = ? and as_of = ?
         and phase_key = ? and metric = ? and args_key = ? and group_type = ? and group_id = ?`,
      [tenantId, driveId, asOf, r.phase_key, r.metric, r.args_key, r.group_type, r.group_id],
    );
  }
  const moved = fresh.filter((r) => before.get(rowKey(r)) !== figures(r));
  for (let i = 0; i < moved.length; i += BATCH) {
    const chunk = moved.slice(i, i + BATCH);
    await em.execute(
      `insert into drive_snapshots (tenant_id, drive_id, as_of, phase_key, metric, args_key,
                                    group_type, group_id, value, numerator, denominator,
                                    computed_at)
       values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?::numeric, ?::numeric, ?::numeric, ?)').join(', ')}
       on conflict (tenant_id, drive_id, as_of, phase_key, metric, args_key, group_type, group_id)
       do update set value = excluded.value, numerator = excluded.numerator,
                     denominator = excluded.denominator, computed_at = excluded.computed_at`,
      chunk.flatMap((r) => [
        tenantId,
        driveId,
        asOf,
        r.phaseKey,
        r.metric,
        r.argsKey,
        r.groupType,
        r.groupId,
        r.value,
        r.numerator,
        r.denominator,
        now,
      ]),
    );
  }
  return gone.length + moved.length;
}
