import { startTestApi, TestApi } from '../support/test-app';
import { as, IDS, ownerQuery, tenantWithUsers, BOOT_TIMEOUT_MS } from './ledger-test-kit';

describe('debtor ID numbers are validated (GB 11643 / GB 32100) and stored normalised', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    token = (await tenantWithUsers(api, 'id-check', { clerk: ['clerk'] })).tokens.clerk;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  it('a wrong MOD 11-2 check digit (…4651, should be X) → 400 naming body.idNumber with the reason', async () => {
    const response = await as(api, token)
      .post('/debtors', { kind: 'person', name: '孙桂英', idNumber: '110105196705234651' })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([
      {
        path: 'body.idNumber',
        reason: expect.stringContaining(
          'check character is 1 but the MOD 11-2 check of the first 17 digits gives X',
        ),
      },
    ]);
    const rows = await ownerQuery<{ n: number }>(api, `select count(*)::int as n from debtors`);
    expect(rows[0].n).toBe(0);
  });

  it('full-width digits are refused with the reason, in English and Chinese', async () => {
    const response = await as(api, token)
      .post('/debtors', {
        kind: 'person',
        name: '林静',
        idNumber: '５１０１０７１９７１０２１３６１２０',
      })
      .expect(400);
    expect(response.body.errors[0].path).toBe('body.idNumber');
    expect(response.body.errors[0].reason).toMatch(/full-width.*含全角字符/);
  });

  it('an organisation is checked as a unified social credit code (GB 32100): a bad check character → 400', async () => {
    const response = await as(api, token)
      .post('/debtors', {
        kind: 'organisation',
        name: '冀金马农机',
        idNumber: '91410100XYD1PER93A',
      })
      .expect(400);
    expect(response.body.errors[0]).toMatchObject({
      path: 'body.idNumber',
      reason: expect.stringContaining('MOD 31 check gives R'),
    });
  });

  it('a lowercase x is stored as X, and the same person registered twice → 409', async () => {
    const created = await as(api, token)
      .post('/debtors', { kind: 'person', name: '孙桂英', idNumber: IDS.sunGuiying.toLowerCase() })
      .expect(201);
    const rows = await ownerQuery<{ id_number: string }>(
      api,
      `select id_number from debtors where id = $1`,
      [created.body.id],
    );
    expect(rows[0].id_number).toBe('11010519670523465X');
    await as(api, token)
      .post('/debtors', { kind: 'person', name: '孙桂英', idNumber: IDS.sunGuiying })
      .expect(409);
  });

  it('a legacy 15-digit number is converted to 18 digits: 110105670523465 → 11010519670523465X is taken', async () => {
    await as(api, token)
      .post('/debtors', { kind: 'person', name: '孙桂英', idNumber: '110105670523465' })
      .expect(409);
  });
});
