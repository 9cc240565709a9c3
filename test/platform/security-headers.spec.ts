import type { Response } from 'supertest';
import { BOOT_TIMEOUT_MS, IDS, registerDebtor, tenantWithUsers } from '../ledger/ledger-test-kit';
import { startTestApi, TestApi } from '../support/test-app';

/**
 * Issue 14 item 5: one middleware (helmet) puts the security headers on every answer — console
 * pages, error pages and re-rendered forms alike — and API JSON is never stored.
 */
describe('security headers on every kind of answer', () => {
  let api: TestApi;
  let managerToken: string;
  let debtorId: string;
  let session: string;

  beforeAll(async () => {
    api = await startTestApi();
    const { tokens } = await tenantWithUsers(api, 'headers', { manager: ['manager'] });
    managerToken = tokens.manager;
    debtorId = await registerDebtor(api, managerToken, {
      name: '孙桂英',
      idNumber: IDS.sunGuiying,
    });
    session = `qs_session=${managerToken}`;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => api.close(), BOOT_TIMEOUT_MS);

  const csp = (response: Response) =>
    Object.fromEntries(
      String(response.headers['content-security-policy'] ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter(([name]) => name)
        .map(([name, ...values]) => [name, values.join(' ')]),
    );

  /** What every HTML page of the console must carry. */
  function expectConsoleHeaders(response: Response): void {
    const policy = csp(response);
    expect(policy['script-src']).toBe("'self'");
    expect(policy['script-src-attr']).toBe("'none'");
    expect(policy['default-src']).toBe("'self'");
    expect(policy['frame-ancestors']).toBe("'none'");
    expect(policy['object-src']).toBe("'none'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-powered-by']).toBeUndefined();
  }

  it('a console page: CSP with scripts from this origin only, no framing, nosniff, Referrer-Policy', async () => {
    const page = await api.http().get('/console/work').set('Cookie', session).expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expectConsoleHeaders(page);
  });

  it('the console pages hold no inline script and no on*= handler (the CSP would block them)', async () => {
    const login = await api.http().get('/console/login').expect(200);
    const work = await api.http().get('/console/work').set('Cookie', session).expect(200);
    for (const html of [login.text, work.text]) {
      expect(html).toContain('<script src="/console/assets/console.js"');
      expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
      expect(html.match(/\son[a-z]+\s*=/gi)).toBeNull();
    }
  });

  it('a console error page (404) carries the same headers', async () => {
    const missing = await api
      .http()
      .get('/console/notices/00000000-0000-4000-8000-000000000000')
      .set('Cookie', session);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^text\/html/);
    expectConsoleHeaders(missing);
  });

  it('a re-rendered form (422) carries the same headers', async () => {
    const form = await api.http().get('/console/login').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const jar = String(form.headers['set-cookie']).split(';')[0];
    const refused = await api
      .http()
      .post('/console/login')
      .set('Cookie', jar)
      .type('form')
      .send({ _csrf: csrf, tenant: '', username: '', password: '' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('name="username"');
    expectConsoleHeaders(refused);
  });

  it('API JSON with personal data: no-store and nosniff; its 404 problem too; no X-Powered-By', async () => {
    const debtor = await api
      .http()
      .get(`/api/v1/debtors/${debtorId}`)
      .set('Authorization', `Bearer ${managerToken}`)
      .expect(200);
    expect(debtor.headers['content-type']).toMatch(/^application\/json/);
    expect(debtor.body.name).toBe('孙桂英');
    const missing = await api
      .http()
      .get('/api/v1/debtors/00000000-0000-4000-8000-000000000000')
      .set('Authorization', `Bearer ${managerToken}`);
    expect(missing.status).toBe(404);
    for (const response of [debtor, missing]) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('Swagger UI keeps its inline set-up (no CSP of ours) but is not framed or sniffed', async () => {
    const docs = await api.http().get('/api/docs/').redirects(1);
    expect(docs.status).toBe(200);
    expect(docs.headers['content-security-policy']).toBeUndefined();
    expect(docs.headers['x-frame-options']).toBe('DENY');
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
  });

  it('no X-Powered-By anywhere: an unknown path, an asset, health, metrics', async () => {
    for (const path of ['/nowhere', '/console/assets/console.js', '/health', '/metrics']) {
      const response = await api.http().get(path);
      expect([path, response.headers['x-powered-by']]).toEqual([path, undefined]);
      expect([path, response.headers['x-content-type-options']]).toEqual([path, 'nosniff']);
    }
  });
});
