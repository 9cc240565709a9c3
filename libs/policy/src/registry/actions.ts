import {
  ApprovalArgs,
  BlacklistOnSettlementArgs,
  ContactGuarantorArgs,
  FlagActionArgs,
  NoticeArgs,
  NotifyRoleArgs,
  PublishListArgs,
  ReferToLegalArgs,
  TaskArgs,
} from './action-args';
import { isPlainObject, RegistryEntry, wrapShorthand } from './registry.types';

const emptyShorthand = (value: unknown) =>
  value === true || value === null || value === undefined ? {} : value;

/** `to: debtor` → `to: [debtor]`. */
function noticeShorthand(value: unknown): unknown {
  const wrapped = wrapShorthand('template', value);
  if (isPlainObject(wrapped) && typeof wrapped.to === 'string')
    return { ...wrapped, to: [wrapped.to] };
  return wrapped;
}

/**
 * ACTIONS: what a stage, rule, routine, reminder or drive phase does. Each action is an
 * object with exactly one of these keys. Closed: a new kind of action is a platform change.
 */
export const ACTIONS = {
  task: {
    args: TaskArgs,
    summary: {
      zh: '生成任务（可重复、带时限、指定角色）',
      en: 'Create a task (optionally repeating, with an SLA and a role)',
    },
    example:
      "task: { kind: call, every: 1d, until: paid, sla: '2 working hours' }   # or task: visit",
    normalize: (v: unknown) => wrapShorthand('kind', v),
  },
  notice: {
    args: NoticeArgs,
    summary: { zh: '发出通知书（模板）', en: 'Issue a notice from a template' },
    example: 'notice: { template: overdue-demand, to: [debtor, guarantor] }',
    normalize: noticeShorthand,
  },
  approval: {
    args: ApprovalArgs,
    summary: { zh: '请求某角色审批', en: 'Request an approval from a role' },
    example: 'approval: { kind: legal-referral, by: legal }',
    normalize: (v: unknown) => wrapShorthand('kind', v),
  },
  contactGuarantor: {
    args: ContactGuarantorArgs,
    summary: {
      zh: '联系担保人（告知或要求代偿）',
      en: 'Contact the guarantor (inform, or ask them to pay)',
    },
    example: 'contactGuarantor: { ask: pay }',
    normalize: emptyShorthand,
  },
  referToLegal: {
    args: ReferToLegalArgs,
    summary: {
      zh: '移交法务（可先审批）',
      en: 'Refer the case to legal, optionally behind an approval',
    },
    example: 'referToLegal: { steps: [filing, preservation], approval: { by: legal } }',
    normalize: emptyShorthand,
  },
  setFlag: {
    args: FlagActionArgs,
    summary: { zh: '设置标记或惩戒', en: 'Set a flag or sanction' },
    example: 'setFlag: credit-hold',
    normalize: (v: unknown) => wrapShorthand('flag', v),
  },
  clearFlag: {
    args: FlagActionArgs,
    summary: { zh: '清除标记', en: 'Clear a flag' },
    example: 'clearFlag: credit-hold',
    normalize: (v: unknown) => wrapShorthand('flag', v),
  },
  blacklistOnSettlement: {
    args: BlacklistOnSettlementArgs,
    summary: {
      zh: '结清后列入黑名单，不再放贷',
      en: 'Blacklist the debtor once settled: no new loans',
    },
    example: 'blacklistOnSettlement: {}',
    normalize: emptyShorthand,
  },
  notifyRole: {
    args: NotifyRoleArgs,
    summary: { zh: '通知某角色', en: 'Notify a role' },
    example:
      'notifyRole: { role: manager, message: { zh: 客户拒付, en: Customer refuses to pay } }',
    normalize: (v: unknown) => wrapShorthand('role', v),
  },
  publishList: {
    args: PublishListArgs,
    summary: { zh: '公布名单（必须先审批）', en: 'Publish a list (always behind an approval)' },
    example:
      'publishList: { list: bad-faith-defaulters, approval: { kind: publish-list, by: manager } }',
  },
} satisfies Record<string, RegistryEntry>;

export type ActionName = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

type ArgsOf<E> = E extends { args: new () => infer A } ? A : never;

/** A parsed action: exactly one key. */
export type ActionSpec = {
  [K in ActionName]: { [P in K]: ArgsOf<(typeof ACTIONS)[K]> };
}[ActionName];
