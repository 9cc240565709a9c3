import { PLATFORM_TENANT_ID } from '../../libs/db/src';
import { connect } from '../support/test-db';
import { createTenant, createUser, login, startTestApi, TestApi } from '../support/test-app';

describe('installing a pack pins a snapshot for the tenant (DESIGN §5, issue 4)', () => {
  let api: TestApi;
  let adminA: string;
  let collectorA: string;
  let root: string;
  let tenantA: string;
  let tenantB: string;

  beforeAll(async () => {
    api = await startTestApi();
    tenantA = await createTenant(api, 'micro-a', 'microloan');
    tenantB = await createTenant(api, 'micro-b', 'microloan');
    await createUser(api, tenantA, 'admin-a', ['tenant-admin']);
    await createUser(api, tenantA, 'collector-a', ['phone-collector']);
    await createUser(api, PLATFORM_TENANT_ID, 'root', ['platform-admin']);
    adminA = await login(api, 'micro-a', 'admin-a');
    collectorA = await login(api, 'micro-a', 'collector-a');
    root = await login(api, 'platform', 'root');
  });
  afterAll(async () => api.close());

  const events = async (tenantId: string) => {
    const owner = await connect(api.db.ownerUrl);
    try {
      const { rows } = await owner.query(
        `select type, aggregate_id, before, after, payload from event_log
         where tenant_id = $1 and type like 'Pack%' order by seq`,
        [tenantId],
      );
      return rows;
    } finally {
      await owner.end();
    }
  };

  it('GET /packs/available lists the packs in policies/ with their versions', async () => {
    const response = await api
      .http()
      .get('/api/v1/packs/available')
      .set('Authorization', `Bearer ${adminA}`)
      .expect(200);
    const byId = Object.fromEntries(response.body.map((p: { id: string }) => [p.id, p]));
    expect(byId['test-ladder']).toMatchObject({
      version: '1.0.0',
      audience: 'test',
      valid: true,
      extends: null,
    });
    expect(byId['test-extends']).toMatchObject({
      version: '1.1.0',
      valid: true,
      extends: 'test-ladder@^1.0.0',
    });
    expect(byId['test-ladder'].parameters).toContainEqual(
      expect.objectContaining({ name: 'legalReferralDpd', type: 'integer', default: 90 }),
    );
  });

  it('refuses parameters of the wrong type with 400 naming params.<name>', async () => {
    const response = await api
      .http()
      .post('/api/v1/tenants/micro-a/packs')
      .set('Authorization', `Bearer ${adminA}`)
      .send({
        pack: 'test-ladder',
        params: { legalReferralDpd: 'ninety', amnestyDate: '2026-02-30' },
      })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([
      { path: 'params.legalReferralDpd', reason: 'must be an integer' },
      { path: 'params.amnestyDate', reason: 'must be a date written YYYY-MM-DD' },
    ]);
  });

  it('a tenant admin cannot install into another tenant (403), nor a collector into its own', async () => {
    await api
      .http()
      .post('/api/v1/tenants/micro-b/packs')
      .set('Authorization', `Bearer ${adminA}`)
      .send({ pack: 'test-ladder' })
      .expect(403);
    await api
      .http()
      .post('/api/v1/tenants/micro-a/packs')
      .set('Authorization', `Bearer ${collectorA}`)
      .send({ pack: 'test-ladder' })
      .expect(403);
    expect(await events(tenantB)).toEqual([]);
  });

  it('a tenant admin installs test-ladder with legalReferralDpd 60: the snapshot is pinned and PackInstalled recorded', async () => {
    const response = await api
      .http()
      .post('/api/v1/tenants/micro-a/packs')
      .set('Authorization', `Bearer ${adminA}`)
      .send({ pack: 'test-ladder', version: '^1.0.0', params: { legalReferralDpd: 60 } })
      .expect(201);
    expect(response.body).toMatchObject({
      packId: 'test-ladder',
      version: '1.0.0',
      params: { legalReferralDpd: 60 },
    });
    const owner = await connect(api.db.ownerUrl);
    const { rows } = await owner.query(
      `select pack_id, version, params, status, digest, resolved from pack_installations where tenant_id = $1`,
      [tenantA],
    );
    await owner.end();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      pack_id: 'test-ladder',
      version: '1.0.0',
      params: { legalReferralDpd: 60 },
      status: 'active',
    });
    const legal = rows[0].resolved.spec.stages.find((s: { id: string }) => s.id === 'legal');
    expect(legal.when).toEqual({ any: [{ dpd: { min: 60 } }, { brokenPromises: { min: 2 } }] });
    expect(rows[0].resolved.templates['overdue-demand'].body).toContain('逾期催收函');
    expect(await events(tenantA)).toEqual([
      {
        type: 'PackInstalled',
        aggregate_id: tenantA,
        before: null,
        after: {
          installationId: response.body.installationId,
          packId: 'test-ladder',
          version: '1.0.0',
          params: { legalReferralDpd: 60 },
          digest: rows[0].digest,
        },
        payload: expect.objectContaining({ packId: 'test-ladder', extendsChain: [] }),
      },
    ]);
  });

  it('GET /packs/current returns the pinned snapshot to every role of the tenant', async () => {
    const response = await api
      .http()
      .get('/api/v1/packs/current')
      .set('Authorization', `Bearer ${collectorA}`)
      .expect(200);
    expect(response.body).toMatchObject({
      packId: 'test-ladder',
      version: '1.0.0',
      status: 'active',
    });
    expect(response.body.resolved.params.legalReferralDpd).toBe(60);
  });

  it('a second install is refused with 409: changing packs is an explicit upgrade', async () => {
    const response = await api
      .http()
      .post('/api/v1/tenants/micro-a/packs')
      .set('Authorization', `Bearer ${adminA}`)
      .send({ pack: 'test-extends' })
      .expect(409);
    expect(response.body.detail).toMatch(/already runs test-ladder@1\.0\.0/);
  });

  it('a platform admin installs into any tenant; the act is audited in both chains', async () => {
    await api
      .http()
      .post('/api/v1/tenants/micro-b/packs')
      .set('Authorization', `Bearer ${root}`)
      .send({ pack: 'test-extends' })
      .expect(201);
    expect((await events(tenantB)).map((e) => e.type)).toEqual(['PackInstalled']);
    const platform = await events(PLATFORM_TENANT_ID);
    expect(platform.map((e) => [e.type, e.aggregate_id])).toEqual([['PackInstalled', tenantB]]);
    await api
      .http()
      .post('/api/v1/tenants/nowhere/packs')
      .set('Authorization', `Bearer ${root}`)
      .send({ pack: 'test-ladder' })
      .expect(404);
  });

  it('an unknown pack is 404; the installation history lists what the tenant ran', async () => {
    await api
      .http()
      .post('/api/v1/packs/diff')
      .set('Authorization', `Bearer ${adminA}`)
      .send({ pack: 'no-such-pack' })
      .expect(404);
    const history = await api
      .http()
      .get('/api/v1/tenants/micro-a/packs')
      .set('Authorization', `Bearer ${adminA}`)
      .expect(200);
    expect(
      history.body.map((i: { packId: string; status: string }) => [i.packId, i.status]),
    ).toEqual([['test-ladder', 'active']]);
  });
});
