import type { ImportMapping } from '../domain/import-mapping';

// Parsers shared by the loan files. Rates arrive as '4.35%'; a bare '0.0435' is read as a
// fraction and a bare '4.35' is refused later as ambiguous (see rows/account-terms.ts).
const MONEY = { type: 'decimal', scale: 2 } as const;
const RATE = { type: 'percent', bare: 'fraction' } as const;
const NAME = { type: 'string', maxLength: 200 } as const;
const REF = { type: 'string', maxLength: 128 } as const;

/** Any lender's account list with the usual headers: the default for kind=accounts. */
export const GENERIC_ACCOUNTS: ImportMapping = {
  name: 'accounts',
  kind: 'accounts',
  source: 'import',
  defaults: { accountType: 'loan', debtorKind: 'auto', repaymentMethod: 'equal-installment' },
  columns: [
    {
      field: 'externalRef',
      headers: ['合同编号', '借款合同号', '贷款账号', '账号', '合同号'],
      required: true,
      parse: REF,
    },
    {
      field: 'debtorName',
      headers: ['借款人', '借款人姓名', '客户名称', '姓名'],
      required: true,
      parse: NAME,
    },
    {
      field: 'idNumber',
      headers: ['身份证号', '身份证号码', '证件号码', '统一社会信用代码'],
      required: true,
      parse: 'string',
    },
    { field: 'phone', headers: ['手机号码', '联系电话', '电话'], required: false, parse: 'string' },
    {
      field: 'address',
      headers: ['地址', '联系地址', '家庭住址'],
      required: false,
      parse: 'string',
    },
    {
      field: 'principal',
      headers: ['贷款金额', '发放金额', '借款金额', '本金'],
      required: true,
      parse: MONEY,
    },
    {
      field: 'annualRate',
      headers: ['年利率', '执行年利率', '合同年利率'],
      required: true,
      parse: RATE,
    },
    {
      field: 'startDate',
      headers: ['放款日期', '发放日期', '起息日'],
      required: true,
      parse: 'date',
    },
    {
      field: 'termMonths',
      headers: ['贷款期限(月)', '期限(月)', '期数'],
      required: false,
      parse: { type: 'integer', min: 1, max: 600 },
    },
    { field: 'maturityDate', headers: ['到期日期', '到期日'], required: false, parse: 'date' },
    { field: 'repaymentMethod', headers: ['还款方式'], required: false, parse: 'string' },
  ],
};

/** 生源地信用助学贷款 ledger from the county student-aid centre (篇二, 篇四, 篇七). */
export const STUDENT_LOANS: ImportMapping = {
  name: 'student-loans',
  kind: 'accounts',
  source: 'student-aid',
  defaults: { accountType: 'student-loan', debtorKind: 'person', repaymentMethod: 'student-loan' },
  groups: [
    { field: 'school', type: 'school' },
    { field: 'cohort', type: 'cohort' },
  ],
  columns: [
    { field: 'externalRef', headers: ['合同编号'], required: true, parse: REF },
    { field: 'debtorName', headers: ['借款学生', '借款人'], required: true, parse: NAME },
    { field: 'idNumber', headers: ['身份证号', '身份证号码'], required: true, parse: 'string' },
    { field: 'school', headers: ['高中学校', '毕业学校'], required: false, parse: NAME },
    {
      field: 'startYear',
      headers: ['入学年份'],
      required: false,
      parse: { type: 'integer', min: 1990, max: 2100 },
    },
    { field: 'cohort', headers: ['毕业年份'], required: false, parse: 'string' },
    { field: 'principal', headers: ['贷款金额'], required: true, parse: MONEY },
    { field: 'annualRate', headers: ['年利率'], required: true, parse: RATE },
    { field: 'subsidyEndDate', headers: ['贴息截止日'], required: true, parse: 'date' },
    {
      field: 'graceYears',
      headers: ['本金宽限期(年)', '宽限期(年)'],
      required: true,
      parse: { type: 'integer', min: 0, max: 20 },
    },
    { field: 'finalDueDate', headers: ['最后还款日'], required: true, parse: 'date' },
    {
      field: 'coBorrowerName',
      headers: ['共同借款人(父母)', '共同借款人'],
      required: false,
      parse: NAME,
    },
    { field: 'coBorrowerPhone', headers: ['共同借款人电话'], required: false, parse: 'string' },
  ],
};

/** Rural credit co-op bad-loan list (篇三): a balance snapshot of matured 利随本清 loans. */
export const COOP_NPL: ImportMapping = {
  name: 'coop-npl',
  kind: 'accounts',
  source: 'coop-core',
  defaults: { accountType: 'loan', debtorKind: 'person', repaymentMethod: 'bullet' },
  groups: [{ field: 'village', type: 'village' }],
  columns: [
    { field: 'externalRef', headers: ['贷款账号'], required: true, parse: REF },
    { field: 'debtorName', headers: ['借款人'], required: true, parse: NAME },
    { field: 'idNumber', headers: ['身份证号'], required: true, parse: 'string' },
    { field: 'village', headers: ['村组'], required: false, parse: NAME },
    { field: 'principal', headers: ['发放金额'], required: true, parse: MONEY },
    { field: 'outstandingPrincipal', headers: ['贷款余额'], required: true, parse: MONEY },
    { field: 'startDate', headers: ['发放日期'], required: true, parse: 'date' },
    { field: 'maturityDate', headers: ['到期日期'], required: true, parse: 'date' },
    { field: 'annualRate', headers: ['执行年利率'], required: true, parse: RATE },
    { field: 'interestArrears', headers: ['欠息'], required: false, parse: MONEY },
    { field: 'guarantorName', headers: ['担保人'], required: false, parse: NAME },
  ],
};

/** Housing provident fund loans (篇九): generated schedules, 当前逾期期数 says how many are unpaid. */
export const HOUSING_FUND_LOANS: ImportMapping = {
  name: 'housing-fund-loans',
  kind: 'accounts',
  source: 'housing-fund',
  defaults: { accountType: 'housing-fund-loan', debtorKind: 'person' },
  columns: [
    { field: 'externalRef', headers: ['借款合同号'], required: true, parse: REF },
    { field: 'debtorName', headers: ['借款人'], required: true, parse: NAME },
    { field: 'idNumber', headers: ['身份证号'], required: true, parse: 'string' },
    { field: 'principal', headers: ['贷款金额'], required: true, parse: MONEY },
    { field: 'annualRate', headers: ['年利率'], required: true, parse: RATE },
    {
      field: 'termMonths',
      headers: ['贷款期限(月)'],
      required: true,
      parse: { type: 'integer', min: 1, max: 600 },
    },
    { field: 'repaymentMethod', headers: ['还款方式'], required: true, parse: 'string' },
    { field: 'startDate', headers: ['放款日期'], required: true, parse: 'date' },
    {
      field: 'overdueInstallments',
      headers: ['当前逾期期数'],
      required: false,
      parse: { type: 'integer', min: 0, max: 600 },
    },
    { field: 'phone', headers: ['联系电话'], required: false, parse: 'string' },
  ],
};
