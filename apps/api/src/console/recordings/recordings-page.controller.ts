import { Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { attachmentDisposition } from '../../reports/content-disposition';
import { ConsoleController } from '../http/console-controller';
import {
  GetRecordingFile,
  ListRecordings,
  RecordingFile,
  RecordingsPage,
} from '../queries/list-recordings/list-recordings.query';
import { ConsoleViews } from '../render/console-views';
import { Page, PageContext } from '../render/page-context';

/** 录音档案 (篇八 全程录音): the contacts' call recordings, to check and download. */
@ConsoleController('recordings', 'recordings.read')
export class RecordingsPageController {
  constructor(
    private readonly queries: QueryBus,
    private readonly views: ConsoleViews,
  ) {}

  @Get()
  async list(@Page() page: PageContext, @Query('after') after?: string): Promise<string> {
    const data = await this.queries.execute<ListRecordings, RecordingsPage>(
      new ListRecordings(page.meta(), typeof after === 'string' ? after : null),
    );
    return this.views.page('recordings/index', page, {
      title: 'recordings.title',
      ...data,
      rows: data.rows.map((row) => ({ ...row, size: sizeText(row.sizeBytes) })),
      nextHref: data.next ? `/console/recordings?after=${encodeURIComponent(data.next)}` : null,
      paged: Boolean(after),
    });
  }

  @Get(':id/file')
  async download(
    @Page() page: PageContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.queries.execute<GetRecordingFile, RecordingFile>(
      new GetRecordingFile(page.meta(), id),
    );
    response
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Disposition': attachmentDisposition(file.originalName),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      })
      .send(file.data);
  }
}

/** 1.2 MB / 35 KB: a file size people read (1024-based, one decimal). */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}
