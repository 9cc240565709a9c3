import { ActorMeta, ActorQuery } from '@qingshou/core';

export interface ImportListRow {
  readonly id: string;
  readonly kind: string;
  readonly mappingName: string;
  readonly fileName: string;
  readonly status: string;
  readonly rowsTotal: number;
  readonly rowsOk: number;
  readonly rowsFailed: number;
  readonly requestedAt: string;
  readonly finishedAt: string | null;
}

/** The tenant's latest imports, newest first. */
export class ListImports extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly limit = 50,
  ) {
    super(meta);
  }
}

export interface ImportErrorRow {
  readonly rowNo: number;
  readonly column: string;
  readonly value: string;
  readonly reason: string;
  readonly reasonZh: string;
}

/** The first row errors of an import, in file order (the CSV report has them all). */
export class ListImportErrors extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly importId: string,
    readonly limit = 100,
  ) {
    super(meta);
  }
}
