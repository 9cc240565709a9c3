import { Migration } from '@mikro-orm/migrations';
import { tenantRlsSql } from './tenant-rls.sql';

/**
 * A drive's progress as of the night (issue 15 §1: the co-op's dashboard took 2 s p50 at 100k
 * accounts computing it live): per phase, the arrears recovered within the phase for the whole
 * drive (`group_type` 'drive', `group_id` the drive) and per debtor group — `metric`
 * 'phaseRecovered' — and each figure the phase's targets judge over the phase's dates (a
 * registry metric, its canonical arguments, per breakdown), as kpi_snapshots keeps the
 * pack's series. The night's SnapshotKpis writes them; the dashboard reads them with 截至.
 * Rows are per drive and date: a drive's progress is small (phases × groups), the night
 * rewrites only what moved and removes what no longer exists. The drive carries the tenant.
 */
export class Migration20261207000045DriveSnapshots extends Migration {
  override async up(): Promise<void> {
    const sql = [
      `create table drive_snapshots (tenant_id uuid not null,
         drive_id uuid not null,
         as_of date not null,
         phase_key text not null,
         metric text not null check (metric ~ '^[a-z][A-Za-z0-9]{0,47}$'),
         args_key text not null,
         group_type text not null check (group_type ~ '^[a-z][a-z0-9-]{0,31}$'),
         group_id uuid not null,
         value numeric,
         numerator numeric,
         denominator numeric,
         computed_at timestamptz not null,
         primary key (tenant_id, drive_id, as_of, phase_key, metric, args_key, group_type,
                      group_id),
         foreign key (tenant_id, drive_id) references drives (tenant_id, id))`,
      ...tenantRlsSql('drive_snapshots'),
    ];
    for (const statement of sql) this.addSql(statement);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table drive_snapshots`);
  }
}
