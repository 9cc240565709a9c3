import { Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ConsoleController } from '../http/console-controller';
import {
  ListOpenDisputes,
  OpenDisputeRow,
} from '../queries/list-open-disputes/list-open-disputes.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

/** 待决定的异议: beside the approvals inbox, the disputes the viewer's role decides. */
@ConsoleController('disputes', 'dispute.decide')
export class DisputesInboxController {
  constructor(
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async inbox(@Page() page: PageContext): Promise<string> {
    const disputes = await this.queries.execute<ListOpenDisputes, OpenDisputeRow[]>(
      new ListOpenDisputes(page.meta()),
    );
    const model = { title: 'dispute.inbox', disputes };
    return page.htmx
      ? this.views.partial('disputes/inbox', page, model)
      : this.views.page('disputes/index', page, model);
  }
}
