import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { DispatchView, listDispatches } from '../delivery/dispatch-rows';
import { assertNoticeVisible } from '../support/notice-access';
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
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.read');
    if (!isUuid(query.noticeId)) throw new NotFoundError('Notice', query.noticeId);
    return this.tx.run(query.tenantId, async (em) => {
      await assertNoticeVisible(em, viewer, query.tenantId, query.noticeId);
      const notice = await findNotice(em, query.tenantId, { id: query.noticeId });
      if (!notice) throw new NotFoundError('Notice', query.noticeId);
      return listDispatches(em, query.tenantId, notice.id);
    });
  }
}
