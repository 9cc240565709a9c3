import {
  CASE_STATUSES,
  CONTACT_CHANNELS,
  PROMISE_STATUSES,
  TASK_KINDS,
} from '@qingshou/collection';

/**
 * Closed vocabularies packs pick from. Case statuses, task kinds, contact channels and promise
 * statuses are collection's (it stores them, its CHECK constraints hold them): re-exported
 * from `@qingshou/collection`, never copied. The lists below that differ from collection's
 * are the pack's own (contact outcomes a condition may test, legal steps a pack plans).
 */
export { CASE_STATUSES, CONTACT_CHANNELS, PROMISE_STATUSES };

/** Who a notice goes to or a collector may contact. No unrelated third parties (篇八). */
export const PARTIES = ['debtor', 'guarantor', 'co-borrower', 'emergency-contact'] as const;
export type Party = (typeof PARTIES)[number];

/** Who a notice may be addressed to: parties to the debt, never an emergency contact. */
export const NOTICE_RECIPIENTS = ['debtor', 'guarantor', 'co-borrower'] as const;

/** Task kinds the platform knows; a pack adds its own under `taskKinds`, each on a base. */
export const PLATFORM_TASK_KINDS = TASK_KINDS;

/** Contact outcomes conditions may test; 'stalling' is 篇一's 推委、拖延. */
export const CONTACT_OUTCOMES = [
  'reached',
  'promised-to-pay',
  'refused',
  'stalling',
  'disputed',
  'no-answer',
  'busy',
  'wrong-number',
  'left-message',
  'not-at-home',
  'letter-delivered',
  'letter-returned',
] as const;

/** 篇一 第四步 / 篇五 第十三条: what legal plans once a case is referred. */
export const LEGAL_STEPS = [
  'filing',
  'preservation',
  'negotiation',
  'hearing',
  'judgment',
  'enforcement',
] as const;

/** Amounts an `amount` condition may test, as the ledger computes them as of the date. */
export const AMOUNT_FIELDS = [
  'overdueAmount',
  'overduePrincipal',
  'overdueInterest',
  'penaltyInterest',
  'compoundInterest',
  'totalDue',
  'outstandingPrincipal',
] as const;

/** What a flag means outside the system; reports print these labels. */
export const FLAG_EFFECTS = {
  'stop-supply': { zh: '停止供货', en: 'Stop supplying the customer' },
  'no-new-loans': { zh: '不予放贷', en: 'No new loans' },
  'no-promotion': { zh: '不予提拔', en: 'No promotion' },
  'no-transfer': { zh: '不得调动', en: 'No transfer' },
  'no-awards': { zh: '不得参与评先评优', en: 'No awards or honours' },
  'suspend-post': { zh: '停岗、停薪、停职', en: 'Suspended from post and pay' },
  'eligibility-suspended': {
    zh: '取消优惠政策享受资格',
    en: 'Preferential-policy eligibility suspended',
  },
  'public-list': { zh: '公开曝光', en: 'May be named on a published list' },
  'credit-report': { zh: '报送征信', en: 'Reported to the credit bureau' },
} as const;
export type FlagEffect = keyof typeof FLAG_EFFECTS;

/** One list of channels: the notices lib, which renders and delivers, owns it. */
export { NOTICE_CHANNELS } from '@qingshou/notices';

