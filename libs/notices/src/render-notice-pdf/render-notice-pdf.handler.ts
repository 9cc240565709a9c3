import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DomainError, requirePermission, viewerOf } from '@qingshou/core';
import { openPdfPrinter } from '../delivery/pdf-printer';
import { GetNoticeHtml } from '../get-notice/get-notice.query';
import { RenderNoticePdf } from './render-notice-pdf.query';

/** 503: the server cannot print (Chromium missing); the HTML can still be printed. */
export class PdfUnavailableError extends DomainError {
  constructor() {
    super(
      'pdf-unavailable',
      '无法生成 PDF：服务器未安装 Chromium，请用浏览器打印通知书（PDF unavailable: Chromium is not installed; print the HTML instead）',
      503,
    );
  }
}

/**
 * Reads the stored HTML through GetNoticeHtml (same permission and visibility: another
 * tenant's or another collector's notice is a 404) and prints it. One browser per request: a clerk downloads letters one at a time; the
 * print room's batches go through the letter delivery adapter, which keeps one browser open.
 */
@QueryHandler(RenderNoticePdf)
export class RenderNoticePdfHandler implements IQueryHandler<RenderNoticePdf, Buffer> {
  constructor(private readonly queries: QueryBus) {}

  async execute(query: RenderNoticePdf): Promise<Buffer> {
    requirePermission(viewerOf(query), 'notice.read');
    const html: string = await this.queries.execute(
      new GetNoticeHtml(
        {
          tenantId: query.tenantId,
          actorId: query.actorId,
          correlationId: query.correlationId,
          roles: query.roles,
          ...(query.system ? { system: true as const } : {}),
        },
        query.noticeId,
      ),
    );
    const printer = await openPdfPrinter();
    if (!printer) throw new PdfUnavailableError();
    try {
      return await printer.pdf(html);
    } finally {
      await printer.close();
    }
  }
}
