import { ActorMeta, ActorQuery } from '@qingshou/core';

/** The issued notice printed to an A4 PDF, from the HTML stored when it was rendered. */
export class RenderNoticePdf extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly noticeId: string,
  ) {
    super(meta);
  }
}
