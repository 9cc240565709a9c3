import { resolve } from 'node:path';
import { PackLoader, PackRegistry } from '@qingshou/policy';
import type { CaseFacts, StageData } from './case-facts';
import { planCase } from './ladder';

const loaded = new PackLoader(new PackRegistry(resolve(__dirname, '../../../../policies'))).load(
  'test-engine-ladder',
  undefined,
  { mode: 'install', params: {} },
);
if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
const STAGES = loaded.pack.spec.stages;
const T = '00000000-0000-4000-8000-000000000001';
const C = '00000000-0000-4000-8000-0000000000cc';

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  const dpd = over.effectiveDpd ?? 0;
  return {
    caseId: C,
    debtorId: 'd',
    status: 'open',
    stage: null,
    assigneeId: null,
    overdueReasonCode: null,
    accountIds: ['a'],
    accountTypes: ['microloan'],
    dpd,
    effectiveDpd: dpd,
    inArrears: true,
    settled: false,
    pausedToday: false,
    amounts: {},
    loanClass: 'pass',
    brokenPromiseDates: [],
    latestPromiseStatus: null,
    contacts: [],
    flags: new Set(),
    events: {},
    settledOn: null,
    history: [],
    doneSeries: new Set(),
    ...over,
  };
}

const plan = (f: CaseFacts, asOf: string, stages: readonly StageData[] = STAGES) =>
  planCase({ tenantId: T, stages, facts: f, asOf });
const names = (p: ReturnType<typeof plan>) => p.actions.map((a) => `${a.stage}:${a.name}`);

describe('the ladder (docs/policy-packs.md §4 Stage)', () => {
  it('a case stands in the last stage whose when holds: DPD 95 with the 7.. and 90.. rungs → legal', () => {
    expect(plan(facts({ effectiveDpd: 95, stage: 'demand-letter' }), '2026-03-10').stage).toBe(
      'legal',
    );
  });

  it('2 broken promises send a DPD 10 case to legal; 1 does not', () => {
    const two = facts({ effectiveDpd: 10, brokenPromiseDates: ['2026-03-01', '2026-03-05'] });
    const one = facts({ effectiveDpd: 10, brokenPromiseDates: ['2026-03-05'] });
    expect(plan(two, '2026-03-10').stage).toBe('legal');
    expect(plan(one, '2026-03-10').stage).toBe('demand-letter');
  });

  it('entering daily-calls on day 1 fires one call keyed tenant:case:stage:index:date', () => {
    const p = plan(
      facts({
        effectiveDpd: 1,
        stage: 'first-visit',
        history: [{ from: null, to: 'first-visit', asOf: '2026-03-02' }],
      }),
      '2026-03-03',
    );
    expect(p.move).toEqual({ from: 'first-visit', to: 'daily-calls', reason: 'escalated' });
    expect(p.actions.map((a) => a.key)).toEqual([`${T}:${C}:daily-calls:0:2026-03-03`]);
  });

  it('imported at DPD 40 → demand-letter, caught up: the notice and the call, nothing of earlier rungs', () => {
    const p = plan(facts({ effectiveDpd: 40 }), '2026-03-12');
    expect(p.move).toEqual({ from: null, to: 'demand-letter', reason: 'caught-up' });
    expect(names(p)).toEqual(['demand-letter:notice', 'demand-letter:task']);
  });

  it('with catchUp: skip only the repeating call starts on a late entry', () => {
    const skip = STAGES.map((s) =>
      s.id === 'demand-letter' ? { ...s, catchUp: 'skip' as const } : s,
    );
    expect(names(plan(facts({ effectiveDpd: 40 }), '2026-03-12', skip))).toEqual([
      'demand-letter:task',
    ]);
  });

  it('a call `until: paid` keeps repeating after escalating to legal; the notice is not fired again', () => {
    const history = [
      { from: null, to: 'demand-letter', asOf: '2026-01-01' },
      { from: 'demand-letter', to: 'legal', asOf: '2026-03-31' },
    ];
    const p = plan(facts({ effectiveDpd: 91, stage: 'legal', history }), '2026-04-01');
    expect(p.actions.map((a) => a.key.slice(T.length + C.length + 2))).toEqual([
      'legal:0:2026-03-31',
      'legal:1:2026-03-31',
      'demand-letter:1:2026-04-01',
    ]);
  });

  it('escalating out of daily-calls cancels its open calls; clearing the arrears cancels every engine task', () => {
    const moved = plan(
      facts({
        effectiveDpd: 4,
        stage: 'daily-calls',
        history: [{ from: null, to: 'daily-calls', asOf: '2026-03-03' }],
      }),
      '2026-03-06',
    );
    expect(moved.cancelPrefixes).toEqual([`${T}:${C}:daily-calls:0:`]);
    const cleared = plan(facts({ inArrears: false, stage: 'daily-calls' }), '2026-03-06');
    expect(cleared.move).toEqual({ from: 'daily-calls', to: null, reason: 'cleared' });
    expect(cleared.cancelPrefixes).toEqual([`${T}:${C}:`]);
    expect(cleared.actions).toEqual([]);
  });

  it('a paused case fires nothing; a date behind the history is skipped', () => {
    const history = [{ from: null, to: 'daily-calls', asOf: '2026-03-03' }];
    expect(
      plan(
        facts({ effectiveDpd: 2, stage: 'daily-calls', history, pausedToday: true }),
        '2026-03-04',
      ).actions,
    ).toEqual([]);
    expect(
      plan(facts({ effectiveDpd: 2, stage: 'daily-calls', history }), '2026-03-01').skipped,
    ).toBe(true);
  });
});
