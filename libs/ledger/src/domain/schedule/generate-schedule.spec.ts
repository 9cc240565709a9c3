import { generateSchedule, repaymentMethodFromZh } from './generate-schedule';

describe('generateSchedule', () => {
  it('maps 还款方式 labels: 等额本息 → equal-installment, 等额本金 → equal-principal, 利随本清 → bullet', () => {
    expect(repaymentMethodFromZh('等额本息')).toBe('equal-installment');
    expect(repaymentMethodFromZh(' 等额本金 ')).toBe('equal-principal');
    expect(repaymentMethodFromZh('利随本清')).toBe('bullet');
    expect(() => repaymentMethodFromZh('随心还')).toThrow(/unknown repayment method/);
  });

  it('dispatches on method: equal-principal 120,000 at 6% → first row 10,000.00 + 600.00', () => {
    const rows = generateSchedule({
      method: 'equal-principal',
      principal: '120000',
      annualRate: '6%',
      termMonths: 12,
      startDate: '2026-01-15',
    });
    expect(rows[0]).toMatchObject({ principal: '10000.00', interest: '600.00' });
  });
});
