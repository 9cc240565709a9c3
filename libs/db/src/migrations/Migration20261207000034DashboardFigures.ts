import { Migration } from '@mikro-orm/migrations';

/**
 * The dashboard reads the night's figures (kpi_snapshots) instead of computing each target
 * live (issue 15 §1: ≤ 500 ms at 1,000,000 accounts), so a snapshot must give back the very
 * figure the live statement gives: "28200.00" for yuan, "5" for a count, a ratio's full
 * quotient. A numeric with no scale keeps each value as written; numeric(28,6) padded a count
 * to "5.000000", and the report tables tell money from counts by the figure's scale.
 */
export class Migration20261207000034DashboardFigures extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table kpi_snapshots
         alter column value type numeric,
         alter column numerator type numeric,
         alter column denominator type numeric`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table kpi_snapshots
         alter column value type numeric(28,12),
         alter column numerator type numeric(28,6),
         alter column denominator type numeric(28,6)`,
    );
  }
}
