import type { Role } from '@qingshou/core';
import { mayRevealPersonalData } from '@qingshou/ledger';

/**
 * Who reads a report whole: the roles of the personal-data policy (DESIGN §3,
 * PERSONAL_DATA_REVEAL_ROLES — admin, manager, supervisor, legal, finance) read card numbers
 * whole in the reports they generate; everyone else (a clerk, a collector) and every
 * scheduled run (no reader yet) gets them masked. One rule, defined in libs/ledger. ID
 * numbers are masked for every reader: a pack lists them as `debtorIdMasked` (证件号码（脱敏）),
 * which is what its office hands upward.
 */
export function revealsInReports(roles: readonly Role[]): boolean {
  return mayRevealPersonalData(roles);
}

/** 12–19 digits, optionally grouped by spaces or dashes: a bank card or account number. */
const CARD = /^\d[\d -]{10,22}\d$/;

/**
 * A card number as the office masks it on paper: 6222 **** **** 1234 (first and last four).
 * Contract numbers (ZL-YS-00001, GJJ000464) are not personal data and stay as they are.
 */
export function maskAccountRef(ref: string): string {
  const digits = ref.replace(/[ -]/g, '');
  if (!CARD.test(ref.trim()) || digits.length < 12 || digits.length > 19) return ref;
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}

/** How one report shows personal numbers: whole for a reveal role, masked otherwise. */
export class ReportMasking {
  private whole = false;

  constructor(readonly revealed: boolean) {}

  /** The report printed a card number whole: its file is for reveal roles only. */
  get showedWhole(): boolean {
    return this.whole;
  }

  /** A list of refs joined with 、 (one debtor's accounts) is masked ref by ref. */
  accountRefs(value: string): string {
    const masked = value.split('、').map(maskAccountRef).join('、');
    if (!this.revealed) return masked;
    if (masked !== value) this.whole = true;
    return value;
  }
}
