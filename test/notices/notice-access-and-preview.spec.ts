import { debtorWithOverdueAccount } from '../collection/support/fixtures';
import { fixture } from './support/fixtures';
import {
  as,
  issueRaw,
  noticesTenant,
  NoticesTenant,
  NoticesTestApi,
  overdueData,
  ownerQuery,
  startNoticesApi,
} from './support/notices-api';

describe('notice routes: roles, tenants and the admin preview', () => {
  let api: NoticesTestApi;
  let a: NoticesTenant;
  let b: NoticesTenant;
  let noticeId: string;

  beforeAll(async () => {
    api = await startNoticesApi();
    a = await noticesTenant(api, 'notice-a', {
      admin: ['tenant-admin'],
      phone: ['phone-collector'],
      finance: ['finance'],
      clerk: ['clerk'],
    });
    b = await noticesTenant(api, 'notice-b', { admin: ['tenant-admin'] });
    // The collector works her own case (篇八): the letter is issued on a case assigned to her,
    // opened on an overdue loan of the debtor.
    const book = await debtorWithOverdueAccount({ ...api, storageDir: '' }, a.id, {
      name: '孙桂英',
      principal: '100000.00',
      dueOn: '2026-01-01',
      startDate: '2025-01-01',
    });
    const opened = await as(api, a.tokens.admin)
      .post('/cases', { debtorId: book.debtorId, scope: 'debtor' })
      .expect(201);
    const phone = await as(api, a.tokens.phone).get('/me').expect(200);
    await as(api, a.tokens.admin)
      .post(`/cases/${opened.body.id}/assign`, { assigneeId: phone.body.userId })
      .expect(200);
    const issued = await issueRaw(api, a.id, {
      templateId: 'test-pack/overdue-notice',
      debtorId: book.debtorId,
      caseId: opened.body.id,
      idempotencyKey: 'access-1',
      data: overdueData(),
    }).expect(201);
    noticeId = issued.body.id;
  });
  afterAll(async () => api.close());

  it('a phone collector reads the notice; finance is refused with 403 on every notice route', async () => {
    await as(api, a.tokens.phone).get(`/notices/${noticeId}`).expect(200);
    const finance = as(api, a.tokens.finance);
    await finance.get(`/notices/${noticeId}`).expect(403);
    await finance.get(`/notices/${noticeId}/html`).expect(403);
    await finance
      .post(`/notices/${noticeId}/delivery`, { status: 'sent', on: '2026-11-27' })
      .expect(403);
  });

  it("another tenant's notice is 404, even by id", async () => {
    await as(api, b.tokens.admin).get(`/notices/${noticeId}`).expect(404);
    await as(api, b.tokens.admin).get(`/notices/${noticeId}/html`).expect(404);
    await as(api, b.tokens.admin)
      .post(`/notices/${noticeId}/delivery`, { status: 'sent', on: '2026-11-27' })
      .expect(404);
  });

  it('preview renders a draft template for a tenant admin and stores nothing', async () => {
    const before = await ownerQuery(api, `select count(*)::int as n from notices`);
    const response = await as(api, a.tokens.admin)
      .post('/notices/preview', { templateSource: fixture('statement'), data: statementData() })
      .expect(200);
    expect(response.body).toMatchObject({ title: '对账单', channel: 'letter' });
    expect(response.body.required).toEqual(
      expect.arrayContaining(['statement.lines', 'tenant.name']),
    );
    expect(response.body.html).toContain('合计未付：人民币1,200.00元（大写：壹仟贰佰元整）');
    expect(response.body.html).toContain('<div class="letterhead-name">notice-a 测试</div>');
    expect(await ownerQuery(api, `select count(*)::int as n from notices`)).toEqual(before);
  });

  it('an installed template is no longer previewed with typed data (400 body.data); a clerk may not preview a draft (403)', async () => {
    const response = await as(api, a.tokens.admin)
      .post('/notices/preview', {
        templateId: 'test-pack/final-notice',
        data: { debtor: { name: '孙桂英' }, amounts: { totalDue: '10' } },
      })
      .expect(400);
    expect(response.body.errors).toEqual([
      {
        path: 'body.data',
        reason:
          'goes with templateSource only; a case letter is built from the ledger and the pack',
      },
    ]);
    await as(api, a.tokens.clerk)
      .post('/notices/preview', { templateSource: fixture('statement'), data: statementData() })
      .expect(403);
  });

  it('preview refuses {{{x}}} and {{lookup}} with 422 naming the line', async () => {
    const source =
      '---\ntitle: x\nchannel: letter\nrequired: []\n---\n{{{debtor.name}}}\n{{lookup this "constructor"}}';
    const response = await as(api, a.tokens.admin)
      .post('/notices/preview', { templateSource: source, data: {} })
      .expect(422);
    expect(response.body.type).toBe('urn:qingshou:problem:notice-template-refused');
    expect(response.body.errors).toEqual([
      {
        path: 'template:6:1',
        reason: 'prints without HTML escaping ({{{ }}} or {{& }}); use {{ }}',
      },
      {
        path: 'template:7:1',
        reason:
          'calls unknown helper lookup; the helpers are money, amountInWords, date, maskId, deadline, qrCode, eq',
      },
    ]);
  });

  it('a "__proto__" key in the JSON body is stripped by the validation pipe: nothing reaches the template', async () => {
    // Nest's ValidationPipe deletes __proto__, prototype and constructor keys before any
    // handler runs; the lib's own refusal (unit-tested) covers commands from jobs.
    const raw =
      '{"templateSource": "---\\ntitle: x\\nchannel: sms\\nrequired: []\\n---\\n' +
      '{{debtor.name}}|{{#if debtor.polluted}}polluted{{/if}}",' +
      ' "data": {"debtor": {"name": "x", "__proto__": {"polluted": "yes"}}}}';
    const response = await as(api, a.tokens.admin).post('/notices/preview', raw).expect(200);
    expect(response.body.html).toBe('x|');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a preview names a case letter (caseId + templateId) or a draft, not neither nor both (400)', async () => {
    const neither = await as(api, a.tokens.admin).post('/notices/preview', {}).expect(400);
    expect(neither.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.caseId',
      'body.templateId',
    ]);
    const both = await as(api, a.tokens.admin)
      .post('/notices/preview', {
        templateSource: fixture('statement'),
        templateId: 'test-pack/statement',
        data: statementData(),
      })
      .expect(400);
    expect(both.body.errors).toEqual([
      {
        path: 'body.templateId',
        reason: 'a template draft (templateSource) is previewed with data only',
      },
    ]);
  });
});

function statementData() {
  return {
    debtor: { name: '临沂宏达工程机械有限公司' },
    statement: {
      asOf: '2026-11-27',
      totalOutstanding: '1200',
      lines: [
        {
          contractNo: 'ZL-01',
          dueDate: '2026-10-15',
          amountDue: '1200',
          amountPaid: '0',
          outstanding: '1200',
        },
      ],
    },
  };
}
