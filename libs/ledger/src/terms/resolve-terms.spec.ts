import Decimal from 'decimal.js';
import { newAccountTerms } from './new-account-terms';
import type { PackTerms, TenantTerms } from './pack-terms';
import { loanTermsOf } from './resolve-terms';

const COOP: PackTerms = {
  pack: 'coop@1.0.0',
  penaltyMarkup: '0.5',
  compoundInterest: true,
  dayCountBasis: 360,
  accountMayOverride: [],
};
const stored = {
  penaltyMarkup: '0.300000',
  compoundEnabled: false,
  dayCountBasis: 365 as const,
};

describe('loanTermsOf: the terms a balance is computed on', () => {
  it('without a pack the account row’s terms apply as stored', () => {
    expect(loanTermsOf(stored, { periods: [] })).toEqual({
      penaltyMarkup: '0.300000',
      compoundInterest: false,
      dayCountBasis: 365,
    });
  });

  it('a pack that states every term binds them all, whatever the row says', () => {
    const tenant: TenantTerms = { periods: [{ ...COOP, from: '2026-01-01' }] };
    expect(loanTermsOf(stored, tenant)).toEqual({
      penaltyMarkup: '0.5',
      compoundInterest: true,
      dayCountBasis: 360,
    });
  });

  it('an account’s own markup stands only where the pack lists it; compound stays the pack’s', () => {
    const tenant: TenantTerms = {
      periods: [{ ...COOP, accountMayOverride: ['penaltyMarkup'], from: '2026-01-01' }],
    };
    expect(loanTermsOf({ ...stored, ownTerms: ['penaltyMarkup'] }, tenant)).toMatchObject({
      penaltyMarkup: '0.300000',
      compoundInterest: true,
    });
    // Listed but not owned: the pack's.
    expect(loanTermsOf(stored, tenant).penaltyMarkup).toBe('0.5');
  });

  it('an upgrade on 01-31 leaves the earlier terms through 01-30; equal neighbours merge', () => {
    const tenant: TenantTerms = {
      periods: [
        { ...COOP, from: '2026-01-01' },
        { ...COOP, from: '2026-01-15' },
        { ...COOP, penaltyMarkup: '0.3', from: '2026-01-31' },
      ],
    };
    expect(loanTermsOf(stored, tenant)).toEqual({
      penaltyMarkup: '0.3',
      compoundInterest: true,
      dayCountBasis: 360,
      earlierTerms: [
        { through: '2026-01-30', penaltyMarkup: '0.5', compoundInterest: true, dayCountBasis: 360 },
      ],
    });
  });

  it('two installations on one day: the later governs it', () => {
    const tenant: TenantTerms = {
      periods: [
        { ...COOP, from: '2026-01-01' },
        { ...COOP, penaltyMarkup: '0.4', from: '2026-02-01' },
        { ...COOP, penaltyMarkup: '0.3', from: '2026-02-01' },
      ],
    };
    expect(loanTermsOf(stored, tenant)).toMatchObject({
      penaltyMarkup: '0.3',
      earlierTerms: [{ through: '2026-01-31', penaltyMarkup: '0.5' }],
    });
  });
});

describe('newAccountTerms: what a new account is stored with', () => {
  it('nothing given under the co-op pack: the pack’s 50%, compound on, 360, owning none', () => {
    expect(newAccountTerms(COOP, {})).toEqual({
      penaltyMarkup: '0.500000',
      compoundInterest: true,
      dayCountBasis: 360,
      ownTerms: [],
      refused: [],
    });
  });

  it('a different markup where the pack binds it is refused, naming the pack and its value', () => {
    const terms = newAccountTerms(COOP, { penaltyMarkup: new Decimal('0.3') });
    expect(terms.refused).toEqual([
      {
        term: 'penaltyMarkup',
        reason: expect.stringMatching(/^the pack coop@1.0.0 sets 50% and does not let/),
        reasonZh: '方案 coop@1.0.0 规定为 50%，不允许单户另行约定',
      },
    ]);
  });

  it('where the pack says nothing the given value is the account’s own; nothing given → 0, off, 360', () => {
    const silent: PackTerms = { pack: 'leasing@1.0.0', dayCountBasis: 360, accountMayOverride: [] };
    expect(newAccountTerms(silent, { penaltyMarkup: new Decimal('0.5') })).toMatchObject({
      penaltyMarkup: '0.500000',
      compoundInterest: false,
      ownTerms: ['penaltyMarkup'],
    });
    expect(newAccountTerms(undefined, {})).toMatchObject({
      penaltyMarkup: '0.000000',
      compoundInterest: false,
      dayCountBasis: 360,
      ownTerms: [],
    });
  });
});
