import { EntityManager } from '@mikro-orm/postgresql';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertDebtorVisible, ForbiddenError, requirePermission, viewerOf } from '@qingshou/core';
import { EventLog, TenantTx } from '@qingshou/db';
import { AccountBalances } from '../read/account-balances.service';
import { summarise } from '../read/balance-summary';
import {
  mayRevealPersonalData,
  PERSONAL_DATA_REVEAL_ROLES,
  PersonalDataView,
} from '../personal-data/personal-data-policy';
import { BusinessDate } from '../support/business-date';
import { assertDebtorExists } from '../support/debtor-exists';
import { resolveAsOf } from '../support/as-of';
import { eventContext, LEDGER_EVENTS } from '../support/ledger-events';
import { readDebtor, readGroups, readRelatedParties } from './debtor-rows';
import { DebtorView, GetDebtor } from './get-debtor.query';

/**
 * Reads with SQL only. Balances are computed live as of `asOf` (default today) rather than
 * read from account_balances, whose as_of may lag until the daily run refreshes it.
 * A revealed view is audited in the same transaction: no unaudited whole view can be served.
 */
@QueryHandler(GetDebtor)
export class GetDebtorHandler implements IQueryHandler<GetDebtor, DebtorView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly dates: BusinessDate,
    private readonly balances: AccountBalances,
  ) {}

  execute(query: GetDebtor): Promise<DebtorView> {
    requirePermission(viewerOf(query), 'ledger.read');
    const reveal = query.options.reveal === true;
    if (reveal && !mayRevealPersonalData(query.roles)) {
      throw new ForbiddenError(
        `Unmasked personal data is shown only to: ${PERSONAL_DATA_REVEAL_ROLES.join(', ')}`,
      );
    }
    return this.tx.run(query.tenantId, (em) => this.read(em, query, reveal));
  }

  private async read(em: EntityManager, query: GetDebtor, reveal: boolean): Promise<DebtorView> {
    const { tenantId, debtorId } = query;
    await assertDebtorExists(em, tenantId, debtorId);
    // A collector reaches a debtor only through a case assigned to them (404 otherwise).
    await assertDebtorVisible(em, viewerOf(query), tenantId, debtorId);
    const asOf = await resolveAsOf(em, this.dates, tenantId, query.options.asOf);
    const debtor = await readDebtor(em, tenantId, debtorId);
    const parties = await readRelatedParties(em, tenantId, debtorId);
    const groups = await readGroups(em, tenantId, debtorId);
    const accounts = (await this.balances.loadDebtor(em, tenantId, debtorId)).map((loaded) => {
      const { debtorId: _owner, ...account } = loaded.account;
      const balance = summarise(this.balances.compute(tenantId, loaded, asOf));
      return { ...account, balance };
    });
    const view = new PersonalDataView(reveal);
    if (reveal) {
      await this.events.append(em, eventContext(query, this.dates.now()), [
        {
          type: LEDGER_EVENTS.personalDataViewed,
          aggregateType: 'debtor',
          aggregateId: debtorId,
          payload: {
            debtorId,
            view: 'debtor-360',
            fields: ['idNumber', 'phones', 'address'],
            relatedPartyIds: parties.map((p) => p.id),
            viewerRoles: [...query.roles],
          },
        },
      ]);
    }
    return {
      ...debtor,
      idNumber: view.idNumber(debtor.idNumber) as string,
      phones: debtor.phones.map((p) => view.phone(p) as string),
      address: view.address(debtor.address),
      masked: !reveal,
      asOf,
      accounts,
      relatedParties: parties.map((p) => ({
        ...p,
        idNumber: view.idNumber(p.idNumber),
        phone: view.phone(p.phone),
        address: view.address(p.address),
      })),
      groups,
    };
  }
}
