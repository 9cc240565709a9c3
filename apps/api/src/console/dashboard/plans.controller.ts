import { ConsoleController } from '../http/console-controller';
import {
  ListRecoveryPlans,
  RecoveryPlans,
} from '../queries/list-recovery-plans/list-recovery-plans.query';
import { PageContext } from '../render/page-context';
import { FormFields, KpiFormRead, KpiInputPage } from './kpi-input-page';
import { planChanges, PLAN_GROUP_TYPES } from './plan-form';

/**
 * 清收计划: the leader enters or adjusts each village's plan (and the whole unit's) for the
 * current drive; the dashboard's 清收计划完成率 per village divides by it (kpi_inputs).
 */
@ConsoleController('dashboard/plans', 'kpi.input')
export class RecoveryPlansPageController extends KpiInputPage {
  protected readonly view = 'dashboard/plans';
  protected readonly saved = 'flash.plansSaved';

  protected async read(page: PageContext, body: Record<string, unknown>): Promise<KpiFormRead> {
    const plans = await this.plans(page);
    const read = planChanges(plans, body);
    return {
      ...read,
      inputs: read.changes.map((change) => ({
        input: 'recovery-plan',
        groupType: change.groupType,
        groupId: change.groupType === 'tenant' ? undefined : change.groupId,
        periodStart: plans.window.start,
        periodEnd: plans.window.end,
        amount: change.amount,
        note: '组长在控制台录入',
      })),
    };
  }

  private plans(page: PageContext): Promise<RecoveryPlans> {
    return this.queries.execute<ListRecoveryPlans, RecoveryPlans>(
      new ListRecoveryPlans(page.meta(), undefined, PLAN_GROUP_TYPES),
    );
  }

  protected async model(page: PageContext, values: FormFields, errors: FormFields) {
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
