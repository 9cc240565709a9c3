import { ActorMeta, ActorQuery } from '@qingshou/core';

/** The bytes of a generated run, with what a download needs. */
export class GetReportFile extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly runId: string,
  ) {
    super(meta);
  }
}

export interface ReportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly sha256: string;
  readonly content: Buffer;
}
