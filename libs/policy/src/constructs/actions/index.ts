import { approvalAction } from './approval.action';
import { blacklistOnSettlementAction } from './blacklist-on-settlement.action';
import { contactGuarantorAction } from './contact-guarantor.action';
import { clearFlagAction, setFlagAction } from './flag.action';
import { noticeAction } from './notice.action';
import { notifyRoleAction } from './notify-role.action';
import { publishListAction } from './publish-list.action';
import { referToLegalAction } from './refer-to-legal.action';
import { taskAction } from './task.action';

/** Every action a pack may take, one file each (setFlag/clearFlag share their arguments). */
export const ACTION_DEFINITIONS = {
  task: taskAction,
  notice: noticeAction,
  approval: approvalAction,
  contactGuarantor: contactGuarantorAction,
  referToLegal: referToLegalAction,
  setFlag: setFlagAction,
  clearFlag: clearFlagAction,
  blacklistOnSettlement: blacklistOnSettlementAction,
  notifyRole: notifyRoleAction,
  publishList: publishListAction,
};

export { approverProblems, type ActionDefinition } from './action-definition';
export { ApprovalArgs } from './approval.action';
export { BlacklistOnSettlementArgs } from './blacklist-on-settlement.action';
export { ContactGuarantorArgs } from './contact-guarantor.action';
export { FlagActionArgs } from './flag.action';
export { NoticeArgs } from './notice.action';
export { NotifyRoleArgs } from './notify-role.action';
export { PublishListArgs } from './publish-list.action';
export { ReferToLegalArgs } from './refer-to-legal.action';
export { TASK_UNTIL, TaskArgs } from './task.action';
