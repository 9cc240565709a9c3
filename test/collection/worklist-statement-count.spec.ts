import { Client } from 'pg';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

/**
 * Issue 15 §1: the pages a collector waits on are a fixed number of set-based statements,
 * whatever the page holds. Every statement node-postgres sends (BEGIN/COMMIT included) is
 * counted while one request is answered; a per-row read (a contact rule, a balance, a
 * mask asked task by task) would make the 50-task page cost more than the 3-task one. A
 * console page's reads share one transaction on one connection (SharedTxInterceptor).
 */
describe('the worklist and the case page issue the same number of SQL statements for 3 tasks as for 50 (no N+1)', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let wang: Member;
  const cases: string[] = [];

  beforeAll(async () => {
    // 2026-03-11 10:00 in Shanghai.
    api = await startCollectionApi({ now: '2026-03-11T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'stmt-count', {
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    wang = tenant.users.wang;
    for (const name of ['周一', '吴二', '郑三']) {
      const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
        name,
        principal: '5000.00',
        dueOn: '2026-03-01',
        startDate: '2026-02-01',
      });
      const id = await openCase(api, tenant.users.manager, debtorId);
      await assign(api, tenant.users.manager, id, wang);
      cases.push(id);
    }
  }, 180_000);
  afterAll(async () => api.close());

  /** `count` open call tasks on wang's cases, due today, written by the owner (setup only). */
  async function tasks(count: number): Promise<void> {
    await ownerQuery(
      api,
      `insert into tasks (tenant_id, id, case_id, kind, title, due_at, status, assignee_id,
         priority, idempotency_key, created_by, created_at, role)
       select $1::uuid, gen_random_uuid(), ($3::uuid[])[1 + n % 3], 'call', null,
              '2026-03-11T09:00:00+08:00', 'open', $2::uuid, n % 5, 'stmt:' || gen_random_uuid(),
              'test', now(), null
       from generate_series(1, $4::int) n`,
      [tenantId, wang.id, `{${cases.join(',')}}`, count],
    );
  }

  const sqlOf = (query: unknown) => String((query as { text?: string })?.text ?? query);
  /** The BEGINs of the last `statementsFor`: a console page reads in one transaction. */
  let transactions = 0;

  /** Statements sent while `path` is answered, after one warm-up request (caches filled). */
  async function statementsFor(path: string): Promise<number> {
    const get = () =>
      api
        .http()
        .get(path)
        .set('Authorization', `Bearer ${wang.token}`)
        .set('Cookie', `qs_session=${wang.token}; qs_lang=zh`)
        .expect(200);
    await get();
    const spy = jest.spyOn(Client.prototype, 'query');
    try {
      await get();
      if (process.env.SHOW_SQL)
        console.log(
          path,
          spy.mock.calls.map((c) =>
            String((c[0] as { text?: string })?.text ?? c[0]).slice(0, 150),
          ),
        );
      transactions = spy.mock.calls.filter((c) => /^BEGIN/.test(sqlOf(c[0]))).length;
      return spy.mock.calls.length;
    } finally {
      spy.mockRestore();
    }
  }

  it('the /console/work page of 50 call tasks costs no more statements than the page of 3, at most 10, one transaction', async () => {
    await tasks(3);
    const few = await statementsFor('/console/work');
    await tasks(60);
    const many = await statementsFor('/console/work');
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(10);
    expect(transactions).toBe(1);
  });

  it('the /api/v1/worklist page of 50 costs the same as a page of 3', async () => {
    const few = await statementsFor('/api/v1/worklist?limit=3');
    const many = await statementsFor('/api/v1/worklist?limit=50');
    expect(many).toBe(few);
  });

  it('the case page costs the same with 1 open task as with 21', async () => {
    const before = await statementsFor(`/console/cases/${cases[0]}`);
    await ownerQuery(
      api,
      `insert into contact_attempts (tenant_id, id, case_id, channel, party, outcome_code,
         attempted_at, recorded_by, recorded_at)
       select $1::uuid, gen_random_uuid(), $2::uuid, 'call', 'debtor', 'no-answer',
              '2026-03-10T10:00:00+08:00'::timestamptz - n * interval '1 minute', 'test', now()
       from generate_series(1, 20) n`,
      [tenantId, cases[0]],
    );
    await tasks(60);
    const after = await statementsFor(`/console/cases/${cases[0]}`);
    expect(after).toBe(before);
    expect(transactions).toBe(1);
  });
});
