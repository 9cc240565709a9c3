import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { UploadedFile } from '../log-contact/log-contact.command';

/**
 * The scan (扫描件) of the 分期还款协议书 the debtor signed: stored as the case's attachment
 * with its sha256, and the plan marked 已签署. A newer scan replaces the reference (the old
 * file stays among the case's attachments).
 */
export class RecordSignedPlan extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly planId: string,
    readonly file: UploadedFile,
  ) {
    super(meta);
  }
}

export interface RecordSignedPlanResult {
  readonly planId: string;
  readonly attachmentId: string;
  readonly sha256: string;
}
