import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@qingshou/core';
import type { Balance } from '../domain/balance/account.types';
import type { LocalDate } from '../domain/local-date';
import { isUuid } from '../support/input-check';
import { LoadedAccount, loadAccounts } from './account-loader';
import { balanceOf } from './balance-summary';
import { BalancePolicy } from './balance-policy';
import { writeBalanceSnapshot } from './balance-snapshot';

/** Loading, computing and snapshotting an account's balance, shared by commands and queries. */
@Injectable()
export class AccountBalances {
  constructor(private readonly policy: BalancePolicy) {}

  /** Under RLS another tenant's id simply is not there: both read as 404, never 403. */
  async load(em: EntityManager, tenantId: string, accountId: string): Promise<LoadedAccount> {
    if (!isUuid(accountId)) throw new NotFoundError('Account', accountId);
    const [loaded] = await loadAccounts(em, tenantId, { accountId });
    if (!loaded) throw new NotFoundError('Account', accountId);
    return loaded;
  }

  compute(tenantId: string, loaded: LoadedAccount, asOf: LocalDate): Balance {
    const options = this.policy.optionsFor(tenantId, loaded.account);
    return balanceOf(loaded.account.id, loaded.loan, asOf, options);
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
