import type { AccountType, Installment } from '@qingshou/ledger';

/** A demo portfolio as plain rows, generated in memory and written set-based. */
export interface DemoGroup {
  readonly id: string;
  readonly type: string;
  readonly code: string;
  readonly name: string;
}

export interface DemoRelatedParty {
  readonly kind: 'guarantor' | 'co-borrower' | 'emergency-contact';
  readonly relation: string;
  readonly name: string;
  readonly phone: string;
}

export interface DemoDebtor {
  readonly id: string;
  readonly kind: 'person' | 'organisation';
  readonly name: string;
  readonly idNumber: string;
  readonly phones: readonly string[];
  readonly address: string;
  readonly groupIds: readonly string[];
  /** Pack attributes (attribute_values, subject debtor), e.g. official → village-cadre. */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly relatedParties?: readonly DemoRelatedParty[];
}

export interface DemoPayment {
  readonly paidOn: string;
  readonly amount: string;
}

export interface DemoAccount {
  readonly id: string;
  readonly debtorId: string;
  readonly type: AccountType;
  readonly externalRef: string;
  readonly principal: string;
  readonly annualRate: string;
  readonly penaltyMarkup: string;
  readonly startDate: string;
  readonly method:
    'equal-installment' | 'equal-principal' | 'bullet' | 'interest-only' | 'student-loan' | 'given';
  /** What the schedule was made from (accounts.schedule_params), as RegisterAccount stores it. */
  readonly scheduleParams: Record<string, unknown>;
  readonly schedule: readonly Installment[];
  readonly payments: readonly DemoPayment[];
}

/** A figure no ledger holds (kpi_inputs), entered as the office would on the KPI-input page. */
export interface DemoKpiInput {
  readonly input: 'deposit-balance' | 'recovery-plan' | 'recovered-opening';
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly amount: string;
  readonly note?: string;
}

export interface DemoPortfolio {
  readonly groups: readonly DemoGroup[];
  readonly debtors: readonly DemoDebtor[];
  readonly accounts: readonly DemoAccount[];
  readonly kpiInputs?: readonly DemoKpiInput[];
}

/** What a generator is given: the tenant's seeded stream, today, and how many accounts. */
export interface PortfolioContext {
  readonly today: string;
  /** Target number of accounts (the generators land close to it). */
  readonly size: number;
}

/** Accounts are written under this source; external refs are unique within it. */
export const DEMO_SOURCE = 'demo';
