import { Body, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RecordKpiInput } from '@qingshou/outcomes';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import {
  ListRecoveryPlans,
  RecoveryPlans,
} from '../queries/list-recovery-plans/list-recovery-plans.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { planChanges, PLAN_GROUP_TYPES } from './plan-form';

/**
 * 清收计划: the leader enters or adjusts each village's plan (and the whole unit's) for the
 * current drive; the dashboard's 清收计划完成率 per village divides by it (kpi_inputs).
 */
@ConsoleController('dashboard/plans', 'kpi.input')
export class RecoveryPlansPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page('dashboard/plans', page, await this.model(page, {}, {}));
  }

  @Post()
  async save(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const plans = await this.plans(page);
    const read = planChanges(plans, (body ?? {}) as Record<string, unknown>);
    if (Object.keys(read.errors).length) {
      const model = await this.model(page, read.values, read.errors);
      throw new ConsoleHtml(await this.views.page('dashboard/plans', page, model), 422);
    }
    for (const change of read.changes) {
      await this.commands.execute(
        new RecordKpiInput(page.meta(), {
          input: 'recovery-plan',
          groupType: change.groupType,
          groupId: change.groupType === 'tenant' ? undefined : change.groupId,
          periodStart: plans.window.start,
          periodEnd: plans.window.end,
          amount: change.amount,
          note: '组长在控制台录入',
        }),
      );
    }
    throw new ConsoleRedirect('/console/dashboard', 'flash.plansSaved');
  }

  private plans(page: PageContext): Promise<RecoveryPlans> {
    return this.queries.execute<ListRecoveryPlans, RecoveryPlans>(
      new ListRecoveryPlans(page.meta(), undefined, PLAN_GROUP_TYPES),
    );
  }

  private async model(
    page: PageContext,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) {
    const plans = await this.plans(page);
    return {
      title: 'plans.title',
      window: plans.window,
      rows: plans.rows.map((r) => ({
        groupType: r.groupType,
        groupCode: r.code,
        name: r.name,
        inputName: `p_${r.groupId}`,
        value: values[r.groupId] ?? r.amount ?? '',
        error: errors[r.groupId] ?? null,
      })),
      hasErrors: Object.keys(errors).length > 0,
    };
  }
}
