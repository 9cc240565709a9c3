import { DISPUTE_KINDS, DISPUTE_PAUSES, type DisputePause } from '@qingshou/collection';
import { ArrayNotEmpty, IsOptional } from 'class-validator';
import { PLATFORM_ROLES } from './common.schema';
import { Int, OneOf, Optional, Required } from './rules';

/**
 * 异议 (issue 16 §2): a collector or the debtor disputes an account (amount wrong, identity,
 * already paid, not my debt) with documents; escalation waits on the disputed account (or the
 * whole case) until `decidedBy` decides, and resumes from the decision day.
 */
export class DisputesSpec {
  /** The kinds the office accepts: amount-wrong, identity, already-paid, not-my-debt. */
  @Required()
  @ArrayNotEmpty({ message: 'must name at least one kind' })
  @OneOf(DISPUTE_KINDS, { each: true })
  kinds!: string[];

  /** account: only the disputed account's days stop counting; case: every account's. */
  @IsOptional()
  @OneOf(DISPUTE_PAUSES)
  pause: DisputePause = 'account';

  /** The platform role that decides (a manager may always decide). */
  @Required()
  @OneOf(PLATFORM_ROLES)
  decidedBy!: string;

  /** Days the decider has from the day it is raised; shown as the decision's due date. */
  @Optional()
  @Int(1, 365)
  maxDays?: number;
}
