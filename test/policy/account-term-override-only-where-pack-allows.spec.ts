import {
  balanceOf,
  COOP_PARAMS,
  registerThroughApi,
  storedTerms,
  tenantWithPack,
  type TermsWorld,
} from './support/ledger-terms-kit';

const LOAN = {
  principal: '50000.00',
  interest: '1200.00',
  annualRate: '7.2%',
  startDate: '2025-08-01',
  dueOn: '2026-02-01',
};
const NOW = '2026-03-18T10:00:00+08:00';

/**
 * An account sets its own markup, compound switch or basis only where its pack lists the
 * term in interest.accountMayOverride; a value equal to the pack's is no override.
 */
describe('an account overrides a pack term only where the pack allows it', () => {
  let coop: TermsWorld;
  let drive: TermsWorld;

  beforeAll(async () => {
    coop = await tenantWithPack('coop-override', NOW, 'credit-coop-npl-drive', COOP_PARAMS);
    drive = await tenantWithPack('drive-override', NOW, 'test-drive');
  }, 120_000);
  afterAll(async () => {
    await coop?.api.close();
    await drive?.api.close();
  });

  it('the co-op pack binds its terms: a 30% markup and compound off are refused with 400, each naming its field', async () => {
    const response = await registerThroughApi(
      coop,
      LOAN,
      { penaltyMarkup: '30%', compoundInterest: false },
      400,
    );
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        {
          path: 'body.penaltyMarkup',
          reason: expect.stringMatching(
            /^the pack credit-coop-npl-drive@\S+ sets 50% and does not let an account set its own \(interest.accountMayOverride\)/,
          ),
        },
        {
          path: 'body.compoundInterest',
          reason: expect.stringMatching(/sets compound interest on and does not let an account/),
        },
      ]),
    );
    expect(response.body.errors).toHaveLength(2);
  });

  it('giving the pack’s own 50% is no override: accepted, stored as the pack’s (owns nothing)', async () => {
    const { body } = await registerThroughApi(coop, LOAN, { penaltyMarkup: '50%' });
    expect(await storedTerms(coop, body.id)).toMatchObject({
      penalty_markup: '0.500000',
      own_terms: [],
    });
  });

  it('test-drive lists penaltyMarkup: a contract’s 30% is its own → 50,000.00 × 7.2% × 1.3 / 360 × 45 = 585.00', async () => {
    const { body } = await registerThroughApi(drive, LOAN, { penaltyMarkup: '30%' });
    expect(await storedTerms(drive, body.id)).toMatchObject({
      penalty_markup: '0.300000',
      compound_enabled: true,
      own_terms: ['penaltyMarkup'],
    });
    // Compound stays the pack's (not overridable): 1,200.00 × 9.36% / 360 × 45 = 14.04.
    expect(await balanceOf(drive, body.id, '2026-03-18')).toMatchObject({
      penaltyInterest: '585.00',
      compoundInterest: '14.04',
    });
  });
});
