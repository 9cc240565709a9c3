import { parameterValue, ratioAsPercent } from './parameter-value';

describe('pack parameters as an office reads them (议题 11 §8: 0.05 → 5%)', () => {
  it('writes a ratio as a percentage by its digits', () => {
    expect(ratioAsPercent('0.05')).toBe('5');
    expect(ratioAsPercent('0.5')).toBe('50');
    expect(ratioAsPercent('0.125')).toBe('12.5');
    expect(ratioAsPercent('1')).toBe('100');
    expect(ratioAsPercent('0.0435')).toBe('4.35');
  });

  it('words percentages, durations, booleans and amounts', () => {
    expect(parameterValue('zh', 'percent', '0.05')).toBe('5%');
    expect(parameterValue('zh', 'duration', '2 working days')).toBe('2 个工作日');
    expect(parameterValue('zh', 'duration', '1 working hour')).toBe('1 个工作小时');
    expect(parameterValue('zh', 'duration', '3 days')).toBe('3 天');
    expect(parameterValue('zh', 'boolean', true)).toBe('是');
    expect(parameterValue('zh', 'integer', 90)).toBe('90');
    expect(parameterValue('zh', 'integer', undefined)).toBe('—');
  });
});
