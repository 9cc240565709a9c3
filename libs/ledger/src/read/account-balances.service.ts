import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@qingshou/core';
import type { Balance, BalanceOptions, LoanAccount } from '../domain/balance/account.types';
import type { LocalDate } from '../domain/local-date';
import { isUuid } from '../support/input-check';
import { balanceOf } from './balance-summary';
import { LedgerTerms, TenantTerms } from '../terms/pack-terms';
import { loanTermsOf } from '../terms/resolve-terms';
import { loadAccounts } from './account-loader';
import type { AccountRow, LoadedAccount } from './loan-rows';
import { BalanceAdjuster, BalanceReliefs } from './balance-policy';
import { writeBalanceSnapshot } from './balance-snapshot';

/** Loading, computing and snapshotting an account's balance, shared by commands and queries. */
@Injectable()
export class AccountBalances {
  /** The relief found for each loaded account; dropped with the account object. */
  private readonly adjusters = new WeakMap<LoadedAccount, BalanceAdjuster>();
  /** The pack's aging buckets and loan-class bands, by account row (copies share it). */
  private readonly options = new WeakMap<AccountRow, BalanceOptions>();

  constructor(
    private readonly reliefs: BalanceReliefs,
    private readonly terms: LedgerTerms,
  ) {}

  /** Under RLS another tenant's id simply is not there: both read as 404, never 403. */
  async load(em: EntityManager, tenantId: string, accountId: string): Promise<LoadedAccount> {
    if (!isUuid(accountId)) throw new NotFoundError('Account', accountId);
    const [loaded] = await loadAccounts(em, tenantId, { accountId });
    if (!loaded) throw new NotFoundError('Account', accountId);
    await this.attachRelief(em, tenantId, [loaded]);
    return loaded;
  }

  /** All of a debtor's accounts, each with its relief. */
  async loadDebtor(
    em: EntityManager,
    tenantId: string,
    debtorId: string,
  ): Promise<LoadedAccount[]> {
    const loaded = await loadAccounts(em, tenantId, { debtorId });
    await this.attachRelief(em, tenantId, loaded);
    return loaded;
  }

  /**
   * Puts the tenant's pinned pack terms in force on the loaded accounts (one read of the
   * pack history for the whole list): penalty markup, compound interest, day-count basis
   * and allocation order as each day's installation states them, the account's own where
   * the pack lets it (see loanTermsOf). Without it `compute` sees the values stored on the
   * account row: the pack's as of registration, blind to later upgrades.
   */
  async attachTerms(
    em: EntityManager,
    tenantId: string,
    loaded: readonly LoadedAccount[],
  ): Promise<void> {
    if (loaded.length === 0) return;
    this.applyTerms(await this.terms.of(em, tenantId), loaded);
  }

  /** The tenant's pack terms as attachTerms reads them (for set-based writers of the same figures). */
  tenantTerms(em: EntityManager, tenantId: string): Promise<TenantTerms> {
    return this.terms.of(em, tenantId);
  }

  /** As attachTerms, with terms already read (the caller looked them up once per chunk). */
  applyTerms(tenant: TenantTerms, loaded: readonly LoadedAccount[]): void {
    const options: BalanceOptions = {
      ...(tenant.agingBuckets ? { agingBuckets: tenant.agingBuckets } : {}),
      ...(tenant.loanClassBands ? { loanClassBands: tenant.loanClassBands } : {}),
    };
    for (const one of loaded) {
      const terms = loanTermsOf(one.account, tenant);
      one.loan = { ...one.loan, allocationOrder: undefined, earlierTerms: undefined, ...terms };
      this.options.set(one.account, options);
    }
  }

  /**
   * Attaches the pack's terms (attachTerms), then asks the registered BalanceRelief (if any)
   * for the accounts' reliefs at once (one read for the whole list), while the transaction
   * is open; `compute` then applies them. Callers that load rows themselves (the daily
   * run's chunks, the engine's) call this before computing, or they see the terms stored on
   * the rows and no relief.
   */
  async attachRelief(
    em: EntityManager,
    tenantId: string,
    loaded: readonly LoadedAccount[],
  ): Promise<void> {
    await this.attachTerms(em, tenantId, loaded);
    const relief = this.reliefs.current();
    if (!relief || loaded.length === 0) return;
    const adjusters = await relief.adjustersFor(em, tenantId, loaded);
    loaded.forEach((one, i) => {
      const adjuster = adjusters[i];
      if (adjuster) this.adjusters.set(one, adjuster);
    });
  }

  /** `tenantId` names whose account this is; the terms were attached when it was loaded. */
  compute(_tenantId: string, loaded: LoadedAccount, asOf: LocalDate): Balance {
    const options = this.options.get(loaded.account) ?? {};
    const plain = (loan: LoanAccount, on: LocalDate) =>
      balanceOf(loaded.account.id, loan, on, options);
    const adjuster = this.adjusters.get(loaded);
    return adjuster ? adjuster(asOf, plain) : plain(loaded.loan, asOf);
  }

  /**
   * Serialises money movements on one account (row lock until commit), so the before/after
   * balances an event records are not interleaved with a concurrent payment.
   */
  async lock(em: EntityManager, tenantId: string, accountId: string): Promise<void> {
    if (!isUuid(accountId)) throw new NotFoundError('Account', accountId);
    const rows = await em.execute(
      `select id from accounts where tenant_id = ? and id = ? for update`,
      [tenantId, accountId],
    );
    if (rows.length === 0) throw new NotFoundError('Account', accountId);
  }

  /** Recomputes as of `asOf` from the rows now in the transaction and writes the snapshot. */
  async refresh(
    em: EntityManager,
    tenantId: string,
    accountId: string,
    asOf: LocalDate,
    now: Date,
  ): Promise<Balance> {
    const balance = this.compute(tenantId, await this.load(em, tenantId, accountId), asOf);
    await writeBalanceSnapshot(em, tenantId, accountId, balance, now);
    return balance;
  }
}
