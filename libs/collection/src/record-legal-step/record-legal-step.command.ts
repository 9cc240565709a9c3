import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { LegalStep } from '../domain/vocabulary';
import type { UploadedFile } from '../log-contact/log-contact.command';

export interface RecordLegalStepInput {
  readonly caseId: string;
  /**
   * filing 立案 opens the matter; preservation 查扣冻结, negotiation, mediation, hearing,
   * judgment, enforcement follow; withdrawal 撤诉 and closure 结案 close it.
   */
  readonly step: LegalStep;
  /** Default today. */
  readonly occurredOn?: string;
  readonly court?: string;
  readonly courtCaseNumber?: string;
  readonly lawyer?: string;
  /** Claimed (filing 诉讼标的), frozen (preservation), awarded (judgment) or recovered (enforcement). */
  readonly amount?: string;
  readonly details?: string;
  /** 篇一 第四步 4: each matter's costs (filing fee, preservation fee, lawyer). */
  readonly cost?: { category: string; amount: string; voucherRef?: string };
  /** The step's document (起诉状, 裁定书, 判决书, 执行裁定 …). */
  readonly file?: UploadedFile;
}

export class RecordLegalStep extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: RecordLegalStepInput,
  ) {
    super(meta);
  }
}

export interface RecordLegalStepResult {
  readonly legalMatterId: string;
  readonly legalEventId: string;
  readonly costId: string | null;
  readonly attachmentId: string | null;
}
