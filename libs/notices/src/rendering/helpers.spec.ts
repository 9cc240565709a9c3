import { createHelperRegistry, deliveryRuleText } from './helpers';
import { HelperArgumentError } from './template-errors';

describe('the helper registry', () => {
  const helpers = createHelperRegistry();
  const fail = (argument: number, reason: string): never => {
    throw new HelperArgumentError('test', argument, reason);
  };
  const call = (name: string, ...args: unknown[]) => helpers[name].fn(args, fail);

  it('offers exactly money, amountInWords, date, maskId, deadline, qrCode and eq', () => {
    expect(Object.keys(helpers)).toEqual([
      'money',
      'amountInWords',
      'date',
      'maskId',
      'deadline',
      'qrCode',
      'eq',
    ]);
  });

  it("money: 1234.5 → '1,234.50', half-up to the fen, grouped by thousands", () => {
    expect(call('money', 1234.5)).toBe('1,234.50');
    expect(call('money', '1234.5')).toBe('1,234.50');
    expect(call('money', '775')).toBe('775.00');
    expect(call('money', '0.005')).toBe('0.01');
    expect(call('money', '-1234567.894')).toBe('-1,234,567.89');
    expect(() => call('money', '1,234.50')).toThrow(/thousands separators are not accepted/);
    expect(() => call('money', undefined)).toThrow('is missing');
  });

  it("amountInWords: 1234.5 → '壹仟贰佰叁拾肆元伍角整', 775 → '柒佰柒拾伍元整'", () => {
    expect(call('amountInWords', 1234.5)).toBe('壹仟贰佰叁拾肆元伍角整');
    expect(call('amountInWords', '775.00')).toBe('柒佰柒拾伍元整');
    expect(call('amountInWords', '100000.05')).toBe('壹拾万元零伍分');
    expect(() => call('amountInWords', '-1')).toThrow(/negative/);
  });

  it("date: '2026-03-05' → '2026年3月5日'; not-a-date is refused", () => {
    expect(call('date', '2026-03-05')).toBe('2026年3月5日');
    expect(call('date', '2026-12-31')).toBe('2026年12月31日');
    expect(() => call('date', '2026-02-30')).toThrow(/must be a date written YYYY-MM-DD/);
    expect(() => call('date', '2026-03-05T08:00:00Z')).toThrow(/YYYY-MM-DD/);
  });

  it("maskId: '11010519670523465X' → '110105********465X'", () => {
    expect(call('maskId', '11010519670523465X')).toBe('110105********465X');
    expect(() => call('maskId', 110105)).toThrow('must be a string');
  });

  it('eq compares strictly', () => {
    expect(call('eq', 'letter', 'letter')).toBe(true);
    expect(call('eq', 1, '1')).toBe(false);
  });

  it('deadline, before delivery: the rule in words', () => {
    const rule = { periodDays: 10, fallbackOffsetDays: 3 };
    expect(call('deadline', rule)).toBe(
      '自签收之日起10日内；拒绝签收或无法送达的，自发出之日起顺延3日开始计算；期满日为节假日的，顺延至节假日后第一个工作日',
    );
    expect(deliveryRuleText(15, 0)).toBe(
      '自签收之日起15日内；拒绝签收或无法送达的，自发出之日起计算；期满日为节假日的，顺延至节假日后第一个工作日',
    );
  });

  it('deadline, signed 2026-09-23: 2026年10月8日, the 10th day falling in the National Day holiday', () => {
    const delivered = {
      periodDays: 10,
      fallbackOffsetDays: 3,
      sentOn: '2026-09-21',
      outcome: 'signed',
      signedOn: '2026-09-23',
    };
    expect(call('deadline', delivered)).toBe(
      '2026年10月8日（自签收之日起10日；期满日为节假日的，顺延至节假日后第一个工作日）',
    );
  });

  it('deadline, refused, sent 2026-11-04: counted from 11-07, so 2026年11月17日', () => {
    const refused = {
      periodDays: 10,
      fallbackOffsetDays: 3,
      sentOn: '2026-11-04',
      outcome: 'refused',
    };
    expect(call('deadline', refused)).toBe('2026年11月17日（拒收，自发出之日顺延3日起计算10日）');
    expect(() => call('deadline', { ...refused, sentOn: undefined })).toThrow('sentOn is missing');
    expect(() => call('deadline', { periodDays: 10 })).toThrow(
      /whole-number periodDays and fallbackOffsetDays/,
    );
  });
});
