import { addDays } from '../../libs/calendar/src';
import { DecideDispute, PauseCase, RaiseDispute, RecordPromise } from '../../libs/collection/src';
import {
  ExecuteRun,
  RequestRun,
  type RequestedRun,
  type RunMode,
  type RunView,
} from '../../libs/operations/src';
import { UpgradePack } from '../../libs/policy/src';
import { payDueToday, runState, writeIncrementalBook } from './support/incremental-book';
import { meta, packTenant, RunKit, startRunKit } from './support/run-kit';

const FIRST_DAY = '2026-05-06';
const DAYS = 30;
const ACCOUNTS = 120;

/**
 * Issue 15 §2: the scheduled run recomputes only what changed or fell due since the last
 * run. Two tenants hold the same book and live the same 30 days (receipts on due dates, a
 * partial payment, a receipt reversed, a promise broken, a pause ending, a dispute raised and
 * decided, the penalty markup edited on day 15); one runs incremental every night, the other
 * full. After every night their balances, cases, stage moves, tasks, notices, approvals and
 * KPI rows must be the same, row for row.
 */
describe('an incremental nightly run leaves the same book as a full one, 30 days running', () => {
  let kit: RunKit;
  let inc: string;
  let full: string;
  const runs: { inc: RunView; full: RunView }[] = [];
  const diffs: string[] = [];

  beforeAll(async () => {
    // The packs are pinned the day before the first night (a pin after a run's start would
    // make the next night a full pass).
    kit = await startRunKit(`${addDays(FIRST_DAY, -1)}T09:00:00+08:00`);
    inc = await packTenant(kit, 'incr-inc');
    full = await packTenant(kit, 'incr-full');
    for (const t of [inc, full]) await writeIncrementalBook(kit.owner, t, FIRST_DAY, ACCOUNTS);
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(FIRST_DAY, d);
      kit.clock!.set(`${day}T01:00:00+08:00`);
      runs.push({
        inc: await runDay(kit, inc, day, 'incremental'),
        full: await runDay(kit, full, day, 'full'),
      });
      const [a, b] = [await runState(kit.owner, inc), await runState(kit.owner, full)];
      for (const table of Object.keys(b)) {
        const missing = b[table].filter((r) => !a[table].includes(r));
        const extra = a[table].filter((r) => !b[table].includes(r));
        if (missing.length + extra.length > 0)
          diffs.push(`${day} ${table}: missing ${missing.slice(0, 3)} extra ${extra.slice(0, 3)}`);
      }
      kit.clock!.set(`${day}T10:00:00+08:00`);
      for (const t of [inc, full]) await dayEvents(kit, t, d, day);
    }
  }, 600_000);
  afterAll(async () => kit?.close());

  it('every night, both tenants hold the same balances, cases, moves, tasks, notices and KPIs', () => {
    expect(runs.every((r) => r.inc.state === 'succeeded' && r.full.state === 'succeeded')).toBe(
      true,
    );
    expect(diffs).toEqual([]);
  });

  it('the incremental nights recompute a fraction of the book; the first and the one after the pack change are full', () => {
    const recomputed = runs.map((r) => r.inc.counts.accountsRecomputed ?? 0);
    expect(runs.every((r) => r.full.counts.accountsRecomputed === ACCOUNTS)).toBe(true);
    expect(recomputed[0]).toBe(ACCOUNTS);
    expect(recomputed[16]).toBe(ACCOUNTS);
    const quiet = recomputed.filter((n, d) => d !== 0 && d !== 16);
    expect(Math.max(...quiet)).toBeLessThan(ACCOUNTS);
    expect(quiet.reduce((s, n) => s + n, 0)).toBeLessThan(((DAYS - 2) * ACCOUNTS) / 2);
  });
});

async function runDay(kit: RunKit, tenantId: string, asOf: string, mode: RunMode) {
  const requested: RequestedRun = await kit.commands.execute(
    new RequestRun(meta(tenantId), 'escalation', asOf, false, mode),
  );
  return kit.commands.execute(new ExecuteRun(meta(tenantId), requested.run.id)) as Promise<RunView>;
}

/** The n-th open case (by its account's external ref) of a tenant, with that account. */
async function openCase(kit: RunKit, tenantId: string, n: number) {
  const { rows } = await kit.owner.query<{ case_id: string; account_id: string }>(
    `select c.id as case_id, a.id as account_id from cases c
     join case_accounts ca on ca.tenant_id = c.tenant_id and ca.case_id = c.id
     join accounts a on a.tenant_id = ca.tenant_id and a.id = ca.account_id
     where c.tenant_id = $1 and c.closed_on is null order by a.external_ref offset $2 limit 1`,
    [tenantId, n],
  );
  return rows[0];
}

async function accountRef(kit: RunKit, tenantId: string, ref: string) {
  const { rows } = await kit.owner.query<{ id: string }>(
    `select id from accounts where tenant_id = $1 and external_ref = $2`,
    [tenantId, ref],
  );
  return rows[0].id;
}

/** The same day's business on either tenant, after its run (10:00). */
async function dayEvents(kit: RunKit, t: string, d: number, day: string) {
  const at = `${day}T10:00:00+08:00`;
  const m = () => meta(t);
  await payDueToday(kit.owner, t, day, at);
  const receipt = async (ref: string, amount: string, key: string, reverses?: string) =>
    kit.owner.query(
      `insert into payments (tenant_id, id, account_id, source, external_ref, paid_on, amount,
         reverses_payment_id, recorded_by, recorded_at)
       values ($1::uuid, md5($1::text || $2::text)::uuid, $3, 'test', $2::text, $4, $5,
         case when $6::text is null then null else md5($1::text || $6::text)::uuid end, 'test', $7)`,
      [t, key, await accountRef(kit, t, ref), day, amount, reverses ?? null, at],
    );
  if (d === 2) await receipt('L001', '300.00', 'partial');
  if (d === 3) await receipt('L004', '5000.00', 'clears');
  if (d === 5) await receipt('L004', '-5000.00', 'reversal', 'clears');
  if (d === 4) {
    const c = await openCase(kit, t, 1);
    await kit.commands.execute(
      new RecordPromise(m(), { caseId: c.case_id, amount: '500.00', dueOn: addDays(day, 3) }),
    );
  }
  if (d === 6) {
    const c = await openCase(kit, t, 2);
    await kit.commands.execute(
      new PauseCase(m(), { caseId: c.case_id, reason: 'hardship', untilOn: addDays(day, 5) }),
    );
  }
  if (d === 9 || d === 13) {
    const c = await openCase(kit, t, 3);
    if (d === 9) {
      await kit.commands.execute(
        new RaiseDispute(m(), { caseId: c.case_id, accountId: c.account_id, kind: 'amount-wrong' }),
      );
    } else {
      const { rows } = await kit.owner.query<{ id: string }>(
        `select id from disputes where tenant_id = $1 and status = 'open'`,
        [t],
      );
      for (const r of rows) {
        await kit.commands.execute(
          new DecideDispute(m(), { caseId: c.case_id, disputeId: r.id, outcome: 'rejected' }),
        );
      }
    }
  }
  if (d === 15) {
    const { rows } = await kit.owner.query<{ id: string }>(
      `select id from pack_installations where tenant_id = $1 and status = 'active'`,
      [t],
    );
    await kit.commands.execute(
      new UpgradePack(
        {
          tenantId: t,
          actorId: 'test-admin',
          correlationId: 'incr-upgrade',
          roles: ['tenant-admin'],
        },
        t,
        'microloan-overdue',
        undefined,
        { penaltyMarkup: '30%' },
        rows[0].id,
      ),
    );
  }
}
