import { EventBus } from '@nestjs/cqrs';
import { OutboxRelay, PublishedDomainEvent } from '../../libs/jobs/src';
import { RecordPayment } from '../../libs/ledger/src';
import { PAYMENT_CONSUMER } from '../../libs/operations/src';
import { accountIdWithDpd, writeMicroloanBook } from './support/portfolio';
import { meta, packTenant, RunKit, runDay, startRunKit } from './support/run-kit';

const DAY = '2026-03-10';

async function until<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a payment during the day re-evaluates its case: paid at 10:00, the day’s call task is cancelled', () => {
  let kit: RunKit;
  let tenantId: string;
  let caseId: string;
  const accountId = () => accountIdWithDpd(tenantId, 2);
  const tasks = async () =>
    (
      await kit.owner.query<{ kind: string; status: string }>(
        `select kind, status from tasks where tenant_id = $1 and case_id = $2 order by created_at`,
        [tenantId, caseId],
      )
    ).rows;

  beforeAll(async () => {
    kit = await startRunKit(`${DAY}T01:00:00+08:00`);
    tenantId = await packTenant(kit, 'ops-paid');
    await writeMicroloanBook(kit.owner, tenantId, DAY, 20);
    await runDay(kit, tenantId, DAY);
    const { rows } = await kit.owner.query<{ case_id: string }>(
      `select case_id from case_accounts where tenant_id = $1 and account_id = $2`,
      [tenantId, accountId()],
    );
    caseId = rows[0].case_id;
  }, 120_000);
  afterAll(async () => kit?.close());

  it('the nightly run gave the DPD-2 case (daily-calls) one open call task', async () => {
    expect(await tasks()).toEqual([{ kind: 'call', status: 'open' }]);
  });

  it('1,000.00 paid at 10:00 → PaymentRecorded relayed → the case leaves the ladder and the call is cancelled', async () => {
    kit.clock!.set(`${DAY}T10:00:00+08:00`);
    await kit.commands.execute(
      new RecordPayment(meta(tenantId), {
        accountId: accountId(),
        source: 'bank-feed',
        externalRef: 'TX-ops-paid-1',
        paidOn: DAY,
        amount: '1000.00',
      }),
    );
    await kit.app.get(OutboxRelay).drainAll();
    await until(async () => {
      const { rows } = await kit.owner.query(
        `select 1 from consumed_events where tenant_id = $1 and consumer = $2`,
        [tenantId, PAYMENT_CONSUMER],
      );
      return rows.length > 0 ? true : undefined;
    });
    expect(await tasks()).toEqual([{ kind: 'call', status: 'cancelled' }]);
    const { rows } = await kit.owner.query(
      `select stage, (select to_stage from case_stage_history h where h.tenant_id = c.tenant_id
         and h.case_id = c.id order by seq desc limit 1) as last_move
       from cases c where tenant_id = $1 and id = $2`,
      [tenantId, caseId],
    );
    expect(rows[0]).toEqual({ stage: null, last_move: null });
    // Other cases keep theirs: 6 cases at DPD 1–3 and 2 at DPD 7 (demand-letter calls daily too),
    // less this one.
    const open = await kit.owner.query(
      `select count(*)::int as n from tasks where tenant_id = $1 and kind = 'call' and status = 'open'`,
      [tenantId],
    );
    expect(open.rows[0].n).toBe(7);
  });

  it('a redelivery of the same event changes nothing (consumed once)', async () => {
    const { rows } = await kit.owner.query(
      `select id, seq, type, aggregate_type, aggregate_id, actor_id, correlation_id, occurred_at, payload
       from event_log where tenant_id = $1 and type = 'PaymentRecorded'`,
      [tenantId],
    );
    const e = rows[0];
    const before = await kit.owner.query(
      `select count(*)::int as n from event_log where tenant_id = $1`,
      [tenantId],
    );
    kit.app.get(EventBus).publish(
      new PublishedDomainEvent({
        eventId: e.id,
        tenantId,
        seq: Number(e.seq),
        type: e.type,
        aggregateType: e.aggregate_type,
        aggregateId: e.aggregate_id,
        actorId: e.actor_id,
        correlationId: e.correlation_id,
        occurredAt: new Date(e.occurred_at).toISOString(),
        payload: e.payload,
      }),
    );
    await new Promise((r) => setTimeout(r, 500));
    const after = await kit.owner.query(
      `select count(*)::int as n from event_log where tenant_id = $1`,
      [tenantId],
    );
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const consumed = await kit.owner.query(
      `select count(*)::int as n from consumed_events where tenant_id = $1 and consumer = $2`,
      [tenantId, PAYMENT_CONSUMER],
    );
    expect(consumed.rows[0].n).toBe(1);
  });
});