/** Columns a report may list; the reporting lib computes each. */
export const REPORT_COLUMNS = {
  debtorName: { zh: '客户名称', en: 'Debtor' },
  debtorIdMasked: { zh: '证件号码（脱敏）', en: 'ID number (masked)' },
  accountRef: { zh: '合同/账号', en: 'Account' },
  accountType: { zh: '账户类型', en: 'Account type' },
  group: { zh: '所属单位/村/学校', en: 'Group' },
  collector: { zh: '催收人员', en: 'Collector' },
  responsiblePerson: { zh: '责任人', en: 'Responsible person' },
  principal: { zh: '本金', en: 'Principal' },
  outstandingPrincipal: { zh: '剩余本金', en: 'Outstanding principal' },
  overdueAmount: { zh: '逾期金额', en: 'Overdue amount' },
  penaltyInterest: { zh: '罚息', en: 'Penalty interest' },
  dpd: { zh: '逾期天数', en: 'Days past due' },
  consecutiveOverdue: { zh: '连续逾期期数', en: 'Consecutive overdue installments' },
  cumulativeOverdue: { zh: '累计逾期期数', en: 'Cumulative overdue installments' },
  agingBucket: { zh: '账龄', en: 'Aging bucket' },
  loanClass: { zh: '五级分类', en: 'Loan class' },
  stage: { zh: '催收阶段', en: 'Stage' },
  status: { zh: '状态', en: 'Status' },
  reasonCode: { zh: '逾期原因', en: 'Overdue reason' },
  measures: { zh: '催收措施', en: 'Measures taken' },
  lastContactAt: { zh: '最近联系', en: 'Last contact' },
  contacts: { zh: '联系次数', en: 'Contacts' },
  visits: { zh: '外访次数', en: 'Visits' },
  promises: { zh: '承诺还款', en: 'Promises' },
  repayments: { zh: '本期还款', en: 'Repayments in period' },
  recoveredAmount: { zh: '清收金额', en: 'Recovered' },
  costs: { zh: '催收费用', en: 'Costs' },
  flags: { zh: '标记', en: 'Flags' },
  deadline: { zh: '清收期限', en: 'Deadline' },
  method: { zh: '清收方式', en: 'Method' },
  phase: { zh: '阶段', en: 'Drive phase' },
  agencyAmount: { zh: '本公司记录金额', en: 'Amount we recorded' },
  clientAmount: { zh: '委托方记录金额', en: "Amount in the client's file" },
  difference: { zh: '差额', en: 'Difference' },
  contributionArrears: { zh: '欠缴金额', en: 'Contribution arrears' },
  monthsStopped: { zh: '停缴月数', en: 'Months stopped' },
  target: { zh: '目标', en: 'Target' },
  actual: { zh: '实际', en: 'Actual' },
  gap: { zh: '差距', en: 'Gap' },
  // 还款计划台账 (issue 16): the debtor's latest signed plan as of the report's date.
  planTotal: { zh: '计划总额', en: 'Plan total' },
  planDownPayment: { zh: '首付', en: 'Down payment' },
  planCount: { zh: '期数', en: 'Instalments' },
  planPaid: { zh: '已还', en: 'Paid under plan' },
  planOverdue: { zh: '逾期期数', en: 'Instalments overdue' },
  planStatus: { zh: '计划状态', en: 'Plan status' },
} as const;
export type ReportColumn = keyof typeof REPORT_COLUMNS;

/**
 * Fields the engine supplies to a notice template; a template's front matter may require
 * only these (plus `params.<declared parameter>`). Amounts come as figures and, with
 * `Upper`, in Chinese capitals; dates as 2026年3月5日 through the date helper.
 */
export const SUPPLIED_TEMPLATE_FIELDS = [
  'tenant.name',
  'tenant.address',
  'tenant.phone',
  'recipient.name',
  'recipient.role',
  // 姓名 + 先生/女士, or an organisation's name: the salutation line names the addressee once.
  'recipient.salutation',
  'recipient.isDebtor',
  'recipient.address',
  'debtor.name',
  'debtor.kind',
  'debtor.salutation',
  'debtor.idNumberMasked',
  'debtor.address',
  'debtor.phoneMasked',
  'guarantor.name',
  'account.ref',
  'account.type',
  'account.startDate',
  'account.principal',
  'account.outstandingPrincipal',
  'account.overdueAmount',
  'account.overdueAmountUpper',
  'account.overduePrincipal',
  'account.overdueInterest',
  'account.penaltyInterest',
  'account.compoundInterest',
  'account.totalDue',
  'account.totalDueUpper',
  'account.dpd',
  'account.firstUnpaidDueDate',
  'account.dpdSince',
  // 欠缴月数 for a monthly contribution account.
  'account.overdueInstallments',
  'account.nextDueDate',
  'account.nextDueAmount',
  'case.ref',
  'case.stage',
  'case.collector',
  'case.collectorPhone',
  'notice.number',
  'notice.date',
  'notice.deadline',
  'notice.periodDays',
  'incentive.name',
  'incentive.deadline',
  'incentive.waivedAmount',
  'incentive.waivedAmountUpper',
  'drive.name',
  'drive.phase',
  'group.name',
  'statement.lines',
  'statement.balance',
  'statement.balanceUpper',
  'replySlip.returnBy',
] as const;

/**
 * What a `purpose: plan-agreement` template (分期还款协议书) may require: the plan panel
 * prints it with one repayment plan's figures, the creditor, the debtor and the date, and
 * nothing of a case letter's account or notice fields. `plan.*` is allowed nowhere else.
 */
export const PLAN_AGREEMENT_FIELDS = [
  'tenant.name',
  'debtor.name',
  'debtor.idNumberMasked',
  'notice.date',
  'plan.accounts',
  'plan.arrears',
  'plan.penalty',
  'plan.waiver',
  'plan.hasPenalty',
  'plan.hasWaiver',
  'plan.total',
  'plan.downPayment',
  'plan.count',
  'plan.instalments',
  'plan.graceDays',
] as const;
