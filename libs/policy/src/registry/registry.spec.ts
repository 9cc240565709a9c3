import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { filesOf, OVERDUE_TEMPLATE, problemsOf } from '../loader/pack.test-helpers';
import { ACTIONS } from './actions';
import { CONDITIONS } from './conditions';
import { EVENTS } from './events';
import { METRICS } from './metrics';

/** A pack declaring every name the registry examples refer to. */
function packWith(stages: unknown[]): Record<string, unknown> {
  const names = { zh: '名', en: 'Name' };
  return {
    id: 'examples',
    version: '1.0.0',
    names,
    accountTypes: ['microloan', 'employer-contribution'],
    groupTypes: ['village'],
    parameters: [
      { name: 'amnestyDate', type: 'date', default: '2026-08-01', description: names },
      { name: 'annualRecoveryPlan', type: 'decimal', default: '1000000.00', description: names },
      { name: 'depositBalance', type: 'decimal', default: '5000000.00', description: names },
    ],
    attributes: [
      {
        key: 'cash-position',
        names,
        subject: 'debtor',
        type: 'enum',
        values: [{ code: 'good', ...names }],
      },
    ],
    reasonCodes: { codes: [{ code: 'bad-faith', ...names }] },
    flags: [{ id: 'credit-hold', names, kind: 'hold' }],
    drives: [
      {
        id: 'npl-drive',
        names,
        phases: [{ id: 'collection', names, start: '2026-07-01', days: 30 }],
      },
    ],
    reports: [{ id: 'bad-faith-defaulters', names, schedule: { every: 'month' } }],
    stages: [{ id: 'legal', when: { dpd: 90 } }, ...stages],
  };
}

const example = (text: string) => YAML.parse(text.split('   #')[0]) as Record<string, unknown>;

describe('the registries: closed, documented, and their examples valid', () => {
  it('every condition example validates as a stage condition', () => {
    const stages = Object.values(CONDITIONS).map((e, i) => ({
      id: `s${i}`,
      when: example(e.example),
    }));
    expect(problemsOf(filesOf(packWith(stages)))).toEqual([]);
  });

  it('every action example validates in a stage', () => {
    const stages = Object.values(ACTIONS).map((e, i) => ({
      id: `s${i}`,
      when: { dpd: 1 },
      do: [example(e.example)],
    }));
    expect(problemsOf(filesOf(packWith(stages), { 'overdue-demand': OVERDUE_TEMPLATE }))).toEqual(
      [],
    );
  });

  it('every metric example validates as a target, each with a definition in both languages', () => {
    const targets = Object.entries(METRICS).map(([name, e], i) => {
      const bound = e.better === 'lower' ? { max: 1 } : { min: 0 };
      return { id: `t${i}`, ...example(e.example), ...bound, metric: name };
    });
    expect(problemsOf(filesOf({ ...packWith([]), targets }))).toEqual([]);
    for (const entry of Object.values(METRICS)) {
      expect(entry.summary.zh.length).toBeGreaterThan(5);
      expect(entry.summary.en.length).toBeGreaterThan(5);
    }
  });

  it('docs/policy-packs.md documents every condition, action, metric and event', () => {
    const docs = readFileSync(
      join(__dirname, '..', '..', '..', '..', 'docs', 'policy-packs.md'),
      'utf8',
    );
    const names = [
      ...Object.keys(CONDITIONS),
      ...Object.keys(ACTIONS),
      ...Object.keys(METRICS),
      ...Object.keys(EVENTS),
    ];
    expect(names.filter((name) => !docs.includes(name))).toEqual([]);
  });
});
