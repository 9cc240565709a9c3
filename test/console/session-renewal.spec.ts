import { createTenant, createUser, login, startTestApi, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';

/** A 4-second token so the test can cross half its life; production uses JWT_TTL_SECONDS. */
const TTL = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('console sessions slide: a page request past half the token’s life renews it', () => {
  let api: TestApi;
  let tenantId: string;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi({ JWT_TTL_SECONDS: TTL });
    tenantId = await createTenant(api, 'renewal', 'microloan');
    await createUser(api, tenantId, 'caller', ['phone-collector']);
    token = await login(api, 'renewal', 'caller');
  });
  afterAll(() => api?.close());

  const page = (session: string) =>
    api.http().get('/console/work').set('Cookie', `qs_session=${session}`);
  const renewedToken = (headers: Record<string, unknown>) =>
    ((headers['set-cookie'] as string[] | undefined) ?? [])
      .find((c) => c.startsWith('qs_session='))
      ?.split(';')[0]
      .slice('qs_session='.length);

  it('a fresh token is not renewed; at more than half its life the response carries a new one', async () => {
    const fresh = await page(token).expect(200);
    expect(renewedToken(fresh.headers)).toBeUndefined();
    await sleep((TTL / 2) * 1000 + 300);
    const late = await page(token).expect(200);
    const renewed = renewedToken(late.headers);
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(token);
    // Past the old token's expiry the renewed one still opens the page.
    await sleep((TTL / 2) * 1000);
    await page(renewed!).expect(200);
    await page(token).expect((r) => expect(r.status).not.toBe(200));
  }, 180_000);

  it('a disabled user is not renewed: the page sends him to sign in again', async () => {
    const fresh = await login(api, 'renewal', 'caller');
    const owner = await connect(api.db.ownerUrl);
    try {
      await owner.query(`update users set status = 'disabled' where tenant_id = $1`, [tenantId]);
    } finally {
      await owner.end();
    }
    await sleep((TTL / 2) * 1000 + 300);
    const response = await page(fresh);
    // Sent to the login page, and the stale session cookie is cleared (not renewed).
    expect([response.status, response.headers.location]).toEqual([
      303,
      expect.stringMatching(/^\/console\/login/),
    ]);
    expect(renewedToken(response.headers)).toBe('');
  }, 180_000);
});
