import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { issueRaw, noticesTenant, NoticesTenant, ownerQuery } from './support/notices-api';
import { DispatchTestApi, filesUnder, startDispatchApi } from './support/dispatch-harness';

describe('the development sink writes one file per dispatch (issue 6)', () => {
  let api: DispatchTestApi;
  let tenant: NoticesTenant;

  beforeAll(async () => {
    api = await startDispatchApi(); // NOTICE_ADAPTERS unset: every channel → sink
    tenant = await noticesTenant(api, 'dispatch-sink', { clerk1: ['clerk'] });
  });
  afterAll(async () => api.close());

  it('an sms and an e-mail give two files; a second dispatch writes nothing; no recipient → failed, not written', async () => {
    const issue = (templateId: string, key: string, data: object) =>
      issueRaw(api, tenant.id, {
        templateId,
        debtorId: tenant.debtorId,
        idempotencyKey: key,
        data,
      }).expect(201);
    const sms = await issue('dispatch-pack/sms-reminder', 'sms:1', {
      debtor: { name: '孙桂英' },
      recipient: { phone: '13812345678' },
      amounts: { totalDue: '100775.00' },
    });
    await issue('dispatch-pack/email-reminder', 'email:1', {
      debtor: { name: '孙桂英' },
      recipient: { email: 'sun.guiying@example.cn' },
      account: { contractNo: 'XC-2025-0012' },
      amounts: { totalDue: '100775.00' },
    });
    // The debtor has no phone on file and the notice names none.
    const orphan = await issue('dispatch-pack/sms-reminder', 'sms:2', {
      debtor: { name: '孙桂英' },
      amounts: { totalDue: '1.00' },
    });

    expect(await api.dispatch(tenant.id)).toMatchObject({
      planned: 3,
      unaddressed: 1,
      sent: 2,
      failed: 0,
    });
    const files = await filesUnder(api.outboxDir);
    expect(files).toHaveLength(2);
    expect(files.filter((f) => f.endsWith('.txt'))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    const smsFile = files.find((f) => f.endsWith('.txt')) as string;
    expect(smsFile.startsWith(join(tenant.id, 'sms'))).toBe(true);
    expect(await readFile(join(api.outboxDir, smsFile), 'utf8')).toBe(
      'To: 13812345678\n\n【dispatch-sink 测试】孙桂英您好，您的借款已逾期，合计应还100,775.00元，请尽快还款。\n',
    );
    const written = (await stat(join(api.outboxDir, smsFile))).mtimeMs;

    api.clock.advance(3600_000);
    expect(await api.dispatch(tenant.id)).toMatchObject({ planned: 0, sent: 0, failed: 0 });
    expect(await filesUnder(api.outboxDir)).toEqual(files);
    expect((await stat(join(api.outboxDir, smsFile))).mtimeMs).toBe(written);

    const rows = await ownerQuery<{ notice_id: string; state: string; last_error: string | null }>(
      api,
      `select notice_id, state, last_error from notice_dispatches where tenant_id = $1`,
      [tenant.id],
    );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.notice_id === orphan.body.id)).toMatchObject({
      state: 'failed',
      last_error: expect.stringContaining('no recipient'),
    });
    expect(rows.find((r) => r.notice_id === sms.body.id)).toMatchObject({ state: 'sent' });
  });
});
