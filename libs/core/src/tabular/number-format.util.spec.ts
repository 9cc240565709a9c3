import { formatNumber, shiftDecimal, toPlainString } from './number-format.util';

describe('formatNumber', () => {
  it('writes amounts as typed, without float noise', () => {
    expect(formatNumber(8707.42)).toBe('8707.42');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1.005 * 1000)).toBe('1005');
    expect(formatNumber(72837.48 - 0.01)).toBe('72837.47');
    expect(formatNumber(-0)).toBe('0');
  });

  it('keeps safe integers such as 16-digit card numbers exactly', () => {
    expect(formatNumber(6225610926759833)).toBe('6225610926759833');
  });

  it('never uses exponent notation', () => {
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
  });
});

describe('shiftDecimal', () => {
  it('moves the decimal point exactly', () => {
    expect(shiftDecimal('4.35', -2)).toBe('0.0435');
    expect(shiftDecimal('9.72', -2)).toBe('0.0972');
    expect(shiftDecimal('100', -2)).toBe('1');
    expect(shiftDecimal('0.0435', 2)).toBe('4.35');
    expect(shiftDecimal('-3.1', -2)).toBe('-0.031');
    expect(shiftDecimal('12', 3)).toBe('12000');
    expect(shiftDecimal('0.00', 0)).toBe('0');
  });

  it('rejects non-decimals', () => {
    expect(() => shiftDecimal('abc', 1)).toThrow(RangeError);
    expect(() => shiftDecimal('.', 1)).toThrow(RangeError);
  });

  it('expands exponent strings', () => {
    expect(toPlainString(1.25e-7)).toBe('0.000000125');
    expect(toPlainString(12.5)).toBe('12.5');
  });
});
