import { Get, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetWorklist, Page as ResultPage, WorklistItem } from '@qingshou/collection';
import { hasPermission, viewerOf } from '@qingshou/core';
import { ConsoleController } from '../http/console-controller';
import {
  ListWorklistDriveItems,
  WorklistDriveItems,
} from '../queries/list-worklist-drive-items/list-worklist-drive-items.query';
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
      : this.views.page('work/index', page, { ...model, drive: await this.driveItems(page) });
  }

  /** 篇三's drive items for the viewer's roles (issue 11 §7); none for roles outside drives. */
  private async driveItems(page: PageContext): Promise<WorklistDriveItems | null> {
    if (!hasPermission(viewerOf(page.meta()), 'drive.items.read')) return null;
    const found = await this.queries.execute<ListWorklistDriveItems, WorklistDriveItems>(
      new ListWorklistDriveItems(page.meta(), 20),
    );
    return found.total > 0 ? found : null;
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
