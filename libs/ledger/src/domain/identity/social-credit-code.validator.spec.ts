import {
  socialCreditCodeCheckChar,
  validateSocialCreditCode,
} from './social-credit-code.validator';

describe('统一社会信用代码 GB 32100-2015', () => {
  it('computes the MOD 31 check character: 91350100M000100Y4 → 3', () => {
    expect(socialCreditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps 31 − (sum mod 31) = 31 to 0: 91110100000000004 → 0', () => {
    expect(socialCreditCodeCheckChar('91110100000000004')).toBe('0');
    expect(validateSocialCreditCode('911101000000000040')).toEqual({
      ok: true,
      value: '911101000000000040',
    });
  });

  it('accepts lowercase as the same code: 91350100m000100y43 → 91350100M000100Y43', () => {
    expect(validateSocialCreditCode('91350100m000100y43')).toEqual({
      ok: true,
      value: '91350100M000100Y43',
    });
  });

  it.each([
    [
      'a wrong check character (4 where MOD 31 gives 3)',
      '91350100M000100Y44',
      /check character is 4 but .* gives 3/,
    ],
    ['a letter outside the charset (O)', '91350100M000100O43', /'O' is not allowed/],
    ['17 characters', '91350100M000100Y4', /18 characters, got 17/],
    ['a full-width digit (９)', '９1350100M000100Y43', /full-width/],
    ['registration authority 0', '0135010000000000Y4', /registration authority/],
  ])('refuses %s: %s', (_rule, code, why) => {
    const r = validateSocialCreditCode(code);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(why);
      expect(r.reasonZh.length).toBeGreaterThan(0);
    }
  });
});
