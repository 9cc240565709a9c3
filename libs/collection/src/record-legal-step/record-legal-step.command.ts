import { ActorMeta, CollectionCommand } from '../domain/collection-command';
import type { LegalStep } from '../domain/vocabulary';

export interface RecordLegalStepInput {
  readonly caseId: string;
  /** filing 立案 opens the matter; preservation 查扣冻结, hearing, judgment, enforcement follow. */
  readonly step: LegalStep;
  /** Default today. */
  readonly occurredOn?: string;
  readonly court?: string;
  readonly courtCaseNumber?: string;
  readonly lawyer?: string;
  /** Frozen (preservation), awarded (judgment) or recovered (enforcement). */
  readonly amount?: string;
  readonly details?: string;
  /** 篇一 第四步 4: each matter's costs (filing fee, preservation fee, lawyer). */
  readonly cost?: { category: string; amount: string; voucherRef?: string };
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
}
