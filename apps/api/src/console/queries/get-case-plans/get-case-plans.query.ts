import { ActorMeta, CollectionQuery, type PlanRulesView } from '@qingshou/collection';

export interface CasePlanInstalment {
  /** 0 = 首付, 1… the instalments. */
  readonly seq: number;
  readonly dueOn: string;
  readonly amount: string;
  readonly paid: string;
  /** As the nightly run left it: pending, kept or missed. */
  readonly status: string;
}

export interface CasePlan {
  readonly id: string;
  /** proposed, active, kept, broken, cancelled. */
  readonly status: string;
  readonly arrears: string;
  readonly penalty: string;
  readonly waiver: string;
  readonly total: string;
  readonly downPayment: string;
  readonly count: number;
  readonly startOn: string;
  readonly graceDays: number;
  readonly agreedOn: string | null;
  readonly keptOn: string | null;
  readonly brokenOn: string | null;
  readonly waiverWithdrawn: boolean;
  /** pending, approved, rejected; null: the plan needed no approval. */
  readonly approvalStatus: string | null;
  readonly notes: string | null;
  /** The signed agreement's scan (扫描件): its name, sha256 and when it was filed. */
  readonly signed: { name: string; sha256: string; at: string } | null;
  readonly instalments: CasePlanInstalment[];
}

export interface CasePlans {
  /** The business day in the tenant's zone (an instalment past it unpaid is 逾期). */
  readonly today: string;
  /** The case's arrears from the ledger's snapshot: overdue principal, interest and fees. */
  readonly arrears: string;
  /** 罚息 and 复利 on them as of the same snapshot. */
  readonly penalty: string;
  /** The pack's `plans:` rules; null: the pack agrees no plans. */
  readonly rules: PlanRulesView | null;
  /** Newest first. */
  readonly plans: CasePlan[];
}

/** For the case page's 还款计划 panel: the ledger's figures, the pack's limits, the plans. */
export class GetCasePlans extends CollectionQuery {
  constructor(
    meta: ActorMeta,
    readonly caseId: string,
  ) {
    super(meta);
  }
}
