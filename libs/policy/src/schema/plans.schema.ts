import { IsOptional, Matches } from 'class-validator';
import { PLATFORM_ROLES } from './common.schema';
import { Bool, Int, OneOf, Optional, Required } from './rules';

const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;
const SHARE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
const Amount = () => Matches(AMOUNT, { message: 'must be an amount in yuan like "500.00"' });
const Share = () => Matches(SHARE, { message: 'must be a share between "0" and "1", like "0.10"' });

/** What keeping a plan does to the case: the ladder pauses, or it runs as before. */
export const PLAN_KEPT_EFFECTS = ['pause-ladder', 'none'] as const;
export type PlanKeptEffect = (typeof PLAN_KEPT_EFFECTS)[number];

/**
 * 还款计划 / 分期还款协议 (issue 16 §1; 篇一 "书面还款计划"): the arrears, with the penalty and
 * any waiver allowed, split into a down payment and instalments. Amounts are quoted strings
 * (no floats reach money code); shares are of the plan's total (down payment) or of the
 * penalty (waiver). Without this block a tenant cannot agree plans.
 */
export class PlansSpec {
  /** 首付比例: the down payment's least share of the plan's total. */
  @IsOptional()
  @Share()
  minDownPaymentShare = '0';

  /** 最多期数 (not counting the down payment). */
  @Required()
  @Int(1, 360)
  maxInstalments!: number;

  /** 最长期限: months from the plan's start to its last instalment. */
  @Required()
  @Int(1, 360)
  maxTermMonths!: number;

  /** 每期最低金额. */
  @IsOptional()
  @Amount()
  minInstalment = '0.01';

  /** 宽限天数: an instalment short this many days after its due date breaks the plan. */
  @IsOptional()
  @Int(0, 90)
  graceDays = 0;

  /** 审批门槛: a plan whose total is above this needs the approver's yes before it is agreed. */
  @Optional()
  @Amount()
  approvalAbove?: string;

  @IsOptional()
  @OneOf(PLATFORM_ROLES)
  approverRole = 'manager';

  /** Platform roles that may propose and agree a plan with the debtor. */
  @Required()
  @OneOf(PLATFORM_ROLES, { each: true })
  agreeRoles!: string[];

  /** 罚息减免: the largest share of the penalty a plan may waive, on condition it is kept. */
  @IsOptional()
  @Share()
  maxPenaltyWaiverShare = '0';

  @IsOptional()
  @OneOf(PLAN_KEPT_EFFECTS)
  whileKept: PlanKeptEffect = 'pause-ladder';

  /** A broken plan withdraws its conditional waiver (the full penalty is owed again). */
  @IsOptional()
  @Bool()
  withdrawWaiverOnBreak = true;
}
