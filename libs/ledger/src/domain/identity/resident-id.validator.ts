import { compareDates, isLocalDate, LocalDate } from '../local-date';
import { FULL_WIDTH, refuse, Validation } from './identity.types';

export type Gender = 'male' | 'female';

export type ResidentIdResult = Validation<{ value: string; birthDate: LocalDate; gender: Gender }>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * GB/T 2260 province-level prefixes, plus 81/82/83 (HK, Macao, Taiwan residence permits).
 * Numbers starting with 9 are the 2023 foreigners' permanent residence IDs, which share the
 * same check digit; their second digit is not a province, so they are let through here.
 */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/** GB 11643-1999 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 ASCII digits');
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates a 居民身份证号码 and returns it in canonical 18-character form.
 * A 15-digit number (issued before 1999, births 1900–1999) is upgraded by inserting the
 * century '19' and appending the check character. A lowercase 'x' is accepted as 'X', since
 * both are ASCII and unambiguous. Full-width characters are refused: they mean the source
 * system stored text typed in a Chinese IME, and silently converting them would hide a
 * data-quality problem that will break matching against the bank's records.
 * `asOf` is the business date used to reject birth dates in the future.
 */
export function validateResidentId(input: string, asOf: LocalDate): ResidentIdResult {
  const raw = input.trim();
  if (FULL_WIDTH.test(raw)) {
    return refuse(
      'contains full-width characters (e.g. "１" or "Ｘ"); re-enter it with ASCII digits 0-9 and X — full-width digits look the same but do not match bank records',
      '含全角字符（如“１”“Ｘ”），请用半角数字0-9和X重新录入——全角字符看似相同，但无法与银行记录匹配',
    );
  }
  let id = raw.toUpperCase();
  if (/^\d{15}$/.test(id)) {
    const first17 = `${id.slice(0, 6)}19${id.slice(6)}`;
    id = first17 + residentIdCheckChar(first17);
  } else if (!/^\d{17}[\dX]$/.test(id)) {
    return refuse(
      `must be 18 characters (17 digits and a digit or X) or a legacy 15-digit number, got ${raw.length} characters`,
      `应为18位（17位数字加数字或X）或15位旧号码，实际为${raw.length}位`,
    );
  }
  const province = Number(id.slice(0, 2));
  if (!PROVINCES.has(province) && id[0] !== '9') {
    return refuse(
      `unknown region code ${id.slice(0, 6)} (no province ${id.slice(0, 2)})`,
      `地址码${id.slice(0, 6)}无效（不存在省级代码${id.slice(0, 2)}）`,
    );
  }
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isLocalDate(birthDate)) {
    return refuse(
      `birth date ${birthDate} is not a calendar day`,
      `出生日期${birthDate}不是有效日期`,
    );
  }
  if (compareDates(birthDate, asOf) > 0) {
    return refuse(`birth date ${birthDate} is after ${asOf}`, `出生日期${birthDate}晚于${asOf}`);
  }
  const expected = residentIdCheckChar(id.slice(0, 17));
  if (id[17] !== expected) {
    return refuse(
      `check character is ${id[17]} but the MOD 11-2 check of the first 17 digits gives ${expected}: a digit is probably mistyped`,
      `校验码应为${expected}，实际为${id[17]}，可能有数字录入错误`,
    );
  }
  const gender: 'male' | 'female' = Number(id[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, value: id, birthDate, gender };
}
