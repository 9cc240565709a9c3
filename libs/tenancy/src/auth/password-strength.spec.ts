import { ValidationFailedError } from '@qingshou/core';
import { assertStrongPassword, PasswordOwner, passwordProblems } from './password-strength';

const owner = { username: 'zhang.lei', displayName: '张磊', tenantSlug: 'acme-leasing' };
const reasonOf = (password: string, who: PasswordOwner = owner) =>
  passwordProblems(password, who)[0]?.reason;

describe('password strength (zxcvbn-ts estimator, score ≥ 3)', () => {
  it.each([
    ['aaaaaaaaaa', '重复的字符'],
    ['1234567890', '常见的密码'],
    ['          ', '重复的字符'],
    ['abcdefghij', '连续的字符'],
    ['qwertyuiop', '常见的密码'],
  ])('refuses %j with a Chinese reason naming why (%s) and English after it', (password, why) => {
    const reason = reasonOf(password);
    expect(reason).toContain('密码太弱');
    expect(reason).toContain(why);
    expect(reason).toContain('password too weak');
  });

  it('refuses the username itself and the username with a digit', () => {
    expect(reasonOf('zhang.lei2026', { username: 'zhang.lei2026' })).toContain(
      '与用户名或姓名相近',
    );
    expect(reasonOf('zhang.lei1')).toContain('与用户名或姓名相近');
  });

  it('accepts a strong password and the shape of a generated demo one', () => {
    expect(passwordProblems('Xk3-vQ9r_Lm2', owner)).toEqual([]);
    expect(passwordProblems('correct horse battery staple', owner)).toEqual([]);
    expect(passwordProblems('q2VbT0-9xNcE', owner)).toEqual([]);
  });

  it('names the length: under 10 and over 256 characters each get their own message', () => {
    expect(reasonOf('Xk3-vQ9')).toBe(
      '密码至少需要 10 个字符（password must be at least 10 characters）',
    );
    expect(reasonOf(`Xk3-vQ9r_Lm2${'x'.repeat(245)}`)).toBe(
      '密码不能超过 256 个字符（password must be at most 256 characters）',
    );
  });

  it('assertStrongPassword throws 400 naming the password field', () => {
    expect.assertions(3);
    try {
      assertStrongPassword('1234567890', owner);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).status).toBe(400);
      expect((error as ValidationFailedError).problems.map((p) => p.path)).toEqual(['password']);
    }
  });
});
