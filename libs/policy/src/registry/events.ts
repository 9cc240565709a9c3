import type { Bilingual } from './registry.types';

/**
 * Events packs may react to (`rules[].on`) or count days from (`daysSince`). Closed: a new
 * one is a platform change, because something must emit it.
 */
export const EVENTS = {
  caseOpened: { zh: '立案（开始催收）', en: 'A case was opened' },
  caseImported: { zh: '案件导入', en: 'A case arrived in an import batch' },
  batchReceived: { zh: '收到委托方案件数据', en: "A client's case batch was received" },
  caseAssigned: { zh: '案件分配', en: 'A case was assigned to a collector' },
  caseReassigned: { zh: '案件交接', en: 'A case was handed over to another collector' },
  contactLogged: { zh: '记录联系', en: 'A contact attempt was logged' },
  promiseRecorded: { zh: '承诺还款', en: 'A promise to pay was recorded' },
  promiseKept: { zh: '承诺兑现', en: 'A promise was kept' },
  promiseBroken: { zh: '承诺未兑现', en: 'A promise was broken' },
  planAgreed: { zh: '还款计划生效', en: 'A repayment plan was agreed' },
  planKept: { zh: '还款计划履行完毕', en: 'A repayment plan was paid off' },
  // Dated the day after the grace of the first instalment still short then.
  planBroken: { zh: '还款计划违约', en: 'A repayment plan was broken' },
  paymentReceived: { zh: '收到还款', en: 'A payment was received' },
  caseSettled: { zh: '结清', en: 'The arrears were settled' },
  caseClosed: { zh: '结案', en: 'The case was closed' },
  noticeSent: { zh: '发出通知', en: 'A notice was sent' },
  noticeSigned: { zh: '签收', en: 'A notice was signed for' },
  noticeRefused: { zh: '拒收', en: 'A notice was refused' },
  noticeUndeliverable: { zh: '无法送达', en: 'A notice could not be delivered' },
  // Dated only (daysSince): the day after a delivered notice's deadline, counted from its
  // recorded delivery (notices.deadline); nothing emits it for `rules[].on`.
  noticeDeadlinePassed: {
    zh: '通知期限届满（次日起）',
    en: "A notice's deadline passed (the day after it)",
  },
  replySlipReturned: { zh: '回执返回', en: 'A reply slip came back' },
  visitHandedOff: { zh: '移交外访', en: 'A case was handed to a field collector' },
  visitCompleted: { zh: '外访完成', en: 'A field visit was completed' },
  approvalGranted: { zh: '审批通过', en: 'An approval was granted' },
  approvalRejected: { zh: '审批驳回', en: 'An approval was rejected' },
  legalReferred: { zh: '移交法务', en: 'The case was referred to legal' },
  stageEntered: { zh: '进入阶段', en: 'The case entered a stage' },
  attributeRecorded: { zh: '记录客户情况', en: 'An assessment attribute was recorded' },
  dueDate: { zh: '到期日', en: 'An installment fell due' },
  agreementEnded: { zh: '委托协议终止', en: 'The client agreement ended' },
} as const satisfies Record<string, Bilingual>;

export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
