import { createTenant, createUser, login, startTestApi, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';

describe('PUT /api/v1/tenant/profile: the letterhead a tenant admin sets for its own notices', () => {
  let api: TestApi;
  let tenantId: string;
  let otherId: string;
  const tokens: Record<string, string> = {};
  const profile = {
    address: '河北省石家庄市高新区天山大街266号',
    phone: '0311-85556601',
    contactPerson: '销售内勤 李静',
  };

  beforeAll(async () => {
    api = await startTestApi();
    tenantId = await createTenant(api, 'profile-a', 'leasing');
    otherId = await createTenant(api, 'profile-b', 'leasing');
    await createUser(api, tenantId, 'admin', ['tenant-admin']);
    await createUser(api, tenantId, 'caller', ['phone-collector']);
    tokens.admin = await login(api, 'profile-a', 'admin');
    tokens.caller = await login(api, 'profile-a', 'caller');
  });
  afterAll(() => api?.close());

  const put = (who: string, body: object) =>
    api
      .http()
      .put('/api/v1/tenant/profile')
      .set('Authorization', `Bearer ${tokens[who]}`)
      .send(body);

  async function rows() {
    const db = await connect(api.db.ownerUrl);
    try {
      const result = await db.query(
        `select id, address, phone, contact_person from tenants where id = any($1) order by slug`,
        [[tenantId, otherId]],
      );
      return result.rows;
    } finally {
      await db.end();
    }
  }

  it('the admin sets it: stored on his tenant only, audited with before and after', async () => {
    const response = await put('admin', profile).expect(200);
    expect(response.body).toEqual(profile);
    expect(await rows()).toEqual([
      {
        id: tenantId,
        address: profile.address,
        phone: profile.phone,
        contact_person: profile.contactPerson,
      },
      { id: otherId, address: null, phone: null, contact_person: null },
    ]);
    const db = await connect(api.db.ownerUrl);
    try {
      const audit = await db.query(
        `select before, after from event_log where tenant_id = $1 and type = 'TenantProfileUpdated'`,
        [tenantId],
      );
      expect(audit.rows).toEqual([
        { before: { address: null, phone: null, contactPerson: null }, after: profile },
      ]);
    } finally {
      await db.end();
    }
  });

  it('refuses a collector (403) and a bad phone number with its path (400)', async () => {
    await put('caller', profile).expect(403);
    const bad = await put('admin', { ...profile, phone: '电话 123' }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.phone']);
  });
});
