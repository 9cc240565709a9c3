import type { DebtorKind } from '../entities/debtor.entity';
import { LocalDate } from '../domain/local-date';
import { validateResidentId } from '../domain/identity/resident-id.validator';
import { validateSocialCreditCode } from '../domain/identity/social-credit-code.validator';
import { InputCheck } from './input-check';

/**
 * A person carries a 居民身份证号码 (GB 11643), an organisation a 统一社会信用代码
 * (GB 32100). Returns the normalised value (15 → 18 digits, x → X), or records why not.
 * The reason is given in English and Chinese: clerks read the Chinese one.
 */
export function checkIdNumber(
  check: InputCheck,
  path: string,
  kind: DebtorKind,
  idNumber: string,
  asOf: LocalDate,
): string | undefined {
  const result =
    kind === 'person' ? validateResidentId(idNumber, asOf) : validateSocialCreditCode(idNumber);
  if (result.ok) return result.value;
  const what = kind === 'person' ? 'resident ID number' : 'unified social credit code';
  check.add(path, `not a valid ${what}: ${result.reason} (${result.reasonZh})`);
  return undefined;
}

/** Phones are kept as digits with an optional leading '+'; spaces and dashes are dropped. */
export function normalisePhone(check: InputCheck, path: string, phone: string): string | undefined {
  const value = phone.trim().replace(/[\s-]/g, '');
  if (/^\+?\d{5,20}$/.test(value)) return value;
  check.add(path, 'must be a phone number of 5–20 digits (spaces and dashes allowed)');
  return undefined;
}
