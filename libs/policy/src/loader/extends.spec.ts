import { PackRegistry } from './pack-registry';
import { PackLoader } from './pack-loader';
import { basePack, filesOf, problemsOf, resolved, resolverOf } from './pack.test-helpers';

describe('extends: a pack builds on another, merging by id, the child overriding', () => {
  const loader = new PackLoader(new PackRegistry());
  const load = (id: string) => {
    const result = loader.load(id, undefined, { mode: 'validate' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.pack;
  };

  it('policies/test-extends keeps the base stages, places final-notice after demand-letter and overrides legal', () => {
    const pack = load('test-extends');
    expect(pack.extendsChain).toEqual(['test-ladder@1.0.0']);
    expect(pack.spec.stages.map((s) => s.id)).toEqual([
      'first-visit',
      'daily-calls',
      'guarantor',
      'demand-letter',
      'final-notice',
      'legal',
    ]);
    const legal = pack.spec.stages.find((s) => s.id === 'legal')!;
    expect(legal.when).toEqual({ any: [{ dpd: { min: 60 } }, { brokenPromises: { min: 1 } }] });
    // Only `when` was given: the base's actions stay.
    expect(legal.do.map((a) => Object.keys(a)[0])).toEqual([
      'approval',
      'referToLegal',
      'blacklistOnSettlement',
    ]);
  });

  it('a redeclared parameter takes the child default (90 → 60); removed and added targets; merged contact rules', () => {
    const base = load('test-ladder');
    const child = load('test-extends');
    expect(base.params.legalReferralDpd).toBe(90);
    expect(child.params.legalReferralDpd).toBe(60);
    expect(child.spec.targets.map((t) => t.id)).toEqual(['recovery']);
    expect(child.spec.contactRules).toMatchObject({ maxAttemptsPerDay: 2, maxAttemptsPer7Days: 7 });
    expect(Object.keys(child.templates).sort()).toEqual(['final-demand', 'overdue-demand']);
    expect(child.templates['overdue-demand'].pack).toBe('test-ladder');
  });

  it('a child template of the same name replaces the base template', () => {
    const base = filesOf(basePack());
    const child = filesOf(
      { id: 'child', version: '1.0.0', names: { zh: '子', en: 'Child' }, extends: 'unit-pack@^1' },
      { 'overdue-demand': '---\ntitle: 催款函（子）\nchannel: sms\n---\n{{debtor.name}}' },
    );
    const pack = resolved(child, { mode: 'validate' }, resolverOf(base));
    expect(pack.templates['overdue-demand']).toMatchObject({
      title: '催款函（子）',
      channel: 'sms',
      pack: 'child',
    });
  });

  it('refuses a version range the base does not meet, a missing base, a cycle, and stray directives', () => {
    const base = filesOf(basePack());
    const child = (ext: string) =>
      filesOf({ id: 'child', version: '1.0.0', names: { zh: '子', en: 'C' }, extends: ext });
    expect(problemsOf(child('unit-pack@^2.0.0'), undefined, resolverOf(base))).toEqual([
      { path: 'extends', reason: 'unit-pack is at version 1.0.0, which does not match "^2.0.0"' },
    ]);
    expect(problemsOf(child('nowhere@1'), undefined, resolverOf(base))).toEqual([
      { path: 'extends', reason: 'pack "nowhere" was not found' },
    ]);
    const loop = filesOf({ ...basePack(), extends: 'child@*' });
    expect(problemsOf(child('unit-pack'), undefined, resolverOf(loop))[0].reason).toMatch(
      /cycle: child → unit-pack → child/,
    );
    const stray = {
      ...basePack(),
      stages: [{ id: 'x', after: 'calls', when: { dpd: 1 }, do: [] }],
    };
    expect(problemsOf(filesOf(stray))).toEqual([
      {
        path: 'stages[0].after',
        reason: 'only a pack that extends another may use remove, after or before',
      },
    ]);
  });

  it('removing an item that is not there is refused at the directive', () => {
    const base = filesOf(basePack());
    const child = filesOf({
      id: 'child',
      version: '1.0.0',
      names: { zh: '子', en: 'C' },
      extends: 'unit-pack',
      stages: [{ id: 'ghost', remove: true }],
    });
    expect(problemsOf(child, undefined, resolverOf(base))).toEqual([
      { path: 'stages[0].remove', reason: 'there is no "ghost" to remove' },
    ]);
  });
});
