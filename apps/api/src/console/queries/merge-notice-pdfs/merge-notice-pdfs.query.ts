import { ActorMeta, ActorQuery } from '@qingshou/core';

/**
 * 批量打印通知书: the letters' PDFs (each through RenderNoticePdf, so its access rule and
 * its PDF cache apply) merged into one document, in the order given, for one print run.
 */
export class MergeNoticePdfs extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly noticeIds: readonly string[],
  ) {
    super(meta);
  }
}

/** At most this many letters in one merged PDF (one print run of a team's day). */
export const MERGE_MAX = 200;
