import { Body, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NotFoundError } from '@qingshou/core';
import { GetKpiInputs, KpiInputsView, RecordKpiInput } from '@qingshou/outcomes';
import { GetCurrentPack, InstallationView } from '@qingshou/policy';
import { ConsoleController } from '../http/console-controller';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { officeInputs } from './dashboard-housing';
import { figureChanges, figurePeriod } from './office-figures-form';

/**
 * 考核基础数据 (篇九): the figures no ledger holds, entered by the office for the year — the
 * annual recovery plan, what it recovered this year before the book began, and the deposit
 * balance — behind 回收完成率 and 个贷率 (kpi_inputs through RecordKpiInput).
 */
@ConsoleController('dashboard/figures', 'kpi.input')
export class OfficeFiguresPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page('dashboard/figures', page, await this.model(page, {}, {}));
  }

  @Post()
  async save(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const { inputs, entered } = await this.state(page);
    const current = new Map(entered.figures.map((f) => [f.input as string, f.amount]));
    const read = figureChanges(inputs, current, (body ?? {}) as Record<string, unknown>);
    if (Object.keys(read.errors).length) {
      const model = await this.model(page, read.values, read.errors);
      throw new ConsoleHtml(await this.views.page('dashboard/figures', page, model), 422);
    }
    for (const change of read.changes) {
      await this.commands.execute(
        new RecordKpiInput(page.meta(), {
          input: change.input,
          ...figurePeriod(change.input, entered.asOf),
          amount: change.amount,
          note: '管理部在控制台录入',
        }),
      );
    }
    throw new ConsoleRedirect('/console/dashboard', 'flash.figuresSaved');
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

  private async model(
    page: PageContext,
    values: Record<string, string>,
    errors: Record<string, string>,
  ) {
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
