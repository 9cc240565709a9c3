import { dailyRate, monthlyRate, parseRate, penaltyRate } from './rate';

describe('rate', () => {
  it("reads lenders' percentages: '4.35%' → 0.0435, '0.049' → 0.049", () => {
    expect(parseRate('4.35%').toString()).toBe('0.0435');
    expect(parseRate('0.049').toString()).toBe('0.049');
  });

  it("refuses '4.35' without a % sign as ambiguous", () => {
    expect(() => parseRate('4.35')).toThrow(/ambiguous/);
  });

  it('penalty rate = contract × (1 + markup): 6% with 50% markup → 9%', () => {
    expect(penaltyRate('6%', '0.5').toString()).toBe('0.09');
  });

  it('daily rate = annual / 360 by default, / 365 when the pack says so', () => {
    expect(dailyRate('3.6%').toString()).toBe('0.0001');
    expect(dailyRate('3.65%', 365).toString()).toBe('0.0001');
  });

  it('monthly rate = annual / 12: 6% → 0.005', () => {
    expect(monthlyRate('6%').toString()).toBe('0.005');
  });
});
