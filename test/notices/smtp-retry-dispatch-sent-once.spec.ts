import { issueRaw, noticesTenant, NoticesTenant, ownerQuery } from './support/notices-api';
import {
  DispatchTestApi,
  startDispatchApi,
  startSmtpServer,
  TestSmtpServer,
} from './support/dispatch-harness';

const emailData = (email: string) => ({
  debtor: { name: '孙桂英' },
  recipient: { email },
  account: { contractNo: 'XC-2025-0012' },
  amounts: { totalDue: '100775.00' },
});

describe('a notice retried after an SMTP failure is sent once (issue 6)', () => {
  let smtp: TestSmtpServer;
  let api: DispatchTestApi;
  let tenant: NoticesTenant;

  beforeAll(async () => {
    smtp = await startSmtpServer(1);
    api = await startDispatchApi({ adapters: 'email=smtp', smtpUrl: smtp.url });
    tenant = await noticesTenant(api, 'dispatch-retry', { clerk1: ['clerk'] });
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  const dispatchRow = async (noticeId: string) =>
    (
      await ownerQuery<{ state: string; attempts: number; retryable: boolean; last_error: string }>(
        api,
        `select state, attempts, retryable, last_error from notice_dispatches
         where tenant_id = $1 and notice_id = $2`,
        [tenant.id, noticeId],
      )
    )[0];

  it('451 on the first attempt → retried after the 30 s backoff → exactly one message delivered', async () => {
    const issued = await issueRaw(api, tenant.id, {
      templateId: 'dispatch-pack/email-reminder',
      debtorId: tenant.debtorId,
      idempotencyKey: 'email:retry:1',
      data: emailData('retry@example.cn'),
    }).expect(201);

    expect(await api.dispatch(tenant.id)).toMatchObject({ planned: 1, sent: 0, retrying: 1 });
    expect(await dispatchRow(issued.body.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      retryable: true,
      last_error: expect.stringContaining('SMTP 451'),
    });

    // Within the backoff a pass leaves it alone.
    api.clock.advance(10_000);
    expect(await api.dispatch(tenant.id)).toMatchObject({ sent: 0, retrying: 0 });
    expect(smtp.attempts).toBe(1);

    api.clock.advance(30_000);
    expect(await api.dispatch(tenant.id)).toMatchObject({ sent: 1 });
    api.clock.advance(60 * 60_000);
    expect(await api.dispatch(tenant.id)).toMatchObject({ planned: 0, sent: 0, retrying: 0 });

    expect(smtp.attempts).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].raw).toMatch(/^To: retry@example\.cn/im);
    expect(await dispatchRow(issued.body.id)).toMatchObject({ state: 'sent', attempts: 2 });
    const events = await ownerQuery<{ type: string }>(
      api,
      `select type from event_log where tenant_id = $1 and aggregate_id = $2 order by seq`,
      [tenant.id, issued.body.id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'NoticeIssued',
      'NoticeDispatchFailed',
      'NoticeDispatched',
      'NoticeDeliveryRecorded',
    ]);
  });

  it('a send interrupted after its claim is never resent blindly: failed, naming its Message-ID', async () => {
    const issued = await issueRaw(api, tenant.id, {
      templateId: 'dispatch-pack/email-reminder',
      debtorId: tenant.debtorId,
      idempotencyKey: 'email:crash:1',
      data: emailData('crash@example.cn'),
    }).expect(201);
    // A worker claimed it (state sending, attempt 1) and died before recording the outcome.
    const now = api.clock.now();
    await ownerQuery(
      api,
      `insert into notice_dispatches (tenant_id, id, notice_id, channel, recipient,
         idempotency_key, state, attempts, claimed_at, created_at, updated_at)
       values ($1, gen_random_uuid(), $2, 'email', 'crash@example.cn', repeat('ab', 32),
         'sending', 1, $3, $3, $3)`,
      [tenant.id, issued.body.id, new Date(now.getTime() - 11 * 60_000)],
    );
    const before = smtp.received.length;

    expect(await api.dispatch(tenant.id)).toMatchObject({ recovered: 1, unknown: 1, sent: 0 });
    expect(smtp.received.length).toBe(before);
    expect(await dispatchRow(issued.body.id)).toMatchObject({
      state: 'failed',
      retryable: false,
      last_error: expect.stringContaining(`<${'ab'.repeat(32)}@notices.qingshou>`),
    });
  });
});
