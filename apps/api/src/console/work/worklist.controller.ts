import { Get, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { GetWorklist, TASK_KINDS, WorklistPage } from '@qingshou/collection';
import { hasPermission, viewerOf } from '@qingshou/core';
import { ConsoleController } from '../http/console-controller';
import {
  ListWorklistDriveItems,
  WorklistDriveItems,
} from '../queries/list-worklist-drive-items/list-worklist-drive-items.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';
import { emptyForm } from '../forms/form-state';
import { worklistView, WorklistView } from './worklist-filters';

const FILTER_FORM = { id: 'worklist-filter', fields: ['kind', 'due', 'minDpd', 'maxDpd'] };

/** The collector's day: tasks due today and overdue, highest priority first (GetWorklist). */
@ConsoleController('work', 'console.work')
export class WorklistPageController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async show(@Page() page: PageContext, @Query() query: Record<string, unknown>): Promise<string> {
    const cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
    // The keyset cursor knows no page number; the next-page link carries it (第 x 页).
    const pageNo = cursor && /^[1-9]\d{0,5}$/.test(String(query.page)) ? Number(query.page) : 1;
    const model = await this.model(page, cursor, pageNo, worklistView(page.request, query ?? {}));
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

  private async model(
    page: PageContext,
    cursor: string | undefined,
    pageNo: number,
    view: WorklistView,
  ) {
    const result = await this.queries.execute<GetWorklist, WorklistPage>(
      new GetWorklist(page.meta(), cursor, view.per, view.filters),
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
            params: item.contact.params ?? {},
            nextAllowedAt: item.contact.nextAllowedAt ?? null,
          }
        : null,
    }));
    return {
      title: 'work.title',
      items,
      // Across every page, with the same filters (共 N 项 · 第 x 页).
      total: result.total,
      overdueTotal: result.overdueTotal,
      pageNo,
      nextPageNo: pageNo + 1,
      nextCursor: result.nextCursor ?? null,
      // The filter form (kind, due, DPD) and the query its next-page link carries.
      filterForm: emptyForm(FILTER_FORM, view.values),
      filterQuery: view.query,
      filtered: Object.keys(view.filters).length > 0,
      kinds: await this.taskKinds(page),
      dues: ['overdue', 'today'].map((value) => ({
        value,
        label: page.t(`work.filter.due.${value}`),
      })),
      flash: null as string | null,
    };
  }

  /** The platform's task kinds and the pack's own (录入委案批次…), for the kind filter. */
  private async taskKinds(page: PageContext): Promise<string[]> {
    const vocab = await this.views.vocabularyOf(page);
    return [...new Set([...TASK_KINDS, ...Object.keys(vocab.taskKinds)])];
  }
}
