import type { ImportMapping } from '../domain/import-mapping';

const MONEY = { type: 'decimal', scale: 2 } as const;

/** Dealer receivables of the leasing/machinery firm (篇一, 篇五): one amount due per contract. */
export const LEASING_RECEIVABLES: ImportMapping = {
  name: 'leasing-receivables',
  kind: 'accounts',
  source: 'leasing-erp',
  defaults: { accountType: 'receivable', debtorKind: 'organisation', annualRate: '0' },
  groups: [{ field: 'region', type: 'region' }],
  columns: [
    {
      field: 'externalRef',
      headers: ['合同编号'],
      required: true,
      parse: { type: 'string', maxLength: 128 },
    },
    {
      field: 'debtorName',
      headers: ['经销商名称', '客户名称'],
      required: true,
      parse: { type: 'string', maxLength: 200 },
    },
    { field: 'idNumber', headers: ['统一社会信用代码'], required: true, parse: 'string' },
    { field: 'region', headers: ['销售区域'], required: false, parse: 'string' },
    { field: 'principal', headers: ['应收金额'], required: true, parse: MONEY },
    { field: 'paidAmount', headers: ['已收金额'], required: false, parse: MONEY },
    { field: 'dueDate', headers: ['约定付款日'], required: true, parse: 'date' },
  ],
};

/**
 * Employer contributions owed to the housing fund (篇九 归集): one receivable per employer
 * and month; the file has no reference, so it is 统一社会信用代码-应缴月份.
 */
export const EMPLOYER_CONTRIBUTIONS: ImportMapping = {
  name: 'employer-contributions',
  kind: 'accounts',
  source: 'housing-fund-contributions',
  defaults: { accountType: 'employer-contribution', debtorKind: 'organisation', annualRate: '0' },
  columns: [
    {
      field: 'debtorName',
      headers: ['单位名称'],
      required: true,
      parse: { type: 'string', maxLength: 200 },
    },
    { field: 'idNumber', headers: ['统一社会信用代码'], required: true, parse: 'string' },
    { field: 'duePeriod', headers: ['应缴月份'], required: true, parse: 'string' },
    { field: 'principal', headers: ['应缴金额'], required: true, parse: MONEY },
    { field: 'paidAmount', headers: ['实缴金额'], required: false, parse: MONEY },
  ],
};
