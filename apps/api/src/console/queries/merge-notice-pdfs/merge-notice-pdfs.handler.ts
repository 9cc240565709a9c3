import { IQueryBus, IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { requirePermission, ValidationFailedError, viewerOf } from '@qingshou/core';
import { RenderNoticePdf } from '@qingshou/notices';
import { PDFDocument } from 'pdf-lib';
import { MERGE_MAX, MergeNoticePdfs } from './merge-notice-pdfs.query';

@QueryHandler(MergeNoticePdfs)
export class MergeNoticePdfsHandler implements IQueryHandler<MergeNoticePdfs, Buffer> {
  constructor(private readonly queries: QueryBus) {}

  async execute(query: MergeNoticePdfs): Promise<Buffer> {
    requirePermission(viewerOf(query), 'notice.read');
    const ids = [...new Set(query.noticeIds)];
    if (ids.length === 0 || ids.length > MERGE_MAX) {
      throw new ValidationFailedError('Choose between 1 and 200 letters', [
        { path: 'notice', reason: `between 1 and ${MERGE_MAX} letters` },
      ]);
    }
    const merged = await PDFDocument.create();
    // One at a time: the PDF pool prints with a bounded number of Chromium pages anyway.
    for (const id of ids) {
      const pdf = await (this.queries as IQueryBus).execute<RenderNoticePdf, Buffer>(
        new RenderNoticePdf(
          {
            tenantId: query.tenantId,
            actorId: query.actorId,
            roles: query.roles,
            correlationId: query.correlationId,
          },
          id,
        ),
      );
      const source = await PDFDocument.load(pdf);
      const pages = await merged.copyPages(source, source.getPageIndices());
      for (const page of pages) merged.addPage(page);
    }
    return Buffer.from(await merged.save());
  }
}
