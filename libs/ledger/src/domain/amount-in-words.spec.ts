import { amountInWords } from './amount-in-words';

describe('amountInWords (中文大写金额)', () => {
  it.each([
    ['1234.50', '壹仟贰佰叁拾肆元伍角整'],
    ['775.00', '柒佰柒拾伍元整'],
    ['100000.05', '壹拾万元零伍分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['1409.50', '壹仟肆佰零玖元伍角整'],
    ['10.00', '壹拾元整'],
    ['100100.00', '壹拾万零壹佰元整'],
    ['0.05', '伍分'],
    ['0.00', '零元整'],
    ['1000000000000.00', '壹万亿元整'],
  ])('writes %s as %s (整 only without 分, 零 when 角 is zero)', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('rounds to the fen first: 8556.165 → 捌仟伍佰伍拾陆元壹角柒分', () => {
    expect(amountInWords('8556.165')).toBe('捌仟伍佰伍拾陆元壹角柒分');
  });

  it('refuses a negative amount such as -5.50', () => {
    expect(() => amountInWords('-5.50')).toThrow(/negative/);
  });
});
