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
 * Issue 12: the co-op pack (篇三) declares a 50% penalty markup and compound interest; an
 * account registered without its own markup must carry both — on every read and in the
 * nightly recompute.
 */
describe('co-op pack terms bind a loan registered without its own markup', () => {
  let world: TermsWorld;
  let accountId: string;

  beforeAll(async () => {
    world = await tenantWithPack(
      'coop-terms-reg',
      '2026-03-18T10:00:00+08:00',
      'credit-coop-npl-drive',
      COOP_PARAMS,
    );
    const created = await registerThroughApi(world, {
      principal: '50000.00',
      interest: '1200.00',
      annualRate: '7.2%',
      startDate: '2025-08-01',
      dueOn: '2026-02-01',
    });
    accountId = created.body.id;
  }, 120_000);
  afterAll(async () => world?.api.close());

  it('stores the pack’s 50% markup, compound on and basis 360 as the account’s terms, owning none itself', async () => {
    expect(await storedTerms(world, accountId)).toEqual({
      penalty_markup: '0.500000',
      compound_enabled: true,
      day_count_basis: 360,
      own_terms: [],
    });
  });

  it('45 days overdue: penalty 50,000.00 × 7.2% × 1.5 / 360 × 45 = 675.00, compound 1,200.00 × 7.2% × 1.5 / 360 × 45 = 16.20', async () => {
    const balance = await balanceOf(world, accountId, '2026-03-18');
    expect(balance).toMatchObject({
      dpd: 45,
      overduePrincipal: '50000.00',
      overdueInterest: '1200.00',
      penaltyInterest: '675.00',
      compoundInterest: '16.20',
      totalDue: '51891.20',
    });
  });

  it('the nightly balance recompute writes the same 675.00 and 16.20', async () => {
    expect(await nightlySnapshot(world, accountId, '2026-03-18')).toEqual({
      penalty_interest: '675.00',
      compound_interest: '16.20',
    });
  });
});
