import type { ColumnMapping } from '../support/tabular';
import type { AccountType } from '@qingshou/ledger';
import type { ImportKind } from './import-vocabulary';

/** How a generated schedule is chosen when the file has no 还款方式 column. */
export type DefaultRepaymentMethod =
  'equal-installment' | 'equal-principal' | 'bullet' | 'interest-only' | 'student-loan';

/** Values the file does not carry, fixed for the whole mapping. */
export interface ImportDefaults {
  readonly accountType?: AccountType;
  /** 'auto' reads an 18-digit (or 15-digit) resident ID as a person, anything else as an organisation. */
  readonly debtorKind?: 'person' | 'organisation' | 'auto';
  readonly repaymentMethod?: DefaultRepaymentMethod;
  readonly termMonths?: number;
  /** '0' for receivables and contributions, which bear no contract interest. */
  readonly annualRate?: string;
  /**
   * The three terms come from the tenant's pinned pack where it states them; a mapping that
   * sets one the pack binds (and does not list in interest.accountMayOverride) has its rows
   * refused. Where the pack is silent: 360, markup 0, compound off unless set here.
   */
  readonly dayCountBasis?: 360 | 365;
  /** 罚息 markup as a fraction ('0.5'). */
  readonly penaltyMarkup?: string;
  readonly compoundInterest?: boolean;
}

/** A column whose value names a debtor group of a pack-declared type (村组 → village). */
export interface GroupColumn {
  readonly field: string;
  readonly type: string;
}

/**
 * A named mapping: the column specs (Chinese header aliases → canonical fields, parsers) plus
 * what the importer needs to turn a record into ledger rows. Packs will register their own;
 * the API and CLI accept a whole mapping object too. The canonical fields each kind reads are
 * listed in `KIND_FIELDS`.
 */
export interface ImportMapping {
  readonly name: string;
  readonly kind: ImportKind;
  /** The (source, external_ref) namespace of the accounts (accounts, cases) or receipts written. */
  readonly source: string;
  /** payments only: the source of the accounts the receipts name (卡号 of the card cases). */
  readonly accountSource?: string;
  readonly columns: ColumnMapping;
  readonly defaults?: ImportDefaults;
  readonly groups?: readonly GroupColumn[];
}

const ACCOUNT_FIELDS = [
  'externalRef',
  'debtorName',
  'idNumber',
  'phone',
  'address',
  'principal',
  'annualRate',
  'startDate',
  'startYear',
  'termMonths',
  'maturityDate',
  'repaymentMethod',
  'subsidyEndDate',
  'graceYears',
  'finalDueDate',
  'dueDate',
  'duePeriod',
  'paidAmount',
  'outstandingPrincipal',
  'interestArrears',
  'overdueInstallments',
  'guarantorName',
  'coBorrowerName',
  'coBorrowerPhone',
] as const;

/** Canonical fields per kind: `required` must be mapped, the rest may be. */
export const KIND_FIELDS: Readonly<
  Record<ImportKind, { required: readonly string[]; known: readonly string[] }>
> = {
  accounts: {
    // externalRef may be derived (统一社会信用代码 + 应缴月份 for contributions).
    required: ['debtorName', 'idNumber', 'principal'],
    known: ACCOUNT_FIELDS,
  },
  cases: {
    required: ['externalRef', 'debtorName', 'idNumber', 'principal'],
    known: [
      ...ACCOUNT_FIELDS,
      'totalDue',
      'daysPastDue',
      'caseOpenedOn',
      'caseReturnOn',
      'caseBatch',
    ],
  },
  payments: {
    required: ['accountRef', 'externalRef', 'paidOn', 'amount'],
    known: ['accountRef', 'externalRef', 'paidOn', 'amount', 'note'],
  },
};
