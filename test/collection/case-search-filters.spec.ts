import { randomBytes } from 'node:crypto';
import { systemMeta } from '@qingshou/core';
import { AddGroupMember } from '../../libs/ledger/src';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import { debtorWithOverdueAccount, Member, openCase, tenantWithUsers } from './support/fixtures';

describe('case search filters by status, DPD range, amount range and debtor group, and pages by priority', () => {
  let api: CollectionTestApi;
  let users: Record<'manager', Member>;
  const ids: Record<string, string> = {};

  const search = async (query: string) => {
    const response = await api
      .http()
      .get(`/api/v1/cases${query}`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .expect(200);
    return response.body;
  };
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-31T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'case-search', { manager: ['manager'] });
    users = tenant.users;
    const make = async (name: string, principal: string, dueOn: string, priority: number) => {
      const { debtorId } = await debtorWithOverdueAccount(api, tenant.tenantId, {
        name,
        principal,
        dueOn,
        startDate: '2026-01-01',
      });
      return { debtorId, caseId: await openCase(api, users.manager, debtorId, priority) };
    };
    // DPD as of 03-31: 30, 10, 59.
    const small = await make('杨一', '1000.00', '2026-03-01', 10);
    const mid = await make('朱二', '20000.00', '2026-03-21', 30);
    const big = await make('秦三', '90000.00', '2026-01-31', 20);
    Object.assign(ids, { small: small.caseId, mid: mid.caseId, big: big.caseId });
    await api.commands.execute(
      new AddGroupMember(
        systemMeta({
          tenantId: tenant.tenantId,
          actorId: 'test-setup',
          correlationId: randomBytes(4).toString('hex'),
        }),
        big.debtorId,
        { type: 'village', code: '前营村', name: '前营村' },
      ),
    );
    const group = await api.commands.execute(
      new AddGroupMember(
        systemMeta({
          tenantId: tenant.tenantId,
          actorId: 'test-setup',
          correlationId: randomBytes(4).toString('hex'),
        }),
        small.debtorId,
        { type: 'village', code: '前营村', name: '前营村' },
      ),
    );
    ids.group = group.groupId;
    await api
      .http()
      .post(`/api/v1/cases/${mid.caseId}/promises`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({ amount: '5000.00', dueOn: '2026-04-10' })
      .expect(201);
  }, 180_000);
  afterAll(async () => api.close());

  it('all three, by priority 30, 20, 10, with DPD 10, 59, 30 and amounts due', async () => {
    const page = await search('');
    expect(idsOf(page)).toEqual([ids.mid, ids.big, ids.small]);
    expect(page.items.map((c: { dpd: number; amountDue: string }) => [c.dpd, c.amountDue])).toEqual(
      [
        [10, '20000.00'],
        [59, '90000.00'],
        [30, '1000.00'],
      ],
    );
  });

  it('DPD 30…60 → big and small; amount 10,000.00…50,000.00 → mid; status promised → mid', async () => {
    expect(idsOf(await search('?dpdMin=30&dpdMax=60'))).toEqual([ids.big, ids.small]);
    expect(idsOf(await search('?amountMin=10000.00&amountMax=50000.00'))).toEqual([ids.mid]);
    expect(idsOf(await search('?status=promised'))).toEqual([ids.mid]);
    expect(idsOf(await search('?status=open,paused'))).toEqual([ids.big, ids.small]);
  });

  it('group 前营村 → big and small; pages of 1 walk all three in order', async () => {
    expect(idsOf(await search(`?groupId=${ids.group}`))).toEqual([ids.big, ids.small]);
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 4; i += 1) {
      const page = await search(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...idsOf(page));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([ids.mid, ids.big, ids.small]);
  });

  it('a bad filter is a 400 naming the field', async () => {
    const response = await api
      .http()
      .get('/api/v1/cases?status=lost&amountMin=1,000')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .expect(400);
    const paths = response.body.errors.map((e: { path: string }) => e.path).sort();
    expect([...new Set(paths)]).toEqual(['query.amountMin', 'query.status']);
  });
});
