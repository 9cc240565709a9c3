import {
  dec,
  formatMoney,
  MoneyParseError,
  parseDecimal,
  parseMoney,
  roundFen,
  sumMoney,
} from './money';

describe('money', () => {
  it('parses plain decimal strings: "1234.5" → 1234.50, " -0.01 " → -0.01', () => {
    expect(formatMoney(parseMoney('1234.5'))).toBe('1234.50');
    expect(formatMoney(parseMoney(' -0.01 '))).toBe('-0.01');
    expect(formatMoney(parseMoney('100000'))).toBe('100000.00');
  });

  it.each([
    ['1,234.50', /thousands separators/],
    ['¥1234.5', /currency symbols/],
    ['1234元', /currency symbols/],
    ['1e3', /exponent/],
    ['１２３', /full-width/],
    ['', /empty/],
    ['12.3.4', /plain decimal/],
    ['abc', /plain decimal/],
  ])('refuses %j with a reason', (input, why) => {
    expect(() => parseMoney(input)).toThrow(MoneyParseError);
    expect(() => parseMoney(input)).toThrow(why);
  });

  it('refuses amounts finer than the fen: "12.345" is not money', () => {
    expect(() => parseMoney('12.345')).toThrow(/more than two decimal places/);
    expect(parseDecimal('12.345').toString()).toBe('12.345');
  });

  it('rounds half-up to the fen: 2.345 → 2.35, 2.3449 → 2.34, -1.005 → -1.01', () => {
    expect(roundFen('2.345').toFixed(2)).toBe('2.35');
    expect(roundFen('2.3449').toFixed(2)).toBe('2.34');
    expect(roundFen('-1.005').toFixed(2)).toBe('-1.01');
  });

  it('never prints negative zero: -0.001 → 0.00', () => {
    expect(formatMoney('-0.001')).toBe('0.00');
  });

  it('adds exactly where floats do not: 0.1 + 0.2 = 0.30', () => {
    expect(formatMoney(sumMoney(['0.1', '0.2']))).toBe('0.30');
    expect(dec('0.1').plus(dec('0.2')).equals(dec('0.3'))).toBe(true);
  });

  it('keeps 40 significant digits for division: 100000 / 3 × 3 = 100000.00', () => {
    expect(formatMoney(dec('100000').div(3).mul(3))).toBe('100000.00');
    expect(dec('1').div(3).toString()).toBe('0.' + '3'.repeat(40));
  });
});
