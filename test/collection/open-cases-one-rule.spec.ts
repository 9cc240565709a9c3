import { randomBytes } from 'node:crypto';
import { listedAccounts, openCases, type CaseOpening } from '../../libs/collection/src';
import { systemMeta } from '../../libs/core/src';
import { TenantTx } from '../../libs/db/src';
import { RegisterAccount } from '../../libs/ledger/src';
import { CollectionTestApi, startCollectionApi } from './support/collection-api';
import {
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from './support/fixtures';

/**
 * One rule opens every case (collection's openCases): OpenCase, the import merge and the
 * nightly run differ only in what they pass — the accounts, the scope, and whether an
 * account a write-off or 退案 ended may be opened again.
 */
describe('issue 12: one rule opens cases for a person, an import batch and the nightly run', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let manager: Member;
  const accounts: Record<string, { debtorId: string; accountId: string }> = {};

  const open = (rows: { debtorId: string; accountId: string }[], o: Partial<CaseOpening>) =>
    api.app.get(TenantTx).run(tenantId, (em) =>
      openCases(em, tenantId, {
        scope: 'account',
        source: listedAccounts(rows, '2026-09-30'),
        reopenAfterEnd: false,
        now: new Date('2026-09-30T02:00:00Z'),
        ...o,
      }),
    );

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-09-30T02:00:00Z' });
    const tenant = await tenantWithUsers(api, 'open-cases-rule', { manager: ['manager'] });
    tenantId = tenant.tenantId;
    manager = tenant.users.manager;
    for (const name of ['甲', '乙', '丙']) {
      accounts[name] = await debtorWithOverdueAccount(api, tenantId, {
        name,
        principal: '1000.00',
        dueOn: '2026-08-01',
        startDate: '2026-07-01',
      });
    }
    // 丙 has a second account: a debtor case covers what no other live case does.
    const second = await api.commands.execute(
      new RegisterAccount(
        systemMeta({ tenantId, actorId: 'test-setup', correlationId: 'test-second-account' }),
        {
          debtorId: accounts['丙'].debtorId,
          type: 'microloan',
          source: 'test',
          externalRef: `ML-${randomBytes(4).toString('hex')}`,
          principal: '500.00',
          annualRate: '0',
          startDate: '2026-07-01',
          schedule: {
            method: 'given',
            installments: [{ dueDate: '2026-08-01', principal: '500.00', interest: '0.00' }],
          },
        },
      ),
    );
    accounts['丙2'] = { debtorId: accounts['丙'].debtorId, accountId: second.id };
  }, 180_000);
  afterAll(async () => api.close());

  it('per account: one case per account listed (a duplicate row opens one); a debtor with a live debtor case gets none; a second open opens 0', async () => {
    await openCase(api, manager, accounts['乙'].debtorId); // a person's debtor case for 乙
    const rows = [accounts['甲'], accounts['甲'], accounts['乙']];
    const first = await open(rows, {});
    expect(first.count).toBe(1);
    expect(first.cases).toEqual([
      {
        id: expect.any(String),
        debtorId: accounts['甲'].debtorId,
        accountIds: [accounts['甲'].accountId],
      },
    ]);
    const again = await open(rows, {});
    expect(again).toEqual({ count: 0, cases: [] });
  });

  it('an account whose case was returned (退案) stays ended for the nightly run (0 opened) but a new handover or a person opens it (1)', async () => {
    const [live] = await ownerQuery<{ id: string }>(
      api,
      `select id from cases where account_id = $1 and closed_on is null`,
      [accounts['甲'].accountId],
    );
    await api
      .http()
      .post(`/api/v1/cases/${live.id}/close`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({ outcome: 'returned', reason: '委托方撤案' })
      .expect(200);
    expect((await open([accounts['甲']], { reopenAfterEnd: false })).count).toBe(0);
    const handover = await open([accounts['甲']], { reopenAfterEnd: true, importId: null });
    expect(handover.count).toBe(1);
  });

  it('per debtor: the case covers only the accounts no other live case covers (丙2 of 丙, not 丙 already in an account case)', async () => {
    expect((await open([accounts['丙']], {})).count).toBe(1); // 丙's first account, per account
    const debtorCase = await open([accounts['丙2']], { scope: 'debtor', accountTypes: [] });
    expect(debtorCase.count).toBe(1);
    expect(debtorCase.cases[0].accountIds).toEqual([accounts['丙2'].accountId]);
    const [links] = await ownerQuery<{ n: string }>(
      api,
      `select count(*) as n from case_accounts where case_id = $1`,
      [debtorCase.cases[0].id],
    );
    expect(Number(links.n)).toBe(1);
  });

  it('a person opening an account case for an account a live case covers gets 409, nothing written', async () => {
    const before = await ownerQuery<{ n: string }>(api, `select count(*) as n from cases`);
    await api
      .http()
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${manager.token}`)
      .send({
        debtorId: accounts['乙'].debtorId,
        scope: 'account',
        accountId: accounts['乙'].accountId,
      })
      .expect(409);
    const after = await ownerQuery<{ n: string }>(api, `select count(*) as n from cases`);
    expect(after[0].n).toBe(before[0].n);
  });
});
