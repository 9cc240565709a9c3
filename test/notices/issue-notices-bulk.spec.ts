import { ForbiddenError, systemMeta } from '../../libs/core/src';
import { IssuedNotices, IssueNotice, IssueNotices } from '../../libs/notices/src';
import {
  NoticesTenant,
  NoticesTestApi,
  noticesTenant,
  overdueData,
  ownerQuery,
  startNoticesApi,
} from './support/notices-api';

/**
 * IssueNotices (the daily run's path) decides every letter as IssueNotice does, in one
 * transaction: new keys are stored with one NoticeIssued event each, an existing key returns
 * its notice, and a bad letter is reported without stopping the others.
 */
describe('issuing notices in bulk (issue 6: daily run)', () => {
  let api: NoticesTestApi;
  let tenant: NoticesTenant;

  beforeAll(async () => {
    api = await startNoticesApi();
    tenant = await noticesTenant(api, 'notice-bulk', {});
  });
  afterAll(async () => api.close());

  // Rendered letters are the engine's to issue: the system viewer (no person holds it).
  const meta = () =>
    systemMeta({ tenantId: tenant.id, actorId: 'daily-run', correlationId: 'bulk-1' });
  const input = (key: string, over: Record<string, unknown> = {}) => ({
    templateId: 'test-pack/overdue-notice',
    debtorId: tenant.debtorId,
    idempotencyKey: key,
    data: overdueData(),
    ...over,
  });

  it('40 letters: 36 stored with 36 events, 1 existing returned, 3 refused with their reasons', async () => {
    const earlier = await api.commands.execute(new IssueNotice(meta(), input('bulk:earlier')));
    const missingTotal = overdueData() as { amounts: Record<string, string> };
    delete missingTotal.amounts.totalDue;
    const batch = [
      ...Array.from({ length: 36 }, (_, i) => input(`bulk:${i}`)),
      input('bulk:earlier'),
      input('bulk:earlier', { templateId: 'test-pack/final-notice' }),
      input('bulk:no-debtor', { debtorId: '00000000-0000-4000-8000-000000000001' }),
      input('bulk:missing-total', { data: missingTotal }),
    ];
    const result: IssuedNotices = await api.commands.execute(new IssueNotices(meta(), batch));

    expect(result.created).toBe(36);
    expect(result.outcomes.filter((o) => o.created)).toHaveLength(36);
    expect(result.outcomes[36]).toEqual({
      idempotencyKey: 'bulk:earlier',
      noticeId: earlier.notice.id,
      created: false,
      error: null,
    });
    expect(result.outcomes[37].error).toMatch(
      /^Idempotency key bulk:earlier already issued notice /,
    );
    expect(result.outcomes[38]).toMatchObject({
      noticeId: null,
      error: expect.stringMatching(/Debtor/),
    });
    expect(result.outcomes[39]).toMatchObject({
      noticeId: null,
      error: expect.stringContaining(
        'data.amounts.totalDue is required by the template but missing',
      ),
    });
    const rows = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from notices where tenant_id = $1 and idempotency_key like 'bulk:%'`,
      [tenant.id],
    );
    expect(rows[0].n).toBe(37);
    const events = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log where tenant_id = $1 and type = 'NoticeIssued'`,
      [tenant.id],
    );
    expect(events[0].n).toBe(37);
  });

  it('the stored letter is the one IssueNotice renders: same HTML, title, channel and data', async () => {
    const [one] = (await api.commands.execute(new IssueNotices(meta(), [input('bulk:compare')])))
      .outcomes;
    const single = await api.commands.execute(new IssueNotice(meta(), input('single:compare')));
    const [a, b] = await ownerQuery<{ html: string; title: string; channel: string; data: object }>(
      api,
      `select regexp_replace(rendered_html, $2, 'ID', 'g') as html, title, channel,
              data - 'notice' as data
       from notices where tenant_id = $1 and id = any($3::uuid[]) order by idempotency_key`,
      [
        tenant.id,
        '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
        [one.noticeId, single.notice.id],
      ],
    );
    expect(a).toEqual(b);
  });

  it('the same batch again creates nothing and appends no event', async () => {
    const batch = Array.from({ length: 5 }, (_, i) => input(`again:${i}`));
    const first: IssuedNotices = await api.commands.execute(new IssueNotices(meta(), batch));
    const second: IssuedNotices = await api.commands.execute(new IssueNotices(meta(), batch));
    expect([first.created, second.created]).toEqual([5, 0]);
    expect(second.outcomes.map((o) => o.noticeId)).toEqual(first.outcomes.map((o) => o.noticeId));
    const events = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log where tenant_id = $1 and type = 'NoticeIssued'
         and payload ->> 'idempotencyKey' like 'again:%'`,
      [tenant.id],
    );
    expect(events[0].n).toBe(5);
  });

  it('no person issues a rendered letter (notice.issue-rendered): a tenant admin is refused, nothing stored', async () => {
    const count = async () =>
      (
        await ownerQuery<{ n: number }>(
          api,
          `select ((select count(*) from notices where tenant_id = $1)
                 + (select count(*) from event_log where tenant_id = $1))::int as n`,
          [tenant.id],
        )
      )[0].n;
    const before = await count();
    const admin = {
      tenantId: tenant.id,
      actorId: 'admin',
      correlationId: 'person-1',
      roles: ['tenant-admin', 'manager'] as const,
    };
    await expect(
      api.commands.execute(new IssueNotice(admin, input('person:raw'))),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      api.commands.execute(new IssueNotices(admin, [input('person:raw-bulk')])),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(before);
  });
});
