import { systemMeta } from '../../libs/core/src';
import { randomBytes } from 'node:crypto';
import { IssueNotice } from '../../libs/notices/src';
import {
  as,
  issueRaw,
  NoticesTenant,
  noticesTenant,
  NoticesTestApi,
  overdueData,
  ownerQuery,
  startNoticesApi,
} from './support/notices-api';

describe('issuing a notice (issue 4: notices)', () => {
  let api: NoticesTestApi;
  let tenant: NoticesTenant;
  let clerk: ReturnType<typeof as>;

  beforeAll(async () => {
    api = await startNoticesApi();
    tenant = await noticesTenant(api, 'notice-issue', { clerk1: ['clerk'] });
    clerk = as(api, tenant.tokens.clerk1);
  });
  afterAll(async () => api.close());

  const issueBody = (key: string) => ({
    templateId: 'test-pack/overdue-notice',
    debtorId: tenant.debtorId,
    idempotencyKey: key,
    data: overdueData(),
  });

  it('issuing twice with the same idempotency key creates one row and one NoticeIssued event', async () => {
    const first = await issueRaw(api, tenant.id, issueBody('overdue:XC-2025-0012:d7')).expect(201);
    const again = await issueRaw(api, tenant.id, issueBody('overdue:XC-2025-0012:d7')).expect(200);
    expect(again.body.id).toBe(first.body.id);
    // The same key through the command bus (a retried job) returns the same notice too.
    const meta = { tenantId: tenant.id, actorId: 'job', correlationId: 'retry-1' };
    const viaBus = await api.commands.execute(
      new IssueNotice(systemMeta(meta), {
        ...issueBody('overdue:XC-2025-0012:d7'),
        data: overdueData(),
      }),
    );
    expect(viaBus).toMatchObject({ created: false, notice: { id: first.body.id } });

    const rows = await ownerQuery(api, `select id from notices where tenant_id = $1`, [tenant.id]);
    expect(rows).toEqual([{ id: first.body.id }]);
    const outbox = await ownerQuery(
      api,
      `select topic, payload ->> 'type' as type, payload ->> 'aggregateId' as notice
       from outbox where tenant_id = $1 and payload ->> 'type' like 'Notice%'`,
      [tenant.id],
    );
    expect(outbox).toEqual([
      { topic: 'domain-events', type: 'NoticeIssued', notice: first.body.id },
    ]);
  });

  it('stores the draft with template id, pack version 0.3.1, channel, title and the exact data', async () => {
    const response = await issueRaw(
      api,
      tenant.id,
      issueBody(`k-${randomBytes(4).toString('hex')}`),
    ).expect(201);
    expect(response.body).toMatchObject({
      templateId: 'test-pack/overdue-notice',
      packVersion: '0.3.1',
      channel: 'letter',
      title: '逾期催收函',
      status: 'draft',
      debtorId: tenant.debtorId,
      caseId: null,
      deliveryRule: null,
      deadline: null,
      issuedBy: expect.any(String),
    });
    const [row] = await ownerQuery<{ data: Record<string, unknown>; template_hash: string }>(
      api,
      `select data, template_hash from notices where tenant_id = $1 and id = $2`,
      [tenant.id, response.body.id],
    );
    expect(row.data).toEqual({
      ...overdueData(),
      tenant: { name: 'notice-issue 测试' },
      notice: { id: response.body.id, title: '逾期催收函', issuedOn: '2026-11-28', delivery: null },
    });
    expect(row.template_hash).toBe(response.body.templateHash);
  });

  it('GET /notices/{id}/html serves the stored letter as sandboxed text/html with 775.00 and 柒佰柒拾伍元整', async () => {
    const issued = await issueRaw(api, tenant.id, issueBody('html-check')).expect(201);
    const response = await clerk.get(`/notices/${issued.body.id}/html`).expect(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain('sandbox');
    expect(response.text).toContain('<td class="num">775.00</td><td>柒佰柒拾伍元整</td>');
    expect(response.text).toContain('<div class="letterhead-name">notice-issue 测试</div>');
    expect(response.text).toContain('<p>2026年11月28日</p>');
  });

  it('a key reused for another template is 409; an unknown template or debtor is 404', async () => {
    await issueRaw(api, tenant.id, issueBody('reused')).expect(201);
    const conflict = await issueRaw(api, tenant.id, {
      ...issueBody('reused'),
      templateId: 'test-pack/final-notice',
    }).expect(409);
    expect(conflict.body.detail).toMatch(/^Idempotency key reused already issued notice /);
    await issueRaw(api, tenant.id, { ...issueBody('x1'), templateId: 'test-pack/nope' }).expect(
      404,
    );
    await issueRaw(api, tenant.id, {
      ...issueBody('x2'),
      debtorId: '00000000-0000-4000-8000-000000000001',
    }).expect(404);
  });

  it('data missing a required field is 422 naming data.amounts.totalDue; nothing is stored', async () => {
    const data = overdueData() as { amounts: Record<string, string> };
    delete data.amounts.totalDue;
    const response = await issueRaw(api, tenant.id, { ...issueBody('missing-total'), data }).expect(
      422,
    );
    expect(response.body.errors).toEqual([
      { path: 'data.amounts.totalDue', reason: 'is required by the template but missing' },
    ]);
    const rows = await ownerQuery(
      api,
      `select 1 from notices where idempotency_key = 'missing-total'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('the data may not set tenant or notice: the lib fills them in (400 body.data.tenant)', async () => {
    const response = await issueRaw(api, tenant.id, {
      ...issueBody('own-tenant'),
      data: { ...overdueData(), tenant: { name: '假冒' } },
    }).expect(400);
    expect(response.body.errors).toEqual([
      { path: 'body.data.tenant', reason: 'is filled in by the system; remove it' },
    ]);
  });
});
