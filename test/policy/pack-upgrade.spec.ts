import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../support/test-db';
import { createTenant, createUser, login, startTestApi, TestApi } from '../support/test-app';

/**
 * The API reads packs from a policies/ copy of this file's own, so the test can publish
 * version 1.1.0 of test-ladder after the tenant installed 1.0.0.
 */
describe('upgrading a pack is explicit and shows its difference first (DESIGN §5, issue 4)', () => {
  let api: TestApi;
  let admin: string;
  let tenantId: string;
  let policies: string;
  let installationId: string;
  const packYaml = () => join(policies, 'test-ladder', 'pack.yaml');

  beforeAll(async () => {
    policies = mkdtempSync(join(tmpdir(), 'qs-policies-'));
    cpSync(join(__dirname, '..', '..', 'policies', 'test-ladder'), join(policies, 'test-ladder'), {
      recursive: true,
    });
    process.env.QINGSHOU_POLICIES_DIR = policies;
    api = await startTestApi();
    tenantId = await createTenant(api, 'micro-up', 'microloan');
    await createUser(api, tenantId, 'admin', ['tenant-admin']);
    admin = await login(api, 'micro-up', 'admin');
    const installed = await api
      .http()
      .post('/api/v1/tenants/micro-up/packs')
      .set('Authorization', `Bearer ${admin}`)
      .send({ pack: 'test-ladder' })
      .expect(201);
    installationId = installed.body.installationId;
    // Publish 1.1.0: the overdue notice moves from day 7 to day 10, and a reminder stage appears.
    const next = readFileSync(packYaml(), 'utf8')
      .replace('version: "1.0.0"', 'version: "1.1.0"')
      .replace('when: { dpd: "7.." }', 'when: { dpd: "10.." }')
      .replace(
        '  - id: legal\n',
        '  - id: reminder\n    when: { dpd: "7..9" }\n    do: [{ task: call }]\n  - id: legal\n',
      );
    writeFileSync(packYaml(), next);
  });
  afterAll(async () => {
    await api.close();
    delete process.env.QINGSHOU_POLICIES_DIR;
    rmSync(policies, { recursive: true, force: true });
  });

  const diff = () =>
    api
      .http()
      .post('/api/v1/packs/diff')
      .set('Authorization', `Bearer ${admin}`)
      .send({ pack: 'test-ladder' });

  it('the installed snapshot does not move when policies/ changes', async () => {
    const current = await api
      .http()
      .get('/api/v1/packs/current')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(current.body.version).toBe('1.0.0');
    const stage = current.body.resolved.spec.stages.find(
      (s: { id: string }) => s.id === 'demand-letter',
    );
    expect(stage.when).toEqual({ dpd: { min: 7 } });
  });

  it('POST /packs/diff lists the changed stage condition and the added stage, and writes nothing', async () => {
    const response = await diff().expect(200);
    expect(response.body).toMatchObject({
      basedOn: installationId,
      from: { packId: 'test-ladder', version: '1.0.0' },
      to: { packId: 'test-ladder', version: '1.1.0' },
      versionChange: 'upgrade',
      changes: 2,
    });
    expect(response.body.sections.stages).toEqual({
      added: [
        {
          id: 'reminder',
          item: {
            id: 'reminder',
            when: { dpd: { min: 7, max: 9 } },
            do: [{ task: { kind: 'call' } }],
            catchUp: 'fire',
          },
        },
      ],
      removed: [],
      changed: [
        {
          id: 'demand-letter',
          changes: [{ field: 'when', before: { dpd: { min: 7 } }, after: { dpd: { min: 10 } } }],
        },
      ],
      reordered: false,
    });
    // A preview writes nothing.
    const current = await api
      .http()
      .get('/api/v1/packs/current')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(current.body.installationId).toBe(installationId);
  });

  it('an upgrade based on a stale preview is refused with 409', async () => {
    await api
      .http()
      .post('/api/v1/tenants/micro-up/packs/upgrade')
      .set('Authorization', `Bearer ${admin}`)
      .send({ pack: 'test-ladder', basedOn: '00000000-0000-4000-8000-000000000000' })
      .expect(409);
  });

  it('the upgrade supersedes the old installation and records PackUpgraded with before and after', async () => {
    const response = await api
      .http()
      .post('/api/v1/tenants/micro-up/packs/upgrade')
      .set('Authorization', `Bearer ${admin}`)
      .send({ pack: 'test-ladder', params: { legalReferralDpd: 120 }, basedOn: installationId })
      .expect(201);
    expect(response.body).toMatchObject({
      previousInstallationId: installationId,
      version: '1.1.0',
    });
    const owner = await connect(api.db.ownerUrl);
    try {
      const rows = await owner.query(
        `select id, version, status, superseded_by from pack_installations where tenant_id = $1 order by installed_at, version`,
        [tenantId],
      );
      expect(rows.rows).toEqual([
        {
          id: installationId,
          version: '1.0.0',
          status: 'superseded',
          superseded_by: response.body.installationId,
        },
        {
          id: response.body.installationId,
          version: '1.1.0',
          status: 'active',
          superseded_by: null,
        },
      ]);
      const events = await owner.query(
        `select type, before, after, payload from event_log where tenant_id = $1 and type = 'PackUpgraded'`,
        [tenantId],
      );
      expect(events.rows).toHaveLength(1);
      const [event] = events.rows;
      expect(event.before).toMatchObject({ installationId, version: '1.0.0', params: {} });
      expect(event.after).toMatchObject({ version: '1.1.0', params: { legalReferralDpd: 120 } });
      expect(event.payload.diff.sections.stages).toEqual({
        added: ['reminder'],
        removed: [],
        changed: ['demand-letter', 'legal'],
        reordered: false,
      });
      expect(event.payload.diff.paramValues).toEqual([
        { field: 'legalReferralDpd', before: 90, after: 120 },
      ]);
    } finally {
      await owner.end();
    }
  });

  it('afterwards the same change is nothing to upgrade (409) and the diff is empty', async () => {
    const preview = await api
      .http()
      .post('/api/v1/packs/diff')
      .set('Authorization', `Bearer ${admin}`)
      .send({ pack: 'test-ladder', params: { legalReferralDpd: 120 } })
      .expect(200);
    expect(preview.body.changes).toBe(0);
    await api
      .http()
      .post('/api/v1/tenants/micro-up/packs/upgrade')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        pack: 'test-ladder',
        params: { legalReferralDpd: 120 },
        basedOn: preview.body.basedOn,
      })
      .expect(409);
  });
});
