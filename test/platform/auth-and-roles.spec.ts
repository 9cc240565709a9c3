import { PLATFORM_TENANT_ID } from '../../libs/db/src';
import { createTenant, createUser, login, startTestApi, TestApi } from '../support/test-app';

describe('auth and roles (issue: platform foundation §5)', () => {
  let api: TestApi;
  let collectorToken: string;
  let adminToken: string;

  beforeAll(async () => {
    api = await startTestApi();
    const tenantId = await createTenant(api, 'acme-leasing');
    await createUser(api, tenantId, 'collector1', ['phone-collector']);
    await createUser(api, tenantId, 'admin1', ['tenant-admin']);
    await createUser(api, PLATFORM_TENANT_ID, 'root', ['platform-admin']);
    collectorToken = await login(api, 'acme-leasing', 'collector1');
    adminToken = await login(api, 'acme-leasing', 'admin1');
  });
  afterAll(async () => api.close());

  it('GET /me answers who the token belongs to', async () => {
    const response = await api
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${collectorToken}`)
      .expect(200);
    expect(response.body).toMatchObject({
      username: 'collector1',
      roles: ['phone-collector'],
      tenant: { slug: 'acme-leasing', timeZone: 'Asia/Shanghai' },
    });
  });

  it('a collector calling the tenant-admin route POST /users gets 403 problem+json', async () => {
    const response = await api
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${collectorToken}`)
      .send({ username: 'x1', displayName: 'x', password: 'long-enough-1', roles: ['clerk'] })
      .expect(403);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toBe(
      'This action needs one of the roles: tenant-admin, platform-admin',
    );
  });

  it('a collector calling the platform-admin route POST /tenants gets 403', async () => {
    await api
      .http()
      .post('/api/v1/tenants')
      .set('Authorization', `Bearer ${collectorToken}`)
      .send({ slug: 'evil', name: 'x', kind: 'leasing' })
      .expect(403);
  });

  it('a tenant admin creates a user, who can then log in', async () => {
    await api
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        username: 'field1',
        displayName: '外访一',
        password: 'long-enough-1',
        roles: ['field-collector'],
      })
      .expect(201);
    const response = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ tenant: 'acme-leasing', username: 'field1', password: 'long-enough-1' })
      .expect(200);
    expect(response.body.expiresIn).toBe(900);
  });

  it('a platform admin creates a tenant with its first admin', async () => {
    const rootToken = await login(api, 'platform', 'root');
    const response = await api
      .http()
      .post('/api/v1/tenants')
      .set('Authorization', `Bearer ${rootToken}`)
      .send({
        slug: 'coop-north',
        name: '北旗信用联社',
        kind: 'credit-coop',
        admin: { username: 'admin', displayName: '管理员', password: 'long-enough-1' },
      })
      .expect(201);
    expect(response.body.slug).toBe('coop-north');
    // The platform path is audited in the platform tenant's own chain, naming the admin.
    const { connect } = await import('../support/test-db');
    const owner = await connect(api.db.ownerUrl);
    const audit = await owner.query(
      `select e.type, e.actor_id, u.username from event_log e join users u
         on u.tenant_id = e.tenant_id and u.id::text = e.actor_id
       where e.tenant_id = $1 and e.aggregate_id = $2`,
      [PLATFORM_TENANT_ID, response.body.id],
    );
    await owner.end();
    expect(audit.rows).toEqual([
      { type: 'TenantCreated', actor_id: expect.any(String), username: 'root' },
    ]);
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ tenant: 'coop-north', username: 'admin', password: 'long-enough-1' })
      .expect(200);
  });

  it('no token → 401; a forged token → 401', async () => {
    await api.http().get('/api/v1/me').expect(401);
    await api.http().get('/api/v1/me').set('Authorization', 'Bearer abc.def.ghi').expect(401);
  });

  // The delays and per-address caps run on a fixed clock in test/platform/login-policy.spec.ts.
  it('a wrong password → 401 invalid-credentials; the right one right after still logs in', async () => {
    const wrong = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ tenant: 'acme-leasing', username: 'admin1', password: 'wrong-password' })
      .expect(401);
    expect(wrong.body.type).toBe('urn:qingshou:problem:invalid-credentials');
    await api
      .http()
      .post('/api/v1/auth/login')
      .send({ tenant: 'acme-leasing', username: 'admin1', password: 'test-password-123' })
      .expect(200);
  });

  it('an invalid body → 400 problem+json naming each bad field by path', async () => {
    const response = await api
      .http()
      .post('/api/v1/users')
      .set('Authorization', `Bearer ${adminToken}`)
      .send({
        username: 'Bad Name',
        displayName: '',
        password: 'short',
        roles: ['clerk', 'wizard'],
        extra: 1,
      })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const paths = [...new Set(response.body.errors.map((e: { path: string }) => e.path))].sort();
    expect(paths).toEqual([
      'body.displayName',
      'body.extra',
      'body.password',
      'body.roles',
      'body.username',
    ]);
    expect(response.body.status).toBe(400);
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('echoes a caller-supplied X-Request-Id', async () => {
    const response = await api.http().get('/health').set('X-Request-Id', 'req-test-000001');
    expect(response.headers['x-request-id']).toBe('req-test-000001');
    expect(response.body.info).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('bull-board at /admin/queues refuses a tenant admin (403) and serves a platform admin (200)', async () => {
    await api.http().get('/admin/queues').set('Authorization', `Bearer ${adminToken}`).expect(403);
    const rootToken = await login(api, 'platform', 'root');
    await api.http().get('/admin/queues').set('Authorization', `Bearer ${rootToken}`).expect(200);
  });

  it('OpenAPI is generated from the DTOs at /api/docs', async () => {
    const response = await api.http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/me',
        '/api/v1/users',
        '/api/v1/tenants',
      ]),
    );
  });
});
