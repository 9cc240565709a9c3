import { ActorMeta, CollectionCommand } from '../domain/collection-command';

export interface ProposePlanInput {
  readonly caseId: string;
  /** Yuan as decimal strings ('13200.00'): the arrears the plan covers, as the ledger states them. */
  readonly arrears: string;
  /** Penalty interest (罚息) on them; default none. */
  readonly penalty?: string;
  /** The part of the penalty waived while the plan is kept (within the pack's share). */
  readonly waiver?: string;
  /** 首付; default none. */
  readonly downPayment?: string;
  /** Instalments after the down payment. */
  readonly count: number;
  /** The down payment's due day and the plan's start; default today. */
  readonly startOn?: string;
  readonly firstDueOn: string;
  /** 每期间隔: months between instalments (default 1, monthly). */
  readonly intervalMonths?: number;
  readonly notes?: string;
}

/**
 * 还款计划: proposes a plan on a case within the pack's `plans:` rules. Above the pack's
 * threshold it also asks the approver (approval kind `repayment-plan`); AgreePlan makes it
 * live once the debtor signs and, where needed, the approver said yes.
 */
export class ProposePlan extends CollectionCommand {
  constructor(
    meta: ActorMeta,
    readonly input: ProposePlanInput,
  ) {
    super(meta);
  }
}

export interface ProposePlanResult {
  readonly id: string;
  readonly total: string;
  /** The approval asked for, when the total is above the pack's threshold. */
  readonly approvalId: string | null;
}
