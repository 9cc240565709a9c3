import type { LocalDate } from '@qingshou/ledger';
import { validateResidentId, validateSocialCreditCode } from '@qingshou/ledger';
import type { ImportDefaults } from '../domain/import-mapping';
import type { RowCheck } from './row-context';

export interface DebtorFields {
  kind: 'person' | 'organisation';
  name: string;
  idNumber: string;
  phone: string | null;
  address: string | null;
}

const RESIDENT_ID_SHAPE = /^(\d{17}[\dXx]|\d{15})$/;

/**
 * The debtor of a row, with the ledger's identity rules: a person's 身份证号 (GB 11643) or an
 * organisation's 统一社会信用代码 (GB 32100), normalised as RegisterDebtor stores it, so an
 * import and the API converge on one debtor per identity.
 */
export function debtorFields(
  check: RowCheck,
  defaults: ImportDefaults,
  today: LocalDate,
): DebtorFields | undefined {
  const name = check.text('debtorName');
  const raw = check.text('idNumber');
  if (name === null || raw === null) return undefined;
  if ([...name].length > 200)
    check.fail('debtorName', 'longer than 200 characters', '超过200个字符');
  const wanted = defaults.debtorKind ?? 'auto';
  const kind =
    wanted === 'auto' ? (RESIDENT_ID_SHAPE.test(raw) ? 'person' : 'organisation') : wanted;
  const result = kind === 'person' ? validateResidentId(raw, today) : validateSocialCreditCode(raw);
  if (!result.ok) {
    const what = kind === 'person' ? 'resident ID number' : 'unified social credit code';
    const whatZh = kind === 'person' ? '身份证号' : '统一社会信用代码';
    check.fail(
      'idNumber',
      `not a valid ${what}: ${result.reason}`,
      `${whatZh}无效：${result.reasonZh}`,
    );
    return undefined;
  }
  const phone = phoneOf(check, 'phone');
  return { kind, name, idNumber: result.value, phone, address: check.text('address') };
}

/** Digits with an optional '+', spaces and dashes dropped: the ledger's phone rule. */
export function phoneOf(check: RowCheck, field: string): string | null {
  const raw = check.text(field);
  if (raw === null) return null;
  const value = raw.replace(/[\s-]/g, '');
  if (/^\+?\d{5,20}$/.test(value)) return value;
  check.fail(field, 'not a phone number of 5–20 digits', '电话号码应为5–20位数字');
  return null;
}
