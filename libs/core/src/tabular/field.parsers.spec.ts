import type { FieldParser, ParseResult } from './column-mapping.types';
import { compileParser } from './field.parsers';

const parse = (parser: FieldParser, raw: string): ParseResult => compileParser(parser)(raw);
const value = (parser: FieldParser, raw: string): unknown => {
  const result = parse(parser, raw);
  if (!result.ok) throw new Error(`${raw}: ${result.reason}`);
  return result.value;
};
const reason = (parser: FieldParser, raw: string): string => {
  const result = parse(parser, raw);
  if (result.ok) throw new Error(`${raw} was accepted`);
  return result.reason;
};

const FIVE_LEVEL: FieldParser = {
  type: 'enum',
  values: {
    正常: 'pass',
    关注: 'special-mention',
    次级: 'substandard',
    可疑: 'doubtful',
    损失: 'loss',
  },
};

describe('decimal', () => {
  it('accepts amounts with or without thousands separators, padded to 2 decimals', () => {
    expect(value('decimal', '1,234.50')).toBe('1234.50');
    expect(value('decimal', '1234.5')).toBe('1234.50');
    expect(value('decimal', '8707.42')).toBe('8707.42');
    expect(value('decimal', '20000')).toBe('20000.00');
    expect(value('decimal', '1,234,567.89')).toBe('1234567.89');
    expect(value('decimal', '007.10')).toBe('7.10');
  });

  it('rejects malformed amounts', () => {
    for (const raw of ['abc', '1.234.5', '12,34.5', '1,2345', '1.2.3', '.5', '¥100', '1 000']) {
      expect(reason('decimal', raw)).toMatch(/not a valid amount/);
    }
    expect(reason('decimal', '1.234')).toBe('more than 2 decimal places');
    expect(reason('decimal', '-5.00')).toBe('amount must not be negative');
    expect(reason('decimal', '1.2E+05')).toMatch(/scientific notation/);
    expect(value({ type: 'decimal', allowNegative: true }, '-5')).toBe('-5.00');
    expect(value({ type: 'decimal', scale: 4 }, '0.1234')).toBe('0.1234');
  });

  it('refuses full-width digits with a clear reason', () => {
    const result = parse('decimal', '１２３');
    expect(result).toEqual({
      ok: false,
      reason: 'contains full-width characters (such as １２３); use half-width digits and symbols',
      reasonZh: '含全角字符（如“１２３”），请改用半角数字和符号',
    });
  });
});

describe('percent', () => {
  it('turns 4.35% into 0.0435', () => {
    expect(value('percent', '4.35%')).toBe('0.0435');
    expect(value('percent', '9.72 %')).toBe('0.0972');
    expect(value('percent', '100%')).toBe('1');
  });

  it('reads a bare number only when told how', () => {
    expect(reason('percent', '4.35')).toMatch(/must end with %/);
    expect(value({ type: 'percent', bare: 'fraction' }, '0.0435')).toBe('0.0435');
    expect(value({ type: 'percent', bare: 'percent' }, '4.35')).toBe('0.0435');
    expect(reason('percent', 'abc%')).toMatch(/not a valid percentage/);
    expect(reason('percent', '４.35%')).toMatch(/full-width/);
  });
});

describe('date', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['20260301', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['2026-03-01 00:00:00', '2026-03-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s', (raw, expected) => {
    expect(value('date', raw)).toBe(expected);
  });

  it('rejects malformed or impossible dates', () => {
    expect(reason('date', '2026-13-01')).toBe('date does not exist');
    expect(reason('date', '2026-02-29')).toBe('date does not exist');
    expect(reason('date', '03/01/2026')).toMatch(/not a valid date/);
    expect(reason('date', '2026-03/01')).toMatch(/not a valid date/);
    expect(reason('date', '46082')).toMatch(/not a valid date/);
  });
});

describe('integer', () => {
  it('reads whole numbers', () => {
    expect(value('integer', '130')).toBe(130);
    expect(value('integer', '1,200')).toBe(1200);
    expect(value('integer', '6.00')).toBe(6);
    expect(reason('integer', '6.5')).toBe('not a whole number');
    expect(reason({ type: 'integer', min: 0 }, '-1')).toBe('less than 0');
    expect(reason({ type: 'integer', max: 360 }, '361')).toBe('greater than 360');
    expect(reason('integer', '99999999999999999')).toBe('not a whole number');
  });
});

describe('enum', () => {
  it('maps Chinese labels (or canonical values) to canonical values', () => {
    expect(value(FIVE_LEVEL, '正常')).toBe('pass');
    expect(value(FIVE_LEVEL, '关注')).toBe('special-mention');
    expect(value(FIVE_LEVEL, '次级')).toBe('substandard');
    expect(value(FIVE_LEVEL, '可疑')).toBe('doubtful');
    expect(value(FIVE_LEVEL, '损失')).toBe('loss');
    expect(value(FIVE_LEVEL, 'Loss')).toBe('loss');
    expect(parse(FIVE_LEVEL, '呆账')).toEqual({
      ok: false,
      reason: 'not one of the allowed values: 正常/关注/次级/可疑/损失',
      reasonZh: '取值须为：正常/关注/次级/可疑/损失',
    });
  });
});

describe('boolean and string', () => {
  it('reads 是/否, Y/N and true/false', () => {
    for (const raw of ['是', 'Y', 'y', 'true', 'TRUE', 'yes'])
      expect(value('boolean', raw)).toBe(true);
    for (const raw of ['否', 'N', 'false', 'FALSE', 'no'])
      expect(value('boolean', raw)).toBe(false);
    expect(reason('boolean', '对')).toMatch(/expected 是\/否/);
  });

  it('passes strings through, with an optional length limit', () => {
    expect(value('string', '孙桂英')).toBe('孙桂英');
    expect(value({ type: 'string', maxLength: 3 }, '孙桂英')).toBe('孙桂英');
    expect(reason({ type: 'string', maxLength: 2 }, '孙桂英')).toBe('longer than 2 characters');
  });
});
