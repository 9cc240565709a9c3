import { randomBytes } from 'node:crypto';
import { systemMeta } from '@qingshou/core';
import {
  AddGroupMember,
  AddRelatedParty,
  RecordPayment,
  RegisterAccount,
  RegisterDebtor,
} from '../../libs/ledger/src';
import { startCollectionApi, CollectionTestApi } from './support/collection-api';
import {
  assign,
  Member,
  openCase,
  ownerQuery,
  residentId,
  tenantWithUsers,
} from './support/fixtures';

type Item = {
  id: string;
  accountRefs: string[];
  loanClass: string | null;
  flags: string[];
  groups: { type: string; name: string }[];
  nextDueAt: string | null;
  dpd: number;
};
type PoolPage = { items: Item[]; nextCursor: string | null; total: number };

/**
 * 案件查询 (issue 11 §1): the search box matches a phone, an ID number and a card number
 * only whole — the list shows them masked —, names and contract numbers in part; filters by
 * group type, 五级分类, flag, attribute and next due; keyset pages under any sort with the
 * total; and a collector still sees only their own cases.
 */
describe('case pool: search box, filters, sorts with keyset paging and total, visibility', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'manager' | 'sup' | 'ann' | 'bob', Member>;
  const ids: Record<string, string> = {};
  const card = '6222021234567891234';
  const idNumber = residentId();

  const meta = () =>
    systemMeta({ tenantId, actorId: 'test-setup', correlationId: randomBytes(4).toString('hex') });
  const search = async (query: string, who: Member = users.manager): Promise<PoolPage> => {
    const response = await api
      .http()
      .get(`/api/v1/cases${query}`)
      .set('Authorization', `Bearer ${who.token}`)
      .expect(200);
    return response.body;
  };
  const idsOf = (page: PoolPage) => page.items.map((c) => c.id).sort();
  const sorted = (...keys: string[]) => keys.map((k) => ids[k]).sort();

  const debtor = async (
    key: string,
    name: string,
    ref: string,
    dueOn: string,
    extra: { phones?: string[]; idNumber?: string } = {},
  ) => {
    const d = await api.commands.execute(
      new RegisterDebtor(meta(), {
        kind: 'person',
        name,
        idNumber: extra.idNumber ?? residentId(),
        phones: extra.phones ?? [],
      }),
    );
    await api.commands.execute(
      new RegisterAccount(meta(), {
        debtorId: d.id,
        type: 'microloan',
        source: 'test',
        externalRef: ref,
        principal: '1000.00',
        annualRate: '0',
        startDate: '2026-01-01',
        schedule: {
          method: 'given',
          installments: [{ dueDate: dueOn, principal: '1000.00', interest: '0.00' }],
        },
      }),
    );
    ids[`${key}Debtor`] = d.id;
    ids[key] = await openCase(api, users.manager, d.id, 10);
  };

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-31T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'case-pool', {
      manager: ['manager'],
      sup: ['supervisor'],
      ann: ['phone-collector'],
      bob: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    // DPD on 03-31: wang 30, li 10, zhao 59.
    await debtor('wang', '王小明', card, '2026-03-01', {
      phones: ['13812345678'],
      idNumber,
    });
    await debtor('li', '李小红', 'HT-2026-0007', '2026-03-21');
    await debtor('zhao', '赵大明', 'HT-2026-0100', '2026-01-31');
    await api.commands.execute(
      new AddRelatedParty(meta(), ids.liDebtor, {
        kind: 'guarantor',
        name: '李父',
        phone: '13900001111',
      }),
    );
    await api.commands.execute(
      new AddGroupMember(meta(), ids.zhaoDebtor, { type: 'school', code: 'S1', name: '一中' }),
    );
    await api.commands.execute(
      new AddGroupMember(meta(), ids.wangDebtor, { type: 'village', code: 'V1', name: '前营村' }),
    );
    await assign(api, users.manager, ids.wang, users.ann);
    await assign(api, users.manager, ids.li, users.ann);
    await assign(api, users.manager, ids.zhao, users.bob);
    // 电催A组: the supervisor leads ann; bob is in no team of hers.
    await api
      .http()
      .post('/api/v1/teams')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .send({
        name: '电催A组',
        members: [
          { userId: users.sup.id, role: 'lead' },
          { userId: users.ann.id, role: 'member' },
        ],
      })
      .expect(201);
    // Test setup as the owner: a live pack flag, a recorded attribute, open tasks.
    await ownerQuery(
      api,
      `insert into pack_flags (tenant_id, id, flag, subject, subject_id, set_on, set_by)
       values ($1, gen_random_uuid(), 'lost-contact', 'debtor', $2, '2026-03-30', 'test')`,
      [tenantId, ids.liDebtor],
    );
    await ownerQuery(
      api,
      `insert into attribute_values (tenant_id, subject, subject_id, key, value, recorded_by, recorded_at)
       values ($1, 'debtor', $2, 'village-cadre', 'yes', 'test', now())`,
      [tenantId, ids.wangDebtor],
    );
    await ownerQuery(api, `update tasks set status = 'cancelled' where tenant_id = $1`, [tenantId]);
    await ownerQuery(
      api,
      `insert into tasks (tenant_id, id, case_id, kind, due_at, status, priority, idempotency_key,
                          created_by, created_at)
       values ($1, gen_random_uuid(), $2, 'call', '2026-04-02T01:00:00Z', 'open', 0, 'pool-1', 'test', now()),
              ($1, gen_random_uuid(), $3, 'call', '2026-04-05T01:00:00Z', 'open', 0, 'pool-2', 'test', now())`,
      [tenantId, ids.li, ids.zhao],
    );
  }, 180_000);
  afterAll(async () => api.close());

  it('rows carry the masked card number, 五级分类, flags, groups and next due; total 3', async () => {
    const page = await search('?sort=dpd&direction=desc');
    expect(page.total).toBe(3);
    expect(page.items.map((c) => c.dpd)).toEqual([59, 30, 10]);
    const wang = page.items.find((c) => c.id === ids.wang)!;
    expect(wang.accountRefs).toEqual(['6222***********1234']);
    expect(wang.groups).toEqual([expect.objectContaining({ type: 'village', name: '前营村' })]);
    const li = page.items.find((c) => c.id === ids.li)!;
    expect(li.accountRefs).toEqual(['HT-2026-0007']);
    expect(li.flags).toEqual(['lost-contact']);
    expect(li.nextDueAt).toBe('2026-04-02T01:00:00.000Z');
    expect(page.items.every((c) => c.loanClass !== null)).toBe(true);
  });

  it('the search box: phone, ID number, card number only whole; name and contract number in part', async () => {
    expect(idsOf(await search('?q=13812345678'))).toEqual(sorted('wang'));
    expect(idsOf(await search('?q=1381234'))).toEqual([]);
    expect(idsOf(await search(`?q=${idNumber.toLowerCase()}`))).toEqual(sorted('wang'));
    expect(idsOf(await search(`?q=${idNumber.slice(0, 10)}`))).toEqual([]);
    expect(idsOf(await search(`?q=${card}`))).toEqual(sorted('wang'));
    expect(idsOf(await search(`?q=${card.slice(0, 12)}`))).toEqual([]);
    // The guarantor's phone finds the debtor's case.
    expect(idsOf(await search('?q=139-0000-1111'))).toEqual(sorted('li'));
    expect(idsOf(await search(`?q=${encodeURIComponent('明')}`))).toEqual(sorted('wang', 'zhao'));
    expect(idsOf(await search('?q=HT-2026'))).toEqual(sorted('li', 'zhao'));
  });

  it('the search box looks fields up by index: a name or contract number in part, a masked phone finds nothing', async () => {
    // Substrings from the middle and the end of a name (trigram index; two characters too).
    expect(idsOf(await search(`?q=${encodeURIComponent('小明')}`))).toEqual(sorted('wang'));
    expect(idsOf(await search(`?q=${encodeURIComponent('小')}`))).toEqual(sorted('wang', 'li'));
    expect(idsOf(await search(`?q=${encodeURIComponent('王小明')}`))).toEqual(sorted('wang'));
    // A contract number in part, any case; a card number only whole.
    expect(idsOf(await search('?q=t-2026-01'))).toEqual(sorted('zhao'));
    expect(idsOf(await search('?q=6222***********1234'))).toEqual([]);
    // The phone as the list shows it (masked) recovers nothing; whole, with spaces, it does.
    expect(idsOf(await search(`?q=${encodeURIComponent('138****5678')}`))).toEqual([]);
    expect(idsOf(await search(`?q=${encodeURIComponent('138 1234 5678')}`))).toEqual(
      sorted('wang'),
    );
    // A debtor's case is found once even when several fields match it.
    const both = await search(`?q=${encodeURIComponent(idNumber)}`);
    expect(both.total).toBe(1);
  });

  it('filters: group type, flag, attribute, next due on or before a day (tenant zone), 五级分类', async () => {
    expect(idsOf(await search('?groupType=school'))).toEqual(sorted('zhao'));
    expect(idsOf(await search('?flag=lost-contact'))).toEqual(sorted('li'));
    expect(idsOf(await search('?attrKey=village-cadre&attrValue=yes'))).toEqual(sorted('wang'));
    expect(idsOf(await search('?attrKey=village-cadre&attrValue=no'))).toEqual([]);
    // 04-02 09:00 Shanghai is due "on or before 04-02"; the 04-05 task is not.
    expect(idsOf(await search('?dueBefore=2026-04-02'))).toEqual(sorted('li'));
    expect(idsOf(await search('?dueBefore=2026-04-01'))).toEqual([]);
    const classes = (await search('')).items.map((c) => c.loanClass);
    const one = classes[0]!;
    const same = classes.filter((c) => c === one).length;
    expect((await search(`?loanClass=${one}`)).total).toBe(same);
  });

  it('keyset pages of 1 under next-due ascending walk all three, the total on every page', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i += 1) {
      const page = await search(`?sort=next-due&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(3);
      seen.push(...page.items.map((c) => c.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    // li (04-02), zhao (04-05), then wang with no open task.
    expect(seen).toEqual([ids.li, ids.zhao, ids.wang]);
  });

  it('a collector sees only their own cases, even by an exact phone', async () => {
    const ann = await search('', users.ann);
    expect(ann.total).toBe(2);
    expect(idsOf(ann)).toEqual(sorted('wang', 'li'));
    expect((await search('?q=13812345678', users.bob)).total).toBe(0);
    expect(idsOf(await search('', users.bob))).toEqual(sorted('zhao'));
  });

  it('a supervisor sees the cases of her team (ann, two), not bob; the manager all three', async () => {
    const sup = await search('', users.sup);
    expect(sup.total).toBe(2);
    expect(idsOf(sup)).toEqual(sorted('wang', 'li'));
    expect(idsOf(await search('?q=HT-2026', users.sup))).toEqual(sorted('li'));
    expect((await search('')).total).toBe(3);
  });

  it('a bad sort or 五级分类 is a 400 naming the field', async () => {
    const response = await api
      .http()
      .get('/api/v1/cases?sort=name&loanClass=bad')
      .set('Authorization', `Bearer ${users.manager.token}`)
      .expect(400);
    const paths = response.body.errors.map((e: { path: string }) => e.path).sort();
    expect([...new Set(paths)]).toEqual(['query.loanClass', 'query.sort']);
  });

  // Last: it adds a fourth case, which the totals above do not count.
  it('连续/累计逾期期数 on the pool row and the case: 1 paid, 2 missed, 1 paid, 2 missed → 2 / 4', async () => {
    const d = await api.commands.execute(
      new RegisterDebtor(meta(), { kind: 'person', name: '钱期数', idNumber: residentId() }),
    );
    const account = await api.commands.execute(
      new RegisterAccount(meta(), {
        debtorId: d.id,
        type: 'microloan',
        source: 'test',
        externalRef: 'HT-2025-0600',
        principal: '6000.00',
        annualRate: '0',
        startDate: '2025-09-15',
        schedule: {
          method: 'given',
          installments: [
            '2025-10-15',
            '2025-11-15',
            '2025-12-15',
            '2026-01-15',
            '2026-02-15',
            '2026-03-15',
          ].map((dueDate) => ({ dueDate, principal: '1000.00', interest: '0.00' })),
        },
      }),
    );
    const pay = (paidOn: string, ref: string) =>
      api.commands.execute(
        new RecordPayment(meta(), {
          accountId: account.id,
          source: 'test',
          externalRef: ref,
          paidOn,
          amount: '1000.00',
        }),
      );
    await pay('2025-10-15', 'q-1');
    await pay('2026-01-14', 'q-4');
    const caseId = await openCase(api, users.manager, d.id, 10);
    const row = (await search('?q=HT-2025-0600')).items[0] as Item & {
      overdueInstallments: { consecutive: number; cumulative: number } | null;
    };
    expect(row.overdueInstallments).toEqual({ consecutive: 2, cumulative: 4 });
    const detail = await api
      .http()
      .get(`/api/v1/cases/${caseId}`)
      .set('Authorization', `Bearer ${users.manager.token}`)
      .expect(200);
    // The ledger's waterfall puts both receipts on installments 1 and 2, so the DPD runs from
    // the 3rd (12-15: 106 days, M4, 次级); the 期 counts look at each month's own money.
    expect(detail.body.accounts[0]).toMatchObject({
      dpd: 106,
      overdueInstallments: { consecutive: 2, cumulative: 4 },
      loanClass: 'substandard',
      agingBucket: 'M4',
    });
  });
});
