import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { isUuid } from '../support/notice-context';
import { findNotice, findNoticeHtml, listDeliveries } from '../support/notice-rows';
import { GetNotice, GetNoticeHtml, NoticeDetail } from './get-notice.query';

/** Another tenant's notice is invisible under RLS and reads as 404 like a missing one. */
@QueryHandler(GetNotice)
export class GetNoticeHandler implements IQueryHandler<GetNotice, NoticeDetail> {
  constructor(private readonly tx: TenantTx) {}

  async execute(query: GetNotice): Promise<NoticeDetail> {
    if (!isUuid(query.noticeId)) throw new NotFoundError('Notice', query.noticeId);
    return this.tx.run(query.tenantId, async (em) => {
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
    if (!isUuid(query.noticeId)) throw new NotFoundError('Notice', query.noticeId);
    const html = await this.tx.run(query.tenantId, (em) =>
      findNoticeHtml(em, query.tenantId, query.noticeId),
    );
    if (html === undefined) throw new NotFoundError('Notice', query.noticeId);
    return html;
  }
}
