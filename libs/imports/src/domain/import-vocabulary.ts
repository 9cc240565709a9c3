/** What a file brings: debtors with accounts, receipts, or an agency's case batch. */
export const IMPORT_KINDS = ['accounts', 'payments', 'cases'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_STATUSES = [
  'queued',
  'running',
  'succeeded',
  'failed',
  'partially-succeeded',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Encodings a caller may force for a CSV; detection is used when none is given. */
export const IMPORT_ENCODINGS = ['utf8', 'utf-8', 'gbk', 'gb2312', 'gb18030'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/**
 * Event types in the tenant's log. A bulk import writes one summary per committed chunk,
 * never one event per row: a million-row file would otherwise serialise every other
 * command of the tenant behind its hash chain.
 */
export const IMPORT_EVENTS = {
  requested: 'ImportRequested',
  started: 'ImportStarted',
  chunkCommitted: 'ImportChunkCommitted',
  finished: 'ImportFinished',
} as const;

/** What the merges did, summed over the committed chunks. */
export interface ImportCounts {
  debtorsCreated: number;
  accountsCreated: number;
  accountsExisting: number;
  installmentsCreated: number;
  paymentsCreated: number;
  paymentsExisting: number;
  /** Client-file receipts confirming a payment the agency recorded: linked, not booked again. */
  paymentsMatched: number;
  /** Client-file receipts differing only in amount from an agency payment: held, not booked. */
  paymentsMismatched: number;
  casesOpened: number;
  groupMembersAdded: number;
  relatedPartiesAdded: number;
}

export function emptyCounts(): ImportCounts {
  return {
    debtorsCreated: 0,
    accountsCreated: 0,
    accountsExisting: 0,
    installmentsCreated: 0,
    paymentsCreated: 0,
    paymentsExisting: 0,
    paymentsMatched: 0,
    paymentsMismatched: 0,
    casesOpened: 0,
    groupMembersAdded: 0,
    relatedPartiesAdded: 0,
  };
}

export function addCounts(a: ImportCounts, b: Partial<ImportCounts>): ImportCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof ImportCounts)[]) sum[key] += b[key] ?? 0;
  return sum;
}

/** Who may import (back office: 内勤 enters, finance books receipts, managers oversee). */
export const IMPORT_ROLES = ['tenant-admin', 'manager', 'supervisor', 'clerk', 'finance'] as const;
/** Who may read an import's status and its report; the auditor checks what was loaded. */
export const IMPORT_READ_ROLES = [...IMPORT_ROLES, 'auditor'] as const;
