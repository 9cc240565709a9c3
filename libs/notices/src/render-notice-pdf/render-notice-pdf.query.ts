import { CommandMeta, TenantQuery } from '@qingshou/core';

/** The issued notice printed to an A4 PDF, from the HTML stored when it was rendered. */
export class RenderNoticePdf extends TenantQuery {
  constructor(
    meta: CommandMeta,
    readonly noticeId: string,
  ) {
    super(meta);
  }
}
