import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { DueComponent } from '../domain/allocation/allocation.types';
import type { DpdBand } from '../domain/balance/dpd-threshold';
import type { LoanClass } from '../domain/balance/loan-class';
import type { LocalDate } from '../domain/local-date';
import type { DayCountBasis } from '../domain/rate';

/** The terms an account row carries and a pack may bind (DESIGN §4). */
export const ACCOUNT_TERM_NAMES = ['penaltyMarkup', 'compoundInterest', 'dayCountBasis'] as const;
export type AccountTermName = (typeof ACCOUNT_TERM_NAMES)[number];

/**
 * What one pinned pack says about the ledger's terms. A field left out: the pack says
 * nothing and the account's own value (or the domain default) stands.
 */
export interface PackTerms {
  /** 'credit-coop-npl-drive@1.2.0', for messages. */
  readonly pack: string;
  /** A fraction: '0.5' is 50% above the contract rate. */
  readonly penaltyMarkup?: string;
  readonly compoundInterest?: boolean;
  readonly dayCountBasis?: DayCountBasis;
  readonly allocationOrder?: readonly DueComponent[];
  /** Terms an account may set for itself (interest.accountMayOverride); the rest bind. */
  readonly accountMayOverride: readonly AccountTermName[];
}

/** One installation's terms, governing the days from `from` (its business date) on. */
export interface TermsPeriod extends PackTerms {
  readonly from: LocalDate;
}

export interface TenantTerms {
  /**
   * Every installation the tenant pinned, oldest first. The first also governs the days
   * before it was installed (a loan older than the tenant's pack still has one set of
   * terms); each later one, the days from its date on. Empty: no pack.
   */
  readonly periods: readonly TermsPeriod[];
  /** 账龄 and 五级分类 cut-offs of the active installation, where it states them. */
  readonly agingBuckets?: readonly DpdBand<string>[];
  readonly loanClassBands?: readonly DpdBand<LoanClass>[];
}

export const NO_PACK_TERMS: TenantTerms = { periods: [] };

/**
 * Port (DESIGN §1): the tenant's pinned packs live above the ledger. libs/policy implements
 * it (libs/policy/src/ledger-terms) and plugs it in when its module starts.
 */
export abstract class PackTermsSource {
  /** Read inside the caller's transaction (RLS binds it to the tenant). */
  abstract termsOf(em: EntityManager, tenantId: string): Promise<TenantTerms>;
}

/**
 * Where the pack lib registers its PackTermsSource: a registry rather than a provider
 * override, for the reason BalanceReliefs gives (LedgerModule is one static module that a
 * lib above it cannot rebind). Without a source every tenant reads as having no pack: the
 * account's own terms apply, as before packs governed the ledger.
 */
@Injectable()
export class LedgerTerms {
  private source: PackTermsSource | null = null;

  use(source: PackTermsSource): void {
    this.source = source;
  }

  /** Once per tenant per transaction step (a chunk, a command), never per account. */
  of(em: EntityManager, tenantId: string): Promise<TenantTerms> {
    return this.source ? this.source.termsOf(em, tenantId) : Promise.resolve(NO_PACK_TERMS);
  }
}
