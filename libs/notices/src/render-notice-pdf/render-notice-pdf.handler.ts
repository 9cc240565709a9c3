import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DomainError, requirePermission, viewerOf } from '@qingshou/core';
import { GetNoticeHtml } from '../get-notice/get-notice.query';
import { NoticePdfCache } from '../pdf/notice-pdf-cache';
import { PdfBrowserPool } from '../pdf/pdf-browser-pool';
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
 * tenant's or another collector's notice is a 404, before any cached bytes are touched),
 * then serves the PDF printed for that HTML before, or prints it in the process's one
 * browser (PdfBrowserPool, pages capped) and keeps it. Requests for the same letter that
 * arrive while it prints wait for that one print rather than start their own.
 */
@QueryHandler(RenderNoticePdf)
export class RenderNoticePdfHandler implements IQueryHandler<RenderNoticePdf, Buffer> {
  private readonly printing = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly queries: QueryBus,
    private readonly pool: PdfBrowserPool,
    private readonly cache: NoticePdfCache,
  ) {}

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
    const version = NoticePdfCache.versionOf(html);
    const key = `${query.tenantId}/${query.noticeId}/${version}`;
    const inFlight = this.printing.get(key);
    if (inFlight) return inFlight;
    const pdf = this.cachedOrPrinted(query.tenantId, query.noticeId, version, html);
    this.printing.set(key, pdf);
    try {
      return await pdf;
    } finally {
      this.printing.delete(key);
    }
  }

  private async cachedOrPrinted(
    tenantId: string,
    noticeId: string,
    version: string,
    html: string,
  ): Promise<Buffer> {
    const cached = await this.cache.get(tenantId, noticeId, version);
    if (cached) return cached;
    if (!this.pool.installed) throw new PdfUnavailableError();
    const pdf = await this.pool.print(html);
    await this.cache.put(tenantId, noticeId, version, pdf);
    return pdf;
  }
}
