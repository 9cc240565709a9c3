import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { DispatchView, listDispatches } from '../delivery/dispatch-rows';
import { isUuid } from '../support/notice-context';
import { findNotice } from '../support/notice-rows';
import { ListNoticeDispatches } from './list-dispatches.query';

@QueryHandler(ListNoticeDispatches)
export class ListNoticeDispatchesHandler implements IQueryHandler<
  ListNoticeDispatches,
  DispatchView[]
> {
  constructor(private readonly tx: TenantTx) {}

  execute(query: ListNoticeDispatches): Promise<DispatchView[]> {
    if (!isUuid(query.noticeId)) throw new NotFoundError('Notice', query.noticeId);
    return this.tx.run(query.tenantId, async (em) => {
      const notice = await findNotice(em, query.tenantId, { id: query.noticeId });
      if (!notice) throw new NotFoundError('Notice', query.noticeId);
      return listDispatches(em, query.tenantId, notice.id);
    });
  }
}
