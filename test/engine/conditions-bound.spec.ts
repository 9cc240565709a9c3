import { LaunchDrive, RecordAttribute } from '../../libs/outcomes/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { borrower, openCase } from '../kpi/support/kpi-fixtures';
import { meta, nightOf, ownerQuery, packTenant, runNight } from '../packs/support/pack-scenario';

/**
 * The conditions bound outside the ladder's own facts, with policies/test-conditions: a
 * village's overdue rate (groupMetric, ≥ 50%), a recorded attribute (cash-position poor),
 * days since an assessment was recorded (daysSince attributeRecorded ≥ 3) and the phase of
 * the running drive (drivePhase collection). Every loan falls due on Monday 2026-03-02.
 */
const DUE = '2026-03-02';

describe('case evaluation binds groupMetric, attribute, daysSince and drivePhase', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  const cases: Record<string, string> = {};
  const stages = async () => {
    const rows = await ownerQuery<{ id: string; stage: string | null }>(
      api,
      `select id, stage from cases where tenant_id = $1`,
      [tenantId],
    );
    const byId = new Map(rows.map((r) => [r.id, r.stage]));
    return Object.fromEntries(Object.entries(cases).map(([name, id]) => [name, byId.get(id)]));
  };

  beforeAll(async () => {
    let users: Record<'boss', { id: string }>;
    ({ api, tenantId, users } = await packTenant('test-conditions', nightOf('2026-03-01'), {
      boss: ['manager'],
    }));
    const people: [string, string, string, { type: string; code: string }[]][] = [
      // 东村: 1,000.00 overdue of 2,000.00 outstanding = 50% → a focus village.
      ['东村甲', '1000.00', DUE, [{ type: 'village', code: '东村' }]],
      ['东村乙', '1000.00', '2026-12-31', [{ type: 'village', code: '东村' }]],
      // 西村: 1,000.00 overdue of 4,000.00 = 25% → not.
      ['西村甲', '1000.00', DUE, [{ type: 'village', code: '西村' }]],
      ['西村乙', '3000.00', '2026-12-31', [{ type: 'village', code: '西村' }]],
      ['资金差', '1000.00', DUE, []],
      ['已评估', '1000.00', DUE, []],
    ];
    for (const [name, principal, dueOn, groups] of people) {
      const made = await borrower(api, tenantId, {
        name,
        principal,
        startDate: '2025-12-01',
        dueOn,
        groups,
      });
      cases[name] = await openCase(api, tenantId, users.boss.id, made.debtorId);
      if (name === '资金差') {
        await api.commands.execute(
          new RecordAttribute(meta(tenantId), 'debtor', made.debtorId, 'cash-position', 'poor'),
        );
      }
      if (name === '已评估') {
        api.clock.set(nightOf('2026-03-03'));
        await api.commands.execute(
          new RecordAttribute(meta(tenantId), 'debtor', made.debtorId, 'prospects', 'good'),
        );
      }
    }
  }, 120_000);
  afterAll(async () => api?.close());

  it('03-03: 东村甲 (village overdue rate 50% ≥ 50%) is a focus village, 西村甲 (25%) is not; poor cash is its own stage', async () => {
    await runNight(api, tenantId, '2026-03-03');
    expect(await stages()).toEqual({
      东村甲: 'focus-village',
      东村乙: null,
      西村甲: 'overdue',
      西村乙: null,
      资金差: 'poor-cash',
      已评估: 'overdue',
    });
  });

  it('03-05 (2 days after the assessment) nothing moves; 03-06 (3 days) 已评估 moves to assessed', async () => {
    expect((await runNight(api, tenantId, '2026-03-05')).moves).toEqual([]);
    const summary = await runNight(api, tenantId, '2026-03-06');
    expect(summary.moves).toEqual([
      { caseId: cases['已评估'], from: 'overdue', to: 'assessed', reason: 'escalated' },
    ]);
  });

  it('the drive: survey phase (03-09, 03-10) moves nothing; collection (03-11) moves every overdue case', async () => {
    const launched = await api.commands.execute(
      new LaunchDrive(meta(tenantId), 'npl-drive', '2026-03-09'),
    );
    expect(launched.phases).toEqual([
      { key: 'survey', startsOn: '2026-03-09', endsOn: '2026-03-10' },
      { key: 'collection', startsOn: '2026-03-11', endsOn: '2026-03-31' },
    ]);
    expect((await runNight(api, tenantId, '2026-03-10')).moves).toEqual([]);
    const summary = await runNight(api, tenantId, '2026-03-11');
    expect(summary.stageCounts).toEqual({ 'drive-collection': 4, '(none)': 2 });
  });

  it('04-01: the drive is over (collection ended 03-31) and each case falls back to its own stage', async () => {
    const summary = await runNight(api, tenantId, '2026-04-01');
    expect(summary.stageCounts).toEqual({
      'focus-village': 1,
      overdue: 1,
      'poor-cash': 1,
      assessed: 1,
      '(none)': 2,
    });
  });
});
