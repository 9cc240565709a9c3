import { Body, Get, Injectable, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RecordKpiInput } from '@qingshou/outcomes';
import { ConsoleHtml, ConsoleRedirect } from '../http/console-redirect';
import { ConsoleViews, PageModel } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

export type FormFields = Record<string, string>;

/** The posted form read: what was typed, the messages at their fields, the figures to record. */
export interface KpiFormRead {
  readonly values: FormFields;
  readonly errors: FormFields;
  readonly inputs: readonly RecordKpiInput['input'][];
}

/**
 * The pages where the office enters figures no ledger holds (考核基础数据, 清收计划): GET shows
 * the form; POST records each changed figure through RecordKpiInput and returns to the
 * dashboard, or, when a field is wrong, renders the form again (422) with the message at the
 * field and records nothing. A page says what its form reads and how it shows.
 */
@Injectable()
export abstract class KpiInputPage {
  /** The form's view under views/. */
  protected abstract readonly view: string;
  /** The dashboard's flash message after a save. */
  protected abstract readonly saved: string;

  constructor(
    protected readonly commands: CommandBus,
    protected readonly queries: QueryBus,
    protected readonly views: ConsoleViews,
  ) {}

  protected abstract read(page: PageContext, body: Record<string, unknown>): Promise<KpiFormRead>;

  protected abstract model(
    page: PageContext,
    values: FormFields,
    errors: FormFields,
  ): Promise<PageModel>;

  @Get()
  async show(@Page() page: PageContext): Promise<string> {
    return this.views.page(this.view, page, await this.model(page, {}, {}));
  }

  @Post()
  async save(@Page() page: PageContext, @Body() body: unknown): Promise<string> {
    const read = await this.read(page, (body ?? {}) as Record<string, unknown>);
    if (Object.keys(read.errors).length) {
      const model = await this.model(page, read.values, read.errors);
      throw new ConsoleHtml(await this.views.page(this.view, page, model), 422);
    }
    for (const input of read.inputs) {
      await this.commands.execute(new RecordKpiInput(page.meta(), input));
    }
    throw new ConsoleRedirect('/console/dashboard', this.saved);
  }
}
