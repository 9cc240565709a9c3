import { Migration } from '@mikro-orm/migrations';

/**
 * 篇九 回收完成率 counts the whole year's recoveries, but a book imported mid-year starts on its
 * first day: what the office recovered before it (期初已回收) is entered by hand, like the
 * deposit balance, as a kpi_inputs figure `recovered-opening` for the year.
 */
export class Migration20261207000027KpiOpeningRecovered extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table kpi_inputs drop constraint kpi_inputs_input_check`);
    this.addSql(
      `alter table kpi_inputs add constraint kpi_inputs_input_check
       check (input in ('deposit-balance', 'recovery-plan', 'recovered-opening'))`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from kpi_inputs where input = 'recovered-opening'`);
    this.addSql(`alter table kpi_inputs drop constraint kpi_inputs_input_check`);
    this.addSql(
      `alter table kpi_inputs add constraint kpi_inputs_input_check
       check (input in ('deposit-balance', 'recovery-plan'))`,
    );
  }
}
