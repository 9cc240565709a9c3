import type { ImportMapping } from '../domain/import-mapping';

const MONEY = { type: 'decimal', scale: 2 } as const;

/**
 * A bank's batch of card cases handed to the agency (篇八 委外催收). Each row is a card account
 * with what the bank says is owed as of 委案日期; a case is opened per account.
 */
export const CARD_CASES: ImportMapping = {
  name: 'card-cases',
  kind: 'cases',
  source: 'card',
  defaults: { accountType: 'card-account', debtorKind: 'person', annualRate: '0' },
  groups: [{ field: 'employer', type: 'employer' }],
  columns: [
    { field: 'caseBatch', headers: ['委案批次号'], required: false, parse: 'string' },
    {
      field: 'externalRef',
      headers: ['卡号'],
      required: true,
      parse: { type: 'string', maxLength: 128 },
    },
    {
      field: 'debtorName',
      headers: ['持卡人姓名', '客户姓名'],
      required: true,
      parse: { type: 'string', maxLength: 200 },
    },
    { field: 'idNumber', headers: ['证件号码', '身份证号'], required: true, parse: 'string' },
    { field: 'phone', headers: ['手机号码'], required: false, parse: 'string' },
    { field: 'totalDue', headers: ['委案金额'], required: true, parse: MONEY },
    { field: 'principal', headers: ['本金'], required: true, parse: MONEY },
    {
      field: 'daysPastDue',
      headers: ['逾期天数'],
      required: true,
      parse: { type: 'integer', min: 0, max: 36500 },
    },
    { field: 'caseOpenedOn', headers: ['委案日期'], required: true, parse: 'date' },
    { field: 'caseReturnOn', headers: ['退案日期'], required: false, parse: 'date' },
    { field: 'address', headers: ['账单地址'], required: false, parse: 'string' },
    { field: 'employer', headers: ['单位名称'], required: false, parse: 'string' },
  ],
};

/** The bank's repayment feed for the card cases: 银行流水号 is the idempotency key. */
export const CARD_REPAYMENTS: ImportMapping = {
  name: 'card-repayments',
  kind: 'payments',
  source: 'card-bank',
  accountSource: 'card',
  columns: [
    { field: 'accountRef', headers: ['卡号'], required: true, parse: 'string' },
    { field: 'paidOn', headers: ['还款日期'], required: true, parse: 'date' },
    { field: 'amount', headers: ['还款金额'], required: true, parse: MONEY },
    { field: 'externalRef', headers: ['银行流水号'], required: true, parse: 'string' },
  ],
};

/** Any receipt list against accounts imported with the generic mapping. */
export const GENERIC_PAYMENTS: ImportMapping = {
  name: 'payments',
  kind: 'payments',
  source: 'import-receipts',
  accountSource: 'import',
  columns: [
    {
      field: 'accountRef',
      headers: ['合同编号', '借款合同号', '贷款账号', '账号', '卡号'],
      required: true,
      parse: 'string',
    },
    {
      field: 'paidOn',
      headers: ['还款日期', '交易日期', '入账日期'],
      required: true,
      parse: 'date',
    },
    { field: 'amount', headers: ['还款金额', '金额', '交易金额'], required: true, parse: MONEY },
    {
      field: 'externalRef',
      headers: ['银行流水号', '流水号', '交易流水号'],
      required: true,
      parse: 'string',
    },
    { field: 'note', headers: ['备注', '摘要'], required: false, parse: 'string' },
  ],
};
