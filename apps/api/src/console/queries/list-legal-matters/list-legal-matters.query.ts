import { ActorMeta, CollectionQuery } from '@qingshou/collection';

export interface LegalMatterRow {
  readonly caseId: string;
  readonly debtorName: string;
  readonly caseStatus: string;
  readonly dpd: number;
  readonly amountDue: string;
  /** null: referred (legal-referral approved or stage legal) but not filed yet. */
  readonly matterStatus: 'open' | 'closed' | null;
  readonly court: string | null;
  readonly courtCaseNumber: string | null;
  readonly lastStep: string | null;
  readonly lastStepOn: string | null;
  readonly costs: string;
}

/**
 * 法务 的案件: cases referred to legal — an approved legal-referral, status 'legal', or a legal
 * matter on record — of those the viewer sees; unfiled referrals first, then by last step.
 */
export class ListLegalMatters extends CollectionQuery {
  constructor(meta: ActorMeta) {
    super(meta);
  }
}

export interface LegalStepRow {
  readonly id: string;
  readonly step: string;
  readonly occurredOn: string;
  readonly amount: string | null;
  readonly details: string | null;
  readonly attachmentId: string | null;
  readonly attachmentName: string | null;
  /** The person's name; null for a job or the CLI (shown as 系统). */
  readonly recordedBy: string | null;
}

export interface LegalCostRow {
  readonly category: string;
  readonly amount: string;
  readonly incurredOn: string;
  readonly voucherRef: string | null;
}

export interface SettlementRow {
  readonly asset: string;
  readonly appraisalValue: string;
  readonly appraisedOn: string | null;
  readonly titleTransferOn: string | null;
}

export interface LegalMatterDetail {
  readonly row: LegalMatterRow;
  /** The newest matter of the case (open, else the last closed one), or none before filing. */
  readonly matter: {
    readonly id: string;
    readonly status: 'open' | 'closed';
    readonly filedOn: string;
    readonly court: string | null;
    readonly courtCaseNumber: string | null;
    readonly lawyer: string | null;
  } | null;
  readonly steps: LegalStepRow[];
  readonly costs: LegalCostRow[];
  readonly settlements: SettlementRow[];
  readonly referralApproved: boolean;
}

/** One case's legal matter with its steps, costs, documents and 以物抵债; 404 if not visible. */
export class GetLegalMatter extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}

/** A document of a legal step, if the step is on a case the viewer sees. */
export class GetLegalDocument extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
    readonly attachmentId: string,
  ) {
    super(meta);
  }
}
