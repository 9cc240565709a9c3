import { RequestRun, type RequestedRun } from '../../libs/operations/src';
import { writeMicroloanBook } from './support/portfolio';
import { meta, packTenant, RunKit, runDay, startRunKit, tableCounts } from './support/run-kit';

const AS_OF = '2026-03-10';
const ACCOUNTS = 60;

describe('the daily run is idempotent per (tenant, date): a second run of the same day creates nothing', () => {
  let kit: RunKit;
  let tenantId: string;
  beforeAll(async () => {
    kit = await startRunKit(`${AS_OF}T01:00:00+08:00`);
    tenantId = await packTenant(kit, 'ops-idem');
    await writeMicroloanBook(kit.owner, tenantId, AS_OF, ACCOUNTS);
  }, 120_000);
  afterAll(async () => kit?.close());

  it('recomputes 60 balances, opens 42 cases (DPD ≥ 1) and moves them up the 篇六 ladder', async () => {
    const run = await runDay(kit, tenantId, AS_OF);
    expect(run.state).toBe('succeeded');
    expect(run.steps.map((s) => s.name)).toEqual([
      'recompute-balances',
      'open-cases',
      'evaluate-promises',
      'evaluate-plans',
      'evaluate-cases',
      'evaluate-flags',
      'recompute-ratings',
      'snapshot-kpis',
      'publish-drive-progress',
      'monitor-slas',
      'queue-notice-dispatch',
      'run-due-reports',
      'apply-retention',
    ]);
    // DPD = (i mod 10) − 2: 42 of 60 accounts are 1–7 days late; the 6 at DPD 7 get two letters.
    expect(run.counts).toMatchObject({
      accountsRecomputed: 60,
      accountsOverdue: 42,
      casesOpened: 42,
      casesEvaluated: 42,
      casesEntered: 42,
      noticesIssued: 12,
    });
    expect(run.counts.tasksCreated).toBeGreaterThanOrEqual(42);
    expect(run.progress).toMatchObject({ percent: 100 });
    const { rows } = await kit.owner.query(
      `select count(*)::int as n from account_balances where tenant_id = $1 and as_of = $2`,
      [tenantId, AS_OF],
    );
    expect(rows[0].n).toBe(60);
  });

  it('a second request of the day returns the same run, and running it again changes no row', async () => {
    const before = await tableCounts(kit.owner, tenantId);
    const again: RequestedRun = await kit.commands.execute(
      new RequestRun(meta(tenantId), 'escalation', AS_OF, false),
    );
    expect(again.created).toBe(false);
    expect(again.run.state).toBe('succeeded');
    const rerun = await runDay(kit, tenantId, AS_OF);
    expect(rerun.id).toBe(again.run.id);
    expect(await tableCounts(kit.owner, tenantId)).toEqual(before);
  });

  it('a fresh run row of the same date (the old one deleted) still creates no task, notice or event', async () => {
    const before = await tableCounts(kit.owner, tenantId);
    await kit.owner.query(`delete from runs where tenant_id = $1`, [tenantId]);
    const run = await runDay(kit, tenantId, AS_OF);
    expect(run.state).toBe('succeeded');
    expect(run.counts).toMatchObject({ casesOpened: 0, accountsRecomputed: 60 });
    const after = await tableCounts(kit.owner, tenantId);
    // Only the new run's own two audit events (requested, finished) and its row.
    expect(after).toEqual({
      ...before,
      event_log: before.event_log + 2,
      outbox: before.outbox + 1,
    });
  });
});
