import { dec } from '../domain/money';
import { InputCheck } from '../support/input-check';
import { buildSchedule, ScheduleTerms } from './build-schedule';

const terms: ScheduleTerms = {
  principal: dec('100000.00'),
  annualRate: dec('0.06'),
  dayCountBasis: 360,
  startDate: '2025-12-01',
};

function problems(check: InputCheck): unknown {
  try {
    check.done('The account');
    return [];
  } catch (error) {
    return (error as { problems: unknown }).problems;
  }
}

describe('buildSchedule (register-account)', () => {
  it('a one-month bullet at 6% bills 100,000.00 + 500.00 on 2026-01-01', () => {
    const check = new InputCheck();
    expect(buildSchedule(check, terms, { method: 'bullet', termMonths: 1 })).toEqual([
      { seq: 1, dueDate: '2026-01-01', principal: '100000.00', interest: '500.00' },
    ]);
    expect(check.ok).toBe(true);
  });

  it('a bullet priced by actual days uses the account basis: 31 days × 6% / 360 = 516.67', () => {
    const schedule = buildSchedule(new InputCheck(), terms, {
      method: 'bullet',
      termMonths: 1,
      interestByActualDays: true,
    });
    expect(schedule?.[0].interest).toBe('516.67');
  });

  it('等额本息 over 12 months generates 12 rows whose principal sums to 100,000.00', () => {
    const schedule = buildSchedule(new InputCheck(), terms, {
      method: 'equal-installment',
      termMonths: 12,
    });
    expect(schedule).toHaveLength(12);
    const total = (schedule ?? []).reduce((acc, r) => acc.plus(r.principal), dec('0'));
    expect(total.toFixed(2)).toBe('100000.00');
  });

  it('a given schedule keeps the rows as given and numbers them from 1', () => {
    const schedule = buildSchedule(
      new InputCheck(),
      { ...terms, principal: dec('3000') },
      {
        method: 'given',
        installments: [
          { dueDate: '2026-01-31', principal: '1000', interest: '50' },
          { dueDate: '2026-02-28', principal: '2000.00', interest: '45.5' },
        ],
      },
    );
    expect(schedule).toEqual([
      { seq: 1, dueDate: '2026-01-31', principal: '1000.00', interest: '50.00' },
      { seq: 2, dueDate: '2026-02-28', principal: '2000.00', interest: '45.50' },
    ]);
  });

  it('names each bad given row by path: a repeated seq, 2026-02-30, a negative interest', () => {
    const check = new InputCheck();
    const schedule = buildSchedule(check, terms, {
      method: 'given',
      installments: [
        { seq: 1, dueDate: '2026-01-31', principal: '50000.00', interest: '0' },
        { seq: 1, dueDate: '2026-02-30', principal: '50000.00', interest: '-1.00' },
      ],
    });
    expect(schedule).toBeUndefined();
    expect(problems(check)).toEqual([
      { path: 'schedule.installments[1].seq', reason: 'repeats installment 1' },
      {
        path: 'schedule.installments[1].dueDate',
        reason: 'must be a calendar date written YYYY-MM-DD',
      },
      { path: 'schedule.installments[1].interest', reason: 'must not be negative' },
    ]);
  });

  it('refuses a term of 0 months and a student loan with no repayment date after the grace period', () => {
    const check = new InputCheck();
    buildSchedule(check, terms, { method: 'equal-principal', termMonths: 0 });
    buildSchedule(check, terms, {
      method: 'student-loan',
      subsidyEndDate: '2020-08-31',
      graceYears: 3,
      finalDueDate: '2022-12-20',
    });
    const found = problems(check) as { path: string }[];
    expect(found.map((p) => p.path)).toEqual(['schedule.termMonths', 'schedule']);
  });
});
