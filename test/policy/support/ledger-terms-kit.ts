import { QueryBus } from '@nestjs/cqrs';
import { TenantTx } from '../../../libs/db/src';
import {
  AccountBalances,
  type AccountBalanceView,
  GetAccountBalance,
  refreshBalanceChunk,
} from '../../../libs/ledger/src';
import { type CollectionTestApi } from '../../collection/support/collection-api';
import { ownerQuery, residentId, tenantWithUsers } from '../../collection/support/fixtures';
import {
  bearer,
  installPack,
  meta,
  startKpiApi,
  type LoanInput,
} from '../../kpi/support/kpi-fixtures';

/** The co-op drive's two dates have no default; the tenant admin gives them at install. */
export const COOP_PARAMS = { launchDate: '2026-03-09', amnestyDate: '2026-06-30' };

export interface TermsWorld {
  readonly api: CollectionTestApi;
  readonly tenantId: string;
  /** A manager's bearer token (may register accounts). */
  readonly token: string;
}

/** The app on its own database at `now`, one tenant with `pack` pinned. */
export async function tenantWithPack(
  slug: string,
  now: string,
  pack: string,
  params: Record<string, unknown> = {},
): Promise<TermsWorld> {
  const api = await startKpiApi({ now });
  const { tenantId, users } = await tenantWithUsers(api, slug, { chief: ['manager'] });
  await installPack(api, tenantId, pack, params);
  return { api, tenantId, token: users.chief.token };
}

/**
 * POST /accounts as the office would: one installment of `principal` + `interest` due on
 * `dueOn`, and only the terms given in `terms` (none: the pack's).
 */
export async function registerThroughApi(
  world: TermsWorld,
  loan: Pick<LoanInput, 'principal' | 'annualRate' | 'startDate' | 'dueOn' | 'interest'>,
  terms: Record<string, unknown> = {},
  expectStatus = 201,
) {
  const debtor = await world.api
    .http()
    .post('/api/v1/debtors')
    .set(bearer(world.token))
    .send({ kind: 'person', name: '林勇', idNumber: residentId() })
    .expect(201);
  return world.api
    .http()
    .post('/api/v1/accounts')
    .set(bearer(world.token))
    .send({
      debtorId: debtor.body.id,
      type: 'loan',
      source: 'coop-core',
      externalRef: `NX-${debtor.body.id.slice(0, 8)}`,
      principal: loan.principal,
      annualRate: loan.annualRate,
      startDate: loan.startDate,
      schedule: {
        method: 'given',
        installments: [
          { dueDate: loan.dueOn, principal: loan.principal, interest: loan.interest ?? '0.00' },
        ],
      },
      ...terms,
    })
    .expect(expectStatus);
}

/** The ledger's balance query (every read path goes through AccountBalances.load). */
export function balanceOf(
  world: TermsWorld,
  accountId: string,
  asOf: string,
): Promise<AccountBalanceView> {
  return world.api.app
    .get(QueryBus)
    .execute(new GetAccountBalance(meta(world.tenantId), accountId, asOf));
}

/** The nightly run's bulk recompute (recompute-balances step), then the snapshot it wrote. */
export async function nightlySnapshot(world: TermsWorld, accountId: string, asOf: string) {
  await world.api.app.get(TenantTx).run(world.tenantId, (em) =>
    refreshBalanceChunk(em, world.api.app.get(AccountBalances), {
      tenantId: world.tenantId,
      after: null,
      limit: 1000,
      asOf,
      now: new Date(),
    }),
  );
  const [row] = await ownerQuery<{ penalty_interest: string; compound_interest: string }>(
    world.api,
    `select penalty_interest::text, compound_interest::text from account_balances
     where tenant_id = $1 and account_id = $2`,
    [world.tenantId, accountId],
  );
  return row;
}

/** What the accounts row stores: the pack's values for terms the account does not own. */
export async function storedTerms(world: TermsWorld, accountId: string) {
  const [row] = await ownerQuery<{
    penalty_markup: string;
    compound_enabled: boolean;
    day_count_basis: number;
    own_terms: string[];
  }>(
    world.api,
    `select penalty_markup::text, compound_enabled, day_count_basis, own_terms
     from accounts where tenant_id = $1 and id = $2`,
    [world.tenantId, accountId],
  );
  return row;
}
