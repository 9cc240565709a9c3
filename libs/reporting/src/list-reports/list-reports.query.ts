import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { Bilingual } from '../document/report-document';
import type { ReportRunView } from '../runs/report-runs';

/** The pinned pack's report catalogue and the most recent generated runs. */
export class ListReports extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly reportId?: string,
    readonly limit = 100,
  ) {
    super(meta);
  }
}

export interface ReportCatalogueEntry {
  readonly id: string;
  readonly names: Bilingual;
  readonly schedule: {
    readonly every: string;
    readonly on?: string | number;
    readonly at?: string;
  };
  readonly per: readonly string[];
  readonly targets: readonly string[];
  readonly metrics: readonly string[];
  readonly columns: readonly string[];
  readonly recipients: readonly string[];
}

export interface ReportsView {
  readonly pack: { readonly id: string; readonly version: string };
  readonly reports: ReportCatalogueEntry[];
  readonly runs: ReportRunView[];
}
