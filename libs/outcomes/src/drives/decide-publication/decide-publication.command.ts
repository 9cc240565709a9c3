import { ActorCommand, ActorMeta } from '@qingshou/core';

/**
 * Approves or rejects a public drive publication (公开曝光 of bad-faith defaulters): only the
 * approver role the pack names (or a manager) decides, and never the person who asked.
 */
export class DecidePublication extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly driveId: string,
    readonly publicationId: string,
    readonly decision: 'approved' | 'rejected',
    readonly note?: string,
  ) {
    super(meta);
  }
}
