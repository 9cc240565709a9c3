import type { Role } from '@qingshou/core';
import { maskAddress, maskIdNumber, maskPhone } from '../domain/identity/masking';

/**
 * Who may see personal data (ID numbers, phones, addresses) whole — DESIGN §3, issue 3.
 *
 * Revealing is never the default: every role gets masked values unless it asks with
 * `reveal=true`, and only these roles may ask. Each whole view is audited with a
 * `PersonalDataViewed` event naming the viewer and the fields.
 *
 * - tenant-admin: owns the tenant's data and answers data-subject requests.
 * - manager, supervisor (组长/经理, 催收主管): approve legal referrals and settlements and
 *   must check the identity on contracts and court papers.
 * - legal (法务): court filings and preservation (立案, 查扣冻结) need the full ID number
 *   and address.
 * - finance (财务): matches receipts to bank records, which are keyed by ID number.
 *
 * Masked by default: phone and field collectors — except on a case assigned to them, where the
 * contact panel shows the debtor's and related parties' phones and addresses whole (issue 11
 * §2: the collector must be able to call and visit; audited per view, see
 * `caseContactAccess`) — clerks
 * (内勤: data entry types the value in but never needs to read it back), auditors (内审
 * review process, not people), and the platform admin (no tenant data at all).
 */
export const PERSONAL_DATA_REVEAL_ROLES: readonly Role[] = [
  'tenant-admin',
  'manager',
  'supervisor',
  'legal',
  'finance',
];

export function mayRevealPersonalData(roles: readonly Role[]): boolean {
  return roles.some((role) => PERSONAL_DATA_REVEAL_ROLES.includes(role));
}

/**
 * How a case's contact panel shows phones and addresses (GetCaseContacts decides it here, in
 * one place): `assigned` — the case's assigned user sees them whole; `revealed` — a role in
 * PERSONAL_DATA_REVEAL_ROLES asked to see them whole; `masked` — everybody else, and a reveal
 * role that did not ask. Both whole views are audited with a PersonalDataViewed event.
 * `refused` — asked to reveal without the right.
 */
export type CaseContactAccess = 'assigned' | 'revealed' | 'masked' | 'refused';

export function caseContactAccess(
  viewer: { userId: string; roles: readonly Role[] },
  assigneeId: string | null,
  reveal: boolean,
): CaseContactAccess {
  if (assigneeId !== null && assigneeId === viewer.userId) return 'assigned';
  if (!reveal) return 'masked';
  return mayRevealPersonalData(viewer.roles) ? 'revealed' : 'refused';
}

/** Applies or skips masking field by field; null stays null. */
export class PersonalDataView {
  constructor(readonly revealed: boolean) {}

  idNumber(value: string | null): string | null {
    return value === null || this.revealed ? value : maskIdNumber(value);
  }

  phone(value: string | null): string | null {
    return value === null || this.revealed ? value : maskPhone(value);
  }

  address(value: string | null): string | null {
    return value === null || this.revealed ? value : maskAddress(value);
  }
}

/**
 * Events are hash-chained and append-only, so they can never be redacted later (e.g. for a
 * PIPL deletion request). They therefore always carry the masked form.
 */
export const MASKED = new PersonalDataView(false);
