import { as, issueRaw, noticesTenant, NoticesTenant, ownerQuery } from './support/notices-api';
import {
  DispatchTestApi,
  startDispatchApi,
  startSmtpServer,
  TestSmtpServer,
} from './support/dispatch-harness';

/** 100,775.00 due; the e-mail names its recipient, since debtors have no e-mail column. */
const emailData = () => ({
  debtor: { name: '孙桂英' },
  recipient: { name: '孙桂英', email: 'sun.guiying@example.cn' },
  account: { contractNo: 'XC-2025-0012' },
  amounts: { totalDue: '100775.00' },
});

describe('an e-mailed notice goes out over SMTP (issue 6: notices)', () => {
  let smtp: TestSmtpServer;
  let api: DispatchTestApi;
  let tenant: NoticesTenant;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startDispatchApi({ adapters: 'email=smtp', smtpUrl: smtp.url });
    tenant = await noticesTenant(api, 'dispatch-smtp', { clerk1: ['clerk'] });
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  it('delivers the rendered Chinese body once, with a Message-ID derived from the dispatch key, and marks the notice sent today', async () => {
    const clerk = as(api, tenant.tokens.clerk1);
    const issued = await issueRaw(api, tenant.id, {
      templateId: 'dispatch-pack/email-reminder',
      debtorId: tenant.debtorId,
      idempotencyKey: 'email:XC-2025-0012:d7',
      data: emailData(),
    }).expect(201);

    const summary = await api.dispatch(tenant.id);
    expect(summary).toMatchObject({ planned: 1, sent: 1, failed: 0, retrying: 0 });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    const [row] = await ownerQuery<{ idempotency_key: string }>(
      api,
      `select idempotency_key from notice_dispatches where tenant_id = $1`,
      [tenant.id],
    );
    expect(mail.messageId).toBe(`<${row.idempotency_key}@notices.qingshou>`);
    expect(mail.raw).toMatch(/^To: .*<sun\.guiying@example\.cn>/im);
    expect(mail.body).toContain('孙桂英：');
    expect(mail.body).toContain('合同编号：XC-2025-0012');
    expect(mail.body).toContain('合计应还人民币100,775.00元（壹拾万零柒佰柒拾伍元整）');

    const notice = await clerk.get(`/notices/${issued.body.id}`).expect(200);
    expect(notice.body).toMatchObject({ status: 'sent', sentOn: '2026-11-30' });

    const dispatches = await clerk.get(`/notices/${issued.body.id}/dispatches`).expect(200);
    expect(dispatches.body).toEqual([
      expect.objectContaining({
        channel: 'email',
        recipient: 's***@example.cn',
        state: 'sent',
        attempts: 1,
        adapter: 'smtp',
        providerMessageId: mail.messageId,
        lastError: null,
      }),
    ]);

    // A second pass finds nothing to send.
    expect(await api.dispatch(tenant.id)).toMatchObject({ planned: 0, sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });
});
