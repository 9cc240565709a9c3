import { Body, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CompleteTask, GetWorklist, Page as ResultPage, WorklistItem } from '@qingshou/collection';
import { formValues } from '../forms/form-state';
import { ConsoleController } from '../http/console-controller';
import { ConsoleRedirect } from '../http/console-redirect';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

/** The collector's day: tasks due today and overdue, highest priority first (GetWorklist). */
@ConsoleController('work', 'console.work')
export class WorklistPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext, @Query('cursor') cursor?: string): Promise<string> {
    const model = await this.model(page, typeof cursor === 'string' ? cursor : undefined);
    return page.htmx
      ? this.views.partial('work/index.list', page, model)
      : this.views.page('work/index', page, model);
  }

  /** Working a task ends it; the list comes back without it. */
  @Post('tasks/:id/complete')
  async complete(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: unknown,
  ): Promise<string> {
    const note = formValues(body).note?.trim();
    await this.commands.execute(new CompleteTask(page.meta(), id, 'done', note || undefined));
    if (!page.htmx) throw new ConsoleRedirect('/console/work', 'flash.taskDone');
    return this.views.partial('work/index.list', page, {
      ...(await this.model(page)),
      flash: 'flash.taskDone',
    });
  }

  private async model(page: PageContext, cursor?: string) {
    const result = await this.queries.execute<GetWorklist, ResultPage<WorklistItem>>(
      new GetWorklist(page.meta(), cursor, 100),
    );
    const items = result.items.map((item) => ({
      ...item,
      title: item.title ?? null,
      case: item.case ?? null,
      // Waiting on the worklist of a role (the pack's `role`) for whoever takes it.
      queued: item.assigneeId === null,
      contact: item.contact
        ? {
            allowed: item.contact.allowed,
            rule: item.contact.rule ?? null,
            reason: item.contact.reason ?? null,
            nextAllowedAt: item.contact.nextAllowedAt ?? null,
          }
        : null,
    }));
    return {
      title: 'work.title',
      items,
      count: items.length,
      overdueCount: items.filter((i) => i.overdue).length,
      nextCursor: result.nextCursor ?? null,
      flash: null as string | null,
    };
  }
}
