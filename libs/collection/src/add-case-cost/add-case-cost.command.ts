import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export interface AddCaseCostInput {
  readonly caseId: string;
  /** A code: travel, legal-fee, court-fee, appraisal… (COST_CATEGORIES suggests a list). */
  readonly category: string;
  readonly amount: string;
  /** The receipt or voucher number (费用凭据). */
  readonly voucherRef?: string;
  /** Default today. */
  readonly incurredOn?: string;
  readonly legalMatterId?: string;
  readonly notes?: string;
}

export class AddCaseCost extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: AddCaseCostInput,
  ) {
    super(meta);
  }
}
