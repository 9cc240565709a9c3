/** The argument classes of ACTIONS, each defined beside its action (constructs/actions). */
export {
  ApprovalArgs,
  approverProblems,
  BlacklistOnSettlementArgs,
  ContactGuarantorArgs,
  FlagActionArgs,
  NoticeArgs,
  NotifyRoleArgs,
  PublishListArgs,
  ReferToLegalArgs,
  TASK_UNTIL,
  TaskArgs,
} from '../constructs/actions';
