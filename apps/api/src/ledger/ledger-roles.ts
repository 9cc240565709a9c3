import type { Role } from '@qingshou/core';

/**
 * Who may call the ledger routes (deny by default: every route names its roles). The
 * platform admin has no tenant data and appears nowhere. Who sees personal data whole is a
 * separate rule, in libs/ledger personal-data-policy.ts.
 */
export const READ_ROLES: Role[] = [
  'tenant-admin',
  'manager',
  'supervisor',
  'phone-collector',
  'field-collector',
  'legal',
  'finance',
  'auditor',
  'clerk',
];

/** Setting up debtors and accounts is back-office work (内勤 enters, managers oversee). */
export const REGISTER_ROLES: Role[] = ['tenant-admin', 'manager', 'supervisor', 'clerk'];

/** Accounts carry contract terms: finance may register them too (it reconciles them). */
export const ACCOUNT_ROLES: Role[] = ['tenant-admin', 'manager', 'clerk', 'finance'];

/** Booking receipts (财务 reconciles them against the bank; 内勤 enters reported ones). */
export const PAYMENT_ROLES: Role[] = ['tenant-admin', 'manager', 'finance', 'clerk'];

/** 冲正 undoes money already booked: finance and the tenant admin only. */
export const REVERSAL_ROLES: Role[] = ['tenant-admin', 'finance'];

/** Collectors learn of guarantors and emergency contacts in their calls and visits. */
export const CONTACT_ROLES: Role[] = [
  'tenant-admin',
  'manager',
  'supervisor',
  'clerk',
  'phone-collector',
  'field-collector',
];
