import { UpgradePack } from '../../libs/policy/src';
import { ownerQuery } from '../collection/support/fixtures';
import { meta } from '../kpi/support/kpi-fixtures';
import {
  balanceOf,
  COOP_PARAMS,
  nightlySnapshot,
  registerThroughApi,
  storedTerms,
  tenantWithPack,
  type TermsWorld,
} from './support/ledger-terms-kit';

/**
 * docs/policy-packs.md "Terms from the pack": an upgrade's terms apply from its effective
 * date (the business day it was made); the days before keep the terms then in force, so a
 * penalty already accrued never changes. 50,000.00 + 1,200.00 interest at 7.2% due
 * 2026-01-01; the co-op lowers its markup from 50% to 30% on 2026-01-31.
 */
describe('a pack upgrade reprices existing accounts from its effective date only', () => {
  let world: TermsWorld;
  let accountId: string;
  let before: { jan30: unknown; feb15: unknown };

  beforeAll(async () => {
    world = await tenantWithPack(
      'coop-upgrade',
      '2026-01-10T10:00:00+08:00',
      'credit-coop-npl-drive',
      COOP_PARAMS,
    );
    const created = await registerThroughApi(world, {
      principal: '50000.00',
      interest: '1200.00',
      annualRate: '7.2%',
      startDate: '2025-07-01',
      dueOn: '2026-01-01',
    });
    accountId = created.body.id;
    before = {
      jan30: await balanceOf(world, accountId, '2026-01-30'),
      feb15: await balanceOf(world, accountId, '2026-02-15'),
    };
    const [active] = await ownerQuery<{ id: string }>(
      world.api,
      `select id from pack_installations where tenant_id = $1 and status = 'active'`,
      [world.tenantId],
    );
    world.api.clock.set('2026-01-31T10:00:00+08:00');
    await world.api.commands.execute(
      new UpgradePack(
        meta(world.tenantId, 'test-admin', ['tenant-admin']),
        world.tenantId,
        'credit-coop-npl-drive',
        undefined,
        { ...COOP_PARAMS, penaltyMarkup: '30%' },
        active.id,
      ),
    );
  }, 120_000);
  afterAll(async () => world?.api.close());

  it('before the upgrade, 45 days at 50%: penalty 675.00, compound 16.20', () => {
    expect(before.feb15).toMatchObject({ penaltyInterest: '675.00', compoundInterest: '16.20' });
  });

  it('days before 01-31 keep 50%: the balance as of 01-30 is unchanged (29 days: 435.00 and 10.44)', async () => {
    const after = await balanceOf(world, accountId, '2026-01-30');
    expect(after).toEqual(before.jan30);
    expect(after).toMatchObject({ penaltyInterest: '435.00', compoundInterest: '10.44' });
  });

  it('from 01-31 on at 30%: 435.00 + 50,000.00 × 7.2% × 1.3 / 360 × 16 = 208.00 → 643.00; compound 10.44 + 4.992 → 15.43', async () => {
    expect(await balanceOf(world, accountId, '2026-02-15')).toMatchObject({
      dpd: 45,
      penaltyInterest: '643.00',
      compoundInterest: '15.43',
      totalDue: '51858.43',
    });
  });

  it('the nightly recompute prices the same way (643.00, 15.43); the account row is not rewritten', async () => {
    expect(await nightlySnapshot(world, accountId, '2026-02-15')).toEqual({
      penalty_interest: '643.00',
      compound_interest: '15.43',
    });
    expect(await storedTerms(world, accountId)).toMatchObject({
      penalty_markup: '0.500000',
      own_terms: [],
    });
  });
});
