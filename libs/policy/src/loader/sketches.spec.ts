import { join } from 'node:path';
import { PackLoader } from './pack-loader';
import { PackRegistry } from './pack-registry';

/**
 * The sketches in libs/policy/src/sketches write every rule issue 5 lists in the pack
 * format (docs/policy-packs.md maps rule → construct). Loading them proves the schema can
 * say each one; the real packs of issue 5 will replace them.
 */
describe('the format expresses every rule of the six packs of issue 5', () => {
  const loader = new PackLoader(new PackRegistry());
  const load = (name: string, params: Record<string, unknown> = {}) => {
    const result = loader.loadDir(join(__dirname, '..', 'sketches', name), {
      mode: 'install',
      params,
    });
    if (!result.ok)
      throw new Error(result.problems.map((p) => `${p.path}: ${p.reason}`).join('\n'));
    return result.pack;
  };

  it('leasing-dealer-arrears (篇一, 篇五): credit hold exposed, strategy by position, reconciled statements', () => {
    const pack = load('leasing');
    expect(pack.spec.flags[0]).toMatchObject({
      id: 'credit-hold',
      exposed: true,
      effects: ['stop-supply'],
    });
    expect(pack.spec.rules.map((r) => r.id)).toContain('otherwise-legal');
    expect(pack.spec.notices[0]).toMatchObject({
      template: 'statement',
      replySlip: { returnWithinDays: 15 },
    });
    expect(pack.spec.reports[0].approvals.map((a) => a.by)).toEqual([
      'sales-manager',
      'sales-finance',
    ]);
  });

  it('student-loan (篇二, 篇四, 篇七): default rate ≤ 5% per school and cohort, reminders, leader duties', () => {
    const pack = load('student');
    expect(pack.spec.targets[0]).toMatchObject({
      metric: 'defaultRate',
      max: '0.05',
      stretch: '0',
      per: ['school', 'cohort'],
    });
    expect(pack.spec.targets[0].args).toEqual({ thresholdDays: 90 });
    expect(pack.spec.reminders[0].daysBefore).toBe(30);
  });

  it('credit-coop-npl-drive (篇三): phases from the launch date, amnesty, credit village at 10%', () => {
    const pack = load('coop', { launchDate: '2026-07-16', amnestyDate: '2026-08-01' });
    const phases = pack.spec.drives[0].phases;
    expect(phases.map((p) => [p.id, p.start ?? null, p.days])).toEqual([
      ['survey', '2026-07-16', 5],
      ['determination', null, 10],
      ['mobilisation', null, 7],
      ['collection', null, 130],
      ['review', null, 31],
    ]);
    expect(pack.spec.incentives[0].effect).toEqual({
      waive: ['penaltyInterest', 'compoundInterest'],
      interestAt: 'contract',
    });
    expect(pack.spec.ratings[0].criteria[0]).toMatchObject({ metric: 'nplRatio', max: '0.1' });
  });

  it('card-collection-agency (篇八): SLAs of 2 working hours / 1 working day / 2 working days; 5-year retention', () => {
    const pack = load('agency');
    const slas = pack.spec.rules.map(
      (r) => (r.do[0] as { task: { sla?: string } }).task.sla ?? null,
    );
    expect(slas).toEqual([
      '2 working hours',
      '1 working day',
      '2 working hours',
      '2 working days',
      null,
      null,
    ]);
    expect(pack.spec.retention[0]).toMatchObject({
      years: 5,
      from: 'agreementEnded',
      legalHold: true,
    });
  });

  it('housing-fund (篇九): recovered vs plan ≥ 91%, loan-to-deposit ≥ 82%, stopped employers listed', () => {
    const pack = load('housing');
    expect(pack.spec.targets.map((t) => [t.id, t.min ?? null, t.max ?? null])).toEqual([
      ['recovered-vs-plan', '0.91', null],
      ['overdue-rate', null, '0.015'],
      ['loan-to-deposit', '0.82', null],
    ]);
  });

  it('microloan-overdue (篇六) is policies/test-ladder; every pack in policies/ validates', () => {
    for (const id of loader.registry.ids()) {
      const result = loader.load(id, undefined, { mode: 'validate' });
      expect({ id, problems: result.ok ? [] : result.problems }).toEqual({ id, problems: [] });
    }
  });
});
