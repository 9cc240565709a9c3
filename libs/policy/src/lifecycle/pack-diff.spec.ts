import { basePack, filesOf, resolved } from '../loader/pack.test-helpers';
import { diffPacks } from './pack-diff';

describe('the upgrade diff: what changes, structured', () => {
  const v1 = resolved(filesOf(basePack()));

  it('a first install lists everything as added', () => {
    const diff = diffPacks(null, v1);
    expect(diff.versionChange).toBe('install');
    expect(diff.sections.stages.added.map((s) => s.id)).toEqual(['calls', 'letter', 'legal']);
    expect(diff.parameters.added.map((p) => p.id)).toEqual(['legalReferralDpd', 'callSla']);
  });

  it('lists a changed stage condition with before and after, a new stage, a new default and a setting', () => {
    const next = basePack();
    next.version = '1.1.0';
    const stages = next.stages as Record<string, unknown>[];
    stages[1].when = { dpd: { min: 10 } };
    stages.push({ id: 'final', when: { dpd: { min: 30 } }, do: [{ notice: 'overdue-demand' }] });
    (next.parameters as Record<string, unknown>[])[0].default = 60;
    next.contactRules = { maxAttemptsPerDay: 2 };
    const v2 = resolved(filesOf(next));
    const diff = diffPacks(v1, v2);
    expect(diff.versionChange).toBe('upgrade');
    expect(diff.sections.stages.changed).toEqual([
      {
        id: 'letter',
        changes: [{ field: 'when', before: { dpd: { min: 7 } }, after: { dpd: { min: 10 } } }],
      },
      {
        id: 'legal',
        changes: [{ field: 'when', before: { dpd: { min: 90 } }, after: { dpd: { min: 60 } } }],
      },
    ]);
    expect(diff.sections.stages.added.map((s) => s.id)).toEqual(['final']);
    expect(diff.parameters.changed).toEqual([
      { id: 'legalReferralDpd', changes: [{ field: 'default', before: 90, after: 60 }] },
    ]);
    expect(diff.paramValues).toEqual([{ field: 'legalReferralDpd', before: 90, after: 60 }]);
    expect(diff.settings).toEqual([
      { field: 'contactRules.maxAttemptsPerDay', before: 3, after: 2 },
    ]);
    expect(diff.changes).toBe(6);
  });

  it('the same pack and parameters change nothing; only a tenant override shows as a value change', () => {
    expect(diffPacks(v1, resolved(filesOf(basePack()))).changes).toBe(0);
    const overridden = resolved(filesOf(basePack()), {
      mode: 'install',
      params: { legalReferralDpd: 120 },
    });
    const diff = diffPacks(v1, overridden);
    expect(diff.versionChange).toBe('same');
    expect(diff.paramValues).toEqual([{ field: 'legalReferralDpd', before: 90, after: 120 }]);
    expect(diff.sections.stages.changed[0].id).toBe('legal');
  });
});
