import { NotFoundError } from '@qingshou/core';
import { GetKpiInputs, KpiInputsView } from '@qingshou/outcomes';
import { GetCurrentPack, InstallationView } from '@qingshou/policy';
import { ConsoleController } from '../http/console-controller';
import { PageContext } from '../render/page-context';
import { officeInputs } from './dashboard-housing';
import { FormFields, KpiFormRead, KpiInputPage } from './kpi-input-page';
import { figureChanges, figurePeriod } from './office-figures-form';

/**
 * 考核基础数据 (篇九): the figures no ledger holds, entered by the office for the year — the
 * annual recovery plan, what it recovered this year before the book began, and the deposit
 * balance — behind 回收完成率 and 个贷率 (kpi_inputs through RecordKpiInput).
 */
@ConsoleController('dashboard/figures', 'kpi.input')
export class OfficeFiguresPageController extends KpiInputPage {
  protected readonly view = 'dashboard/figures';
  protected readonly saved = 'flash.figuresSaved';

  protected async read(page: PageContext, body: Record<string, unknown>): Promise<KpiFormRead> {
    const { inputs, entered } = await this.state(page);
    const current = new Map(entered.figures.map((f) => [f.input as string, f.amount]));
    const read = figureChanges(inputs, current, body);
    return {
      ...read,
      inputs: read.changes.map((change) => ({
        input: change.input,
        ...figurePeriod(change.input, entered.asOf),
        amount: change.amount,
        note: '管理部在控制台录入',
      })),
    };
  }

  private async state(page: PageContext) {
    const meta = page.meta();
    const installed = await this.queries.execute<GetCurrentPack, InstallationView>(
      new GetCurrentPack(meta),
    );
    if (!installed.resolved) throw new NotFoundError('Pack', 'current');
    const inputs = officeInputs(installed.resolved.spec);
    const entered = await this.queries.execute<GetKpiInputs, KpiInputsView>(new GetKpiInputs(meta));
    return { inputs, entered };
  }

  protected async model(page: PageContext, values: FormFields, errors: FormFields) {
    const { inputs, entered } = await this.state(page);
    const year = entered.asOf.slice(0, 4);
    return {
      title: 'figures.title',
      year,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      depositFrom: figurePeriod('deposit-balance', entered.asOf).periodStart,
      hasDeposit: inputs.includes('deposit-balance'),
      rows: inputs.map((input) => {
        const figure = entered.figures.find((f) => f.input === input);
        return {
          input,
          fieldName: `f_${input}`,
          current: figure?.amount ?? null,
          value: values[input] ?? '',
          error: errors[input] ?? null,
        };
      }),
      hasErrors: Object.keys(errors).length > 0,
    };
  }
}
