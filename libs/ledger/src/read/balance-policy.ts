import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Balance, LoanAccount } from '../domain/balance/account.types';
import type { LocalDate } from '../domain/local-date';
import type { LoadedAccount } from './loan-rows';

/**
 * Relief a higher lib grants on an account's balance (DESIGN §4: "incentives can waive
 * either"): given the account's own computation, it returns the balance to show — e.g.
 * recomputed without penalty and compound interest because the debtor settled before an
 * amnesty date. A pure function of the loaded rows, so every read of the same account as
 * of the same date agrees.
 */
export type BalanceAdjuster = (
  asOf: LocalDate,
  compute: (loan: LoanAccount, asOf: LocalDate) => Balance,
) => Balance;

/**
 * Port: asked for every account loaded, inside the caller's transaction, so it may read what
 * it needs (the tenant's pinned pack, approvals). Null: no relief for this account.
 */
export abstract class BalanceRelief {
  abstract adjusterFor(
    em: EntityManager,
    tenantId: string,
    loaded: LoadedAccount,
  ): Promise<BalanceAdjuster | null>;

  /**
   * The adjusters of many accounts, in their order. The default asks adjusterFor one by
   * one; a relief that reads the database overrides it with one read for the whole list
   * (the daily run's chunks are 1,000 accounts).
   */
  async adjustersFor(
    em: EntityManager,
    tenantId: string,
    loaded: readonly LoadedAccount[],
  ): Promise<(BalanceAdjuster | null)[]> {
    const out: (BalanceAdjuster | null)[] = [];
    for (const one of loaded) out.push(await this.adjusterFor(em, tenantId, one));
    return out;
  }
}

/**
 * Where the higher lib plugs its BalanceRelief in (libs/policy registers one when its
 * module starts). A registry rather than a provider override: LedgerModule is one static
 * module shared by every app, and a lib above it cannot rebind its providers.
 */
@Injectable()
export class BalanceReliefs {
  private relief: BalanceRelief | null = null;

  use(relief: BalanceRelief): void {
    this.relief = relief;
  }

  current(): BalanceRelief | null {
    return this.relief;
  }
}
