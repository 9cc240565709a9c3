import { figureAmount, figureChanges, figurePeriod } from './office-figures-form';

describe('考核基础数据 form: amounts and the period each figure is for', () => {
  it('reads amounts as the office writes them; zero, negatives and three decimals are refused', () => {
    expect(figureAmount('22,990,000')).toBe('22990000.00');
    expect(figureAmount('18000000.5')).toBe('18000000.50');
    expect(['0', '-1', '1.234', 'abc'].map(figureAmount)).toEqual([null, null, null, null]);
  });

  it('the plan and the recoveries before the book are the year’s; a deposit balance the month’s on', () => {
    expect(figurePeriod('recovered-opening', '2013-11-15')).toEqual({
      periodStart: '2013-01-01',
      periodEnd: '2013-12-31',
    });
    expect(figurePeriod('deposit-balance', '2013-11-15')).toEqual({
      periodStart: '2013-11-01',
      periodEnd: '2013-12-31',
    });
  });

  it('a blank field or the amount in force changes nothing; a bad one is an error at its field', () => {
    const read = figureChanges(
      ['recovery-plan', 'recovered-opening', 'deposit-balance'],
      new Map([['recovery-plan', '22990000.00']]),
      {
        'f_recovery-plan': '22,990,000.00',
        'f_recovered-opening': '18,000,000',
        'f_deposit-balance': 'x',
      },
    );
    expect(read.changes).toEqual([{ input: 'recovered-opening', amount: '18000000.00' }]);
    expect(read.errors).toEqual({ 'deposit-balance': 'figures.badAmount' });
  });
});
