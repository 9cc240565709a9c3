import { PackLoader } from '../loader/pack-loader';
import { PackRegistry } from '../loader/pack-registry';
import { basePack, filesOf, problemsOf } from '../loader/pack.test-helpers';
import type { ResolvedPack } from '../loader/resolved-pack';
import { InstallationTermsRow, packTermsOf, tenantTermsOf } from './terms-of-installation';

/** A pack_installations row as the provider reads it (the jsonb paths it selects). */
function rowOf(pack: ResolvedPack, installedAt = '2026-03-01T02:00:00Z'): InstallationTermsRow {
  const spec = JSON.parse(JSON.stringify(pack.spec)) as Record<string, Record<string, unknown>>;
  return {
    pack_id: pack.id,
    version: pack.version,
    installed_at: installedAt,
    interest: spec.interest,
    day_count_basis: (spec.calendar?.dayCountBasis as number | undefined) ?? null,
    classification: spec.classification,
  };
}

describe('the ledger terms a pinned pack states', () => {
  const loader = new PackLoader(new PackRegistry());
  /** The co-op drive's two dates have no default; a tenant gives them at install. */
  const DATES = { launchDate: '2026-03-09', amnestyDate: '2026-06-30' };
  const load = (id: string, params: Record<string, unknown> = {}) => {
    const given = id === 'credit-coop-npl-drive' ? { ...DATES, ...params } : params;
    const result = loader.load(id, undefined, { mode: 'install', params: given });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.pack;
  };

  it('credit-coop-npl-drive binds a 50% markup, compound interest and basis 360, and lets no account override them', () => {
    const coop = load('credit-coop-npl-drive');
    expect(packTermsOf(rowOf(coop))).toEqual({
      pack: `credit-coop-npl-drive@${coop.version}`,
      penaltyMarkup: '0.5',
      compoundInterest: true,
      dayCountBasis: 360,
      accountMayOverride: [],
    });
  });

  it('the markup parameter is what binds: microloan-overdue with penaltyMarkup 30% → "0.3"', () => {
    expect(packTermsOf(rowOf(load('microloan-overdue', { penaltyMarkup: '30%' })))).toMatchObject({
      penaltyMarkup: '0.3',
      compoundInterest: true,
    });
  });

  it('a pack without an interest section states no markup and no compound switch (leasing: basis 360 only)', () => {
    const terms = packTermsOf(rowOf(load('leasing-dealer-arrears')));
    expect(terms).toEqual({
      pack: expect.stringMatching(/^leasing-dealer-arrears@/),
      dayCountBasis: 360,
      accountMayOverride: [],
    });
  });

  it('a snapshot pinned before packs governed the ledger (no accountMayOverride) states nothing', () => {
    const legacy = {
      ...rowOf(load('credit-coop-npl-drive')),
      interest: { penaltyMarkup: '0.5', compoundInterest: true, allocationOrder: ['fees'] },
    };
    expect(packTermsOf(legacy)).toEqual({
      pack: expect.stringMatching(/^credit-coop-npl-drive@/),
      accountMayOverride: [],
    });
  });

  it('each installation takes effect on its business date in the tenant zone: 2026-03-31T17:00Z is 04-01 in Shanghai', () => {
    const coop = load('credit-coop-npl-drive');
    const lower = load('credit-coop-npl-drive', { penaltyMarkup: '30%' });
    const terms = tenantTermsOf(
      [rowOf(coop, '2026-01-05T01:00:00Z'), rowOf(lower, '2026-03-31T17:00:00Z')],
      'Asia/Shanghai',
    );
    expect(terms.periods.map((p) => [p.from, p.penaltyMarkup])).toEqual([
      ['2026-01-05', '0.5'],
      ['2026-04-01', '0.3'],
    ]);
  });

  it('refuses an unknown term in interest.accountMayOverride, naming the path', () => {
    const pack = { ...basePack(), interest: { accountMayOverride: ['penaltyMarkup', 'rate'] } };
    expect(problemsOf(filesOf(pack))).toContainEqual({
      path: 'interest.accountMayOverride',
      reason: 'each entry must be one of: penaltyMarkup, compoundInterest, dayCountBasis',
    });
  });
});
