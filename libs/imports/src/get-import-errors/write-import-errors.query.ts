import { ActorMeta, ActorQuery } from '@qingshou/core';
import type { Writable } from 'node:stream';

/**
 * GET /imports/{id}/errors.csv: streams the per-row report into `out` (the HTTP response).
 * Works while the import runs too: it shows the chunks committed so far.
 */
export class WriteImportErrors extends ActorQuery {
  constructor(
    meta: ActorMeta,
    readonly importId: string,
    readonly out: Writable,
    /** Called once the import is known to exist, before the first byte (headers go then). */
    readonly onFound?: (fileName: string) => void,
  ) {
    super(meta);
  }
}
