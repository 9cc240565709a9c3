import { startTestApi, TestApi } from '../support/test-app';
import {
  as,
  IDS,
  ownerQuery,
  registerDebtor,
  tenantWithUsers,
  TestTenant,
  BOOT_TIMEOUT_MS,
} from './ledger-test-kit';

describe('personal data is masked unless an allowed role reveals it, and every reveal is audited', () => {
  let api: TestApi;
  let tenant: TestTenant;
  let debtorId: string;

  beforeAll(async () => {
    api = await startTestApi();
    tenant = await tenantWithUsers(api, 'pii-mask', {
      clerk: ['clerk'],
      caller: ['phone-collector'],
      boss: ['manager'],
    });
    debtorId = await registerDebtor(api, tenant.tokens.clerk, {
      phones: ['189-0869-5986'],
      address: '上海市徐汇区漕溪北路88号',
    });
    // The clerk (内勤) enters the guarantor: a collector adds one only on a debtor of a case
    // assigned to them, and this debtor has no case (issue 12).
    await as(api, tenant.tokens.clerk)
      .post(`/debtors/${debtorId}/related-parties`, {
        kind: 'guarantor',
        relation: '配偶',
        name: '刘丽',
        idNumber: IDS.liuLi,
        phone: '13388349835',
      })
      .expect(201);
    await as(api, tenant.tokens.clerk)
      .post(`/debtors/${debtorId}/groups`, { type: 'village', code: 'qianying', name: '前营村' })
      .expect(201);
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  const viewed = () =>
    ownerQuery<{ actor_id: string; payload: { fields: string[]; viewerRoles: string[] } }>(
      api,
      `select actor_id, payload from event_log where type = 'PersonalDataViewed' order by seq`,
    );

  // Collectors read a debtor only through a case assigned to them (see
  // test/collection/ledger-visible-through-own-cases.spec.ts); the clerk shows the masking.
  it('a clerk sees 110105********465X, 189****5986 and 上海市徐汇区****', async () => {
    const response = await as(api, tenant.tokens.clerk).get(`/debtors/${debtorId}`).expect(200);
    expect(response.body).toMatchObject({
      idNumber: '110105********465X',
      phones: ['189****5986'],
      address: '上海市徐汇区****',
      masked: true,
      groups: [{ type: 'village', code: 'qianying', name: '前营村' }],
    });
    expect(response.body.relatedParties[0]).toMatchObject({
      kind: 'guarantor',
      idNumber: '150221********9652',
      phone: '133****9835',
    });
  });

  it('a phone collector asking for reveal=true gets 403 and nothing is audited', async () => {
    await as(api, tenant.tokens.caller).get(`/debtors/${debtorId}?reveal=true`).expect(403);
    expect(await viewed()).toEqual([]);
  });

  it('a manager without reveal also sees masked values (revealing is never the default)', async () => {
    const response = await as(api, tenant.tokens.boss).get(`/debtors/${debtorId}`).expect(200);
    expect(response.body.idNumber).toBe('110105********465X');
    expect(await viewed()).toEqual([]);
  });

  it('a manager with reveal=true sees 11010519670523465X whole and one PersonalDataViewed event names the manager', async () => {
    const response = await as(api, tenant.tokens.boss)
      .get(`/debtors/${debtorId}?reveal=true`)
      .expect(200);
    expect(response.body).toMatchObject({
      idNumber: IDS.sunGuiying,
      phones: ['18908695986'],
      address: '上海市徐汇区漕溪北路88号',
      masked: false,
    });
    expect(response.body.relatedParties[0].idNumber).toBe(IDS.liuLi);
    const events = await viewed();
    expect(events).toHaveLength(1);
    expect(events[0].actor_id).toBe(tenant.userIds.boss);
    expect(events[0].payload).toMatchObject({
      fields: ['idNumber', 'phones', 'address'],
      viewerRoles: ['manager'],
    });
  });

  it('the event log never holds the whole ID number (events are append-only, so only masked values go in)', async () => {
    const rows = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from event_log where payload::text like $1 or after::text like $1`,
      [`%${IDS.sunGuiying}%`],
    );
    expect(rows[0].n).toBe(0);
  });
});
