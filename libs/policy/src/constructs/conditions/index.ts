import { accountTypeCondition } from './account-type.condition';
import { amountCondition } from './amount.condition';
import { attributeCondition } from './attribute.condition';
import { brokenPromisesCondition } from './broken-promises.condition';
import { caseStatusCondition } from './case-status.condition';
import { contactOutcomeCondition } from './contact-outcome.condition';
import { dateWindowCondition } from './date-window.condition';
import { daysSinceCondition } from './days-since.condition';
import { dpdCondition } from './dpd.condition';
import { drivePhaseCondition } from './drive-phase.condition';
import { flagCondition } from './flag.condition';
import { groupMetricCondition } from './group-metric.condition';
import { loanClassCondition } from './loan-class.condition';
import { overdueInstallmentsCondition } from './overdue-installments.condition';
import { promiseCondition } from './promise.condition';
import { reasonCodeCondition } from './reason-code.condition';
import { settledBeforeCondition } from './settled-before.condition';
import { stageReachedCondition } from './stage-reached.condition';

/**
 * Every condition a pack may test, one file each. The registry (registry/conditions.ts),
 * the engine's judge and the SQL compiler dispatch over this object and name no condition.
 * The order is the format reference's.
 */
export const CONDITION_DEFINITIONS = {
  dpd: dpdCondition,
  daysSince: daysSinceCondition,
  brokenPromises: brokenPromisesCondition,
  promise: promiseCondition,
  amount: amountCondition,
  loanClass: loanClassCondition,
  overdueInstallments: overdueInstallmentsCondition,
  accountType: accountTypeCondition,
  groupMetric: groupMetricCondition,
  dateWindow: dateWindowCondition,
  settledBefore: settledBeforeCondition,
  drivePhase: drivePhaseCondition,
  flag: flagCondition,
  caseStatus: caseStatusCondition,
  attribute: attributeCondition,
  reasonCode: reasonCodeCondition,
  contactOutcome: contactOutcomeCondition,
  stageReached: stageReachedCondition,
};

export { AccountTypeArgs } from './account-type.condition';
export { AmountArgs, SQL_AMOUNT_FIELDS } from './amount.condition';
export { AttributeArgs } from './attribute.condition';
export { BrokenPromisesArgs } from './broken-promises.condition';
export { CaseStatusArgs } from './case-status.condition';
export { ContactOutcomeArgs } from './contact-outcome.condition';
export { DateWindowArgs } from './date-window.condition';
export { DaysSinceArgs } from './days-since.condition';
export { DpdArgs } from './dpd.condition';
export { DrivePhaseArgs } from './drive-phase.condition';
export { FlagArgs } from './flag.condition';
export { GroupMetricArgs } from './group-metric.condition';
export { LOAN_CLASSES, LoanClassArgs } from './loan-class.condition';
export {
  OVERDUE_INSTALLMENT_COUNTS,
  OverdueInstallmentsArgs,
} from './overdue-installments.condition';
export { PromiseArgs } from './promise.condition';
export { ReasonCodeArgs } from './reason-code.condition';
export { SettledBeforeArgs } from './settled-before.condition';
export { StageReachedArgs } from './stage-reached.condition';
