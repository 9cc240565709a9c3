import { FULL_WIDTH, refuse, Validation } from './identity.types';

export type SocialCreditCodeResult = Validation<{ value: string }>;

/** GB 32100-2015 character set: digits and capitals without I, O, S, V, Z. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function socialCreditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('expected 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`'${first17[i]}' is not in the GB 32100 character set`);
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Validates a 统一社会信用代码: 18 characters, registration authority + organisation type,
 * a six-digit region code, the organisation code and a MOD 31 check character.
 * Lowercase letters are upper-cased (ASCII, unambiguous); full-width input is refused for the
 * same reason as for ID numbers.
 */
export function validateSocialCreditCode(input: string): SocialCreditCodeResult {
  const raw = input.trim();
  if (FULL_WIDTH.test(raw)) {
    return refuse(
      'contains full-width characters; re-enter it with ASCII digits and capital letters — full-width characters look the same but do not match registry records',
      '含全角字符，请用半角数字和大写字母重新录入——全角字符看似相同，但无法与登记信息匹配',
    );
  }
  const code = raw.toUpperCase();
  if (code.length !== 18) {
    return refuse(`must be 18 characters, got ${code.length}`, `应为18位，实际为${code.length}位`);
  }
  const bad = [...code].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) {
    return refuse(
      `'${bad}' is not allowed (the code uses digits and capitals except I, O, S, V, Z)`,
      `含非法字符“${bad}”（不使用I、O、S、V、Z）`,
    );
  }
  if (!/^[1-9ANY]/.test(code) || !/^..\d{6}/.test(code)) {
    return refuse(
      'the first character must be a registration authority (1-9, A, N, Y) and characters 3-8 a region code',
      '第1位应为登记管理部门代码（1-9、A、N、Y），第3-8位应为行政区划码',
    );
  }
  const expected = socialCreditCodeCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    return refuse(
      `check character is ${code[17]} but the MOD 31 check gives ${expected}: a character is probably mistyped`,
      `校验码应为${expected}，实际为${code[17]}，可能有字符录入错误`,
    );
  }
  return { ok: true, value: code };
}
