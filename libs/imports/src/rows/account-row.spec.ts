import type { FieldValue } from '../support/tabular';
import { CARD_CASES } from '../mappings/card-mappings';
import { COOP_NPL, GENERIC_ACCOUNTS, STUDENT_LOANS } from '../mappings/loan-mappings';
import { AccountRowBuilder, BuiltRow, StageRow } from './account-row';

const TODAY = '2026-11-28';
const headerOf = (field: string) => `<${field}>`;

function ok(built: BuiltRow): StageRow {
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.row;
}

describe('AccountRowBuilder: one record to one stage row, with the ledger’s rules', () => {
  it('a co-op balance snapshot keeps 20,000.00 lent: 11,292.58 repaid on maturity, 8,707.42 + 1,062.76 interest still due', () => {
    const record: Record<string, FieldValue> = {
      externalRef: 'NX200900000',
      debtorName: '林勇',
      idNumber: '150221197208109652',
      village: '前营村',
      principal: '20000.00',
      outstandingPrincipal: '8707.42',
      startDate: '2009-07-01',
      maturityDate: '2011-07-01',
      annualRate: '0.0972',
      interestArrears: '1062.76',
      guarantorName: '刘丽',
    };
    const row = ok(new AccountRowBuilder(COOP_NPL, TODAY, headerOf).build(2, record));
    expect(row).toMatchObject({
      principal: '20000.00',
      annual_rate: '0.097200',
      repayment_method: 'given',
      due_dates: ['2011-07-01', '2011-07-01'],
      inst_principal: ['11292.58', '8707.42'],
      inst_interest: ['0.00', '1062.76'],
      receipt_refs: ['NX200900000#opening'],
      receipt_dates: ['2011-07-01'],
      receipt_amounts: ['11292.58'],
      group_types: ['village'],
      group_codes: ['前营村'],
      guarantor_name: '刘丽',
    });
  });

  it('a card handed over on 2026-03-01 at 130 days past due fell due on 2025-10-22', () => {
    const record: Record<string, FieldValue> = {
      externalRef: '6225610926759833',
      debtorName: '孙桂英',
      idNumber: '11010519670523465X',
      totalDue: '72837.48',
      principal: '61726.68',
      daysPastDue: 130,
      caseOpenedOn: '2026-03-01',
    };
    const row = ok(new AccountRowBuilder(CARD_CASES, TODAY, headerOf).build(2, record));
    expect(row).toMatchObject({
      due_dates: ['2025-10-22'],
      inst_principal: ['61726.68'],
      inst_interest: ['11110.80'],
      case_opened_on: '2026-03-01',
    });
    expect(row.case_id).toEqual(expect.any(String));
  });

  it('a student loan without 放款日期 starts on 1 September of 入学年份', () => {
    const record: Record<string, FieldValue> = {
      externalRef: 'SY20160000',
      debtorName: '杨超',
      idNumber: '340104199810100338',
      startYear: 2016,
      principal: '6000.00',
      annualRate: '0.0435',
      subsidyEndDate: '2020-08-31',
      graceYears: 3,
      finalDueDate: '2035-12-20',
    };
    const row = ok(new AccountRowBuilder(STUDENT_LOANS, TODAY, headerOf).build(2, record));
    expect(row.start_date).toBe('2016-09-01');
    expect(row.repayment_method).toBe('student-loan');
    expect((row.due_dates as string[])[0]).toBe('2020-12-20');
  });

  it('refuses a bad check digit, a bare rate of 4.35 and an unknown 还款方式, naming each column', () => {
    const record: Record<string, FieldValue> = {
      externalRef: 'HT-1',
      debtorName: '林静',
      idNumber: '110105196705234658',
      principal: '1000.00',
      annualRate: '4.35',
      startDate: '2025-01-10',
      termMonths: 12,
      repaymentMethod: '随借随还',
    };
    const built = new AccountRowBuilder(GENERIC_ACCOUNTS, TODAY, headerOf).build(7, record);
    expect(built.ok).toBe(false);
    const errors = built.ok ? [] : built.errors;
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [7, '<idNumber>'],
      [7, '<annualRate>'],
    ]);
    expect(errors[0].reasonZh).toContain('校验码应为X');
    const method = new AccountRowBuilder(GENERIC_ACCOUNTS, TODAY, headerOf).build(8, {
      ...record,
      idNumber: '11010519670523465X',
      annualRate: '0.0435',
    });
    expect(method.ok ? [] : method.errors.map((e) => e.column)).toEqual(['<repaymentMethod>']);
  });
});
