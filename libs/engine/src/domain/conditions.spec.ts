import type { CaseFacts, ConditionData } from './case-facts';
import { conditionNames, holds } from './conditions';
import { groupMetricKey, groupMetricSpecs } from './group-metric';

const AS_OF = '2026-03-10';

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    caseId: 'c',
    debtorId: 'd',
    status: 'open',
    stage: null,
    assigneeId: null,
    overdueReasonCode: null,
    accountIds: ['a'],
    accountTypes: ['microloan'],
    dpd: 10,
    effectiveDpd: 10,
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

const judge = (condition: unknown, f: CaseFacts) =>
  holds(condition as ConditionData, { asOf: AS_OF, facts: f });

const NPL = { groupType: 'village', metric: 'nplRatio' };

describe('conditions bound to group metrics, drive phases, attributes and event dates', () => {
  it('groupMetric: a village NPL ratio of exactly 10% is within max 0.10; 10.0001% is not', () => {
    const at = (value: string | null) =>
      facts({ groupMetrics: new Map([[groupMetricKey(NPL), value]]) });
    const condition = { groupMetric: { ...NPL, max: '0.10' } };
    expect(judge(condition, at('0.1'))).toBe(true);
    expect(judge(condition, at('0.100001'))).toBe(false);
    expect(judge({ groupMetric: { ...NPL, min: 0.05 } }, at('0.1'))).toBe(true);
  });

  it('groupMetric: a group with nothing to measure, or no group, does not hold', () => {
    expect(
      judge(
        { groupMetric: { ...NPL, max: 1 } },
        facts({ groupMetrics: new Map([[groupMetricKey(NPL), null]]) }),
      ),
    ).toBe(false);
    expect(judge({ groupMetric: { ...NPL, max: 1 } }, facts({ groupMetrics: new Map() }))).toBe(
      false,
    );
  });

  it('groupMetric keys ignore argument order, and each distinct metric is computed once', () => {
    const a = { groupType: 'school', metric: 'defaultRate', args: { thresholdDays: 90, x: 1 } };
    const b = { groupType: 'school', metric: 'defaultRate', args: { x: 1, thresholdDays: 90 } };
    expect(groupMetricKey(a)).toBe(groupMetricKey(b));
    const specs = groupMetricSpecs([
      { groupMetric: { ...a, max: 0.05 } },
      { any: [{ not: { groupMetric: { ...b, min: 0.1 } } }, { dpd: { min: 1 } }] },
      { groupMetric: { ...NPL, max: 0.1 } },
    ] as unknown as ConditionData[]);
    expect(specs.map((s) => s.metric)).toEqual(['defaultRate', 'nplRatio']);
  });

  it('drivePhase: holds only while the drive stands in one of the phases', () => {
    const during = facts({ drivePhases: new Map([['npl-drive', 'collection']]) });
    expect(
      judge({ drivePhase: { drive: 'npl-drive', phase: ['collection', 'review'] } }, during),
    ).toBe(true);
    expect(judge({ drivePhase: { drive: 'npl-drive', phase: ['survey'] } }, during)).toBe(false);
    expect(
      judge(
        { drivePhase: { drive: 'npl-drive', phase: ['collection'] } },
        facts({ drivePhases: new Map() }),
      ),
    ).toBe(false);
  });

  it('attribute: in, set true and set false against recorded values', () => {
    const f = facts({ attributes: new Map([['cash-position', ['poor']]]) });
    expect(judge({ attribute: { key: 'cash-position', in: ['poor'] } }, f)).toBe(true);
    expect(judge({ attribute: { key: 'cash-position', in: ['good'] } }, f)).toBe(false);
    expect(judge({ attribute: { key: 'cash-position', set: true } }, f)).toBe(true);
    expect(judge({ attribute: { key: 'prospects', set: false } }, f)).toBe(true);
    expect(judge({ not: { attribute: { key: 'prospects', in: ['good'] } } }, f)).toBe(true);
  });

  it('daysSince: 31 days after the last payment is within max 31; 32 is not; never paid never holds', () => {
    const paid = (on: string) => facts({ events: { paymentReceived: on } });
    const condition = { daysSince: { event: 'paymentReceived', max: 31 } };
    expect(judge(condition, paid('2026-02-07'))).toBe(true);
    expect(judge(condition, paid('2026-02-06'))).toBe(false);
    expect(judge(condition, facts())).toBe(false);
    expect(judge({ not: condition }, facts())).toBe(true);
  });

  it('the loader is told which attribute keys and events a pack tests', () => {
    const needs = conditionNames({
      all: [
        { attribute: { key: 'credit-grade', in: ['very-poor'] } },
        { daysSince: { event: 'noticeSigned', min: 10 } },
        { groupMetric: { ...NPL, max: 0.1 } },
      ],
    } as unknown as ConditionData);
    expect([...needs].sort()).toEqual([
      'attribute',
      'attribute:credit-grade',
      'daysSince',
      'event:noticeSigned',
      'groupMetric',
    ]);
  });
});
