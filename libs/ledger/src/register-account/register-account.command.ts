import { ActorCommand, ActorMeta } from '@qingshou/core';
import type { Installment } from '../domain/schedule/schedule.types';
import type { AccountType } from '../entities/account.entity';

/** One row of a schedule entered or imported as given; seq defaults to the row's position. */
export interface GivenInstallment {
  readonly seq?: number;
  readonly dueDate: string;
  readonly principal: string;
  readonly interest: string;
}

/**
 * How the schedule comes about. The generators take principal, rate, start date and day
 * basis from the account itself, so only the method's own parameters appear here.
 */
export type ScheduleInput =
  | {
      readonly method: 'equal-installment' | 'equal-principal' | 'interest-only';
      readonly termMonths: number;
      readonly firstDueDate?: string;
    }
  | {
      readonly method: 'bullet';
      readonly termMonths: number;
      readonly firstDueDate?: string;
      /** 'maturity' (利随本清, default) or 'monthly' (interest monthly, principal at the end). */
      readonly interestPayment?: 'maturity' | 'monthly';
      /** Price maturity interest by actual days at the account's basis instead of by months. */
      readonly interestByActualDays?: boolean;
    }
  | {
      readonly method: 'student-loan';
      readonly subsidyEndDate: string;
      readonly graceYears: number;
      readonly finalDueDate: string;
    }
  | { readonly method: 'given'; readonly installments: readonly GivenInstallment[] };

export interface AccountInput {
  readonly debtorId: string;
  readonly type: AccountType;
  /** Where the account comes from (a lender system, an import feed); externalRef is unique in it. */
  readonly source: string;
  readonly externalRef: string;
  readonly principal: string;
  /** '0.06' or '6%'. */
  readonly annualRate: string;
  /**
   * The three terms below come from the tenant's pinned pack where it states them; give one
   * only to set the account's own, which the pack must allow (interest.accountMayOverride) —
   * a value equal to the pack's is accepted as no override. Where the pack is silent: 360,
   * markup 0, compound off unless given (DESIGN §4, docs/policy-packs.md).
   */
  readonly dayCountBasis?: 360 | 365;
  /** 罚息 markup: '0.5' or '50%' means penalty rate = contract rate × 1.5. */
  readonly penaltyMarkup?: string;
  /** 复利 on overdue interest at the penalty rate. */
  readonly compoundInterest?: boolean;
  readonly startDate: string;
  readonly schedule: ScheduleInput;
}

export class RegisterAccount extends ActorCommand {
  constructor(
    meta: ActorMeta,
    readonly account: AccountInput,
  ) {
    super(meta);
  }
}

export interface RegisteredAccount {
  readonly id: string;
  readonly installments: readonly Installment[];
}
