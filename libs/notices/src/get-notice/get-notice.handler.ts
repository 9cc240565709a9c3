import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError, requirePermission, viewerOf } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { assertNoticeVisible } from '../support/notice-access';
import { isUuid } from '../support/notice-context';
import { findNotice, findNoticeHtml, listDeliveries } from '../support/notice-rows';
import { GetNotice, GetNoticeHtml, NoticeDetail } from './get-notice.query';

/**
 * Another tenant's notice is invisible under RLS, another collector's through its case
 * (assertNoticeVisible): both read as 404 like a missing one.
 */
@QueryHandler(GetNotice)
export class GetNoticeHandler implements IQueryHandler<GetNotice, NoticeDetail> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: GetNotice): Promise<NoticeDetail> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.read');
    if (!isUuid(query.noticeId)) throw new NotFoundError('Notice', query.noticeId);
    return this.tx.run(query.tenantId, async (em) => {
      await assertNoticeVisible(em, viewer, query.tenantId, query.noticeId);
      const notice = await findNotice(em, query.tenantId, { id: query.noticeId });
      if (!notice) throw new NotFoundError('Notice', query.noticeId);
      return { ...notice, deliveries: await listDeliveries(em, query.tenantId, notice.id) };
    });
  }
}

@QueryHandler(GetNoticeHtml)
export class GetNoticeHtmlHandler implements IQueryHandler<GetNoticeHtml, string> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: GetNoticeHtml): Promise<string> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'notice.read');
    if (!isUuid(query.noticeId)) throw new NotFoundError('Notice', query.noticeId);
    const html = await this.tx.run(query.tenantId, async (em) => {
      await assertNoticeVisible(em, viewer, query.tenantId, query.noticeId);
      return findNoticeHtml(em, query.tenantId, query.noticeId);
    });
    if (html === undefined) throw new NotFoundError('Notice', query.noticeId);
    return html;
  }
}
