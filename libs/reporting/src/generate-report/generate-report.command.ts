import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { Lang } from '../document/report-document';
import type { ReportFormat } from '../runs/report-runs';

/**
 * Generates one pack report now, as of a date, in one format (on demand). A second request
 * for the same report, date and format replaces the earlier file: figures may have moved.
 */
export class GenerateReport extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly reportId: string,
    readonly asOf: string,
    readonly format: ReportFormat,
    /** Headers and labels in Chinese (default) or English. */
    readonly lang: Lang = 'zh',
  ) {
    super(meta);
  }
}
