import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { IsYuanAmount, normalizeYuanText } from './yuan-amount';

class Body {
  @IsYuanAmount()
  amount!: string;
}

async function check(amount: unknown) {
  const body = plainToInstance(Body, { amount });
  const errors = await validate(body);
  return { amount: body.amount, ok: errors.length === 0, constraints: errors[0]?.constraints };
}

describe('yuan amounts as people type them (议题 11: "1,000" was refused)', () => {
  it('drops thousands separators in groups of three, a ¥ sign and spaces', () => {
    expect(normalizeYuanText('1,000')).toBe('1000');
    expect(normalizeYuanText('1,000.50')).toBe('1000.50');
    expect(normalizeYuanText(' ¥12,345,678.9 ')).toBe('12345678.9');
    expect(normalizeYuanText('1，000')).toBe('1000');
    expect(normalizeYuanText('1000.00')).toBe('1000.00');
  });

  it('leaves a badly grouped amount as typed, so it is refused', () => {
    expect(normalizeYuanText('1,00')).toBe('1,00');
    expect(normalizeYuanText('10,0000')).toBe('10,0000');
  });

  it('a DTO field accepts 1,000 and 1,000.50 as 1000 and 1000.50 and refuses 3 decimals', async () => {
    expect(await check('1,000')).toMatchObject({ amount: '1000', ok: true });
    expect(await check('1,000.50')).toMatchObject({ amount: '1000.50', ok: true });
    const bad = await check('1.005');
    expect(bad.ok).toBe(false);
    expect(Object.keys(bad.constraints ?? {})).toEqual(['isYuanAmount']);
    expect((await check('-5')).ok).toBe(false);
    expect((await check(1000)).ok).toBe(false);
  });
});
