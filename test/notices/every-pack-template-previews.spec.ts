import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NoticeInputField } from '../../libs/notices/src';
import { LaunchDrive } from '../../libs/outcomes/src';
import { InstallPack, PackLoader, PackRegistry, type ResolvedPack } from '../../libs/policy/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import {
  bearer,
  loan,
  Member,
  meta,
  openCase,
  startEngineApi,
  tenantWithUsers,
} from '../packs/support/pack-scenario';
import { caseLetters } from './support/case-letters';

const POLICIES = resolve(__dirname, '../../policies');
const PACKS = readdirSync(POLICIES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Parameters a pack declares without a default (the co-op drive's dates). */
const REQUIRED_PARAMS: Record<string, Record<string, unknown>> = {
  'credit-coop-npl-drive': { launchDate: '2026-03-09', amnestyDate: '2026-03-20' },
};

/** A value of the declared type, as a person would type it. */
function sample(field: NoticeInputField): unknown {
  switch (field.type) {
    case 'date':
      return '2026-03-11';
    case 'money':
      return '1200.50';
    case 'integer':
      return 3;
    default:
      return `样例${field.name}`;
  }
}

/**
 * Every template of every pack in policies/ previews with a real case: each pack installed
 * into a tenant of its own, one debtor with an account of the pack's first type (10,000.00
 * at 7.2%, half due 2026-03-02 and half 2026-09-02) and a guarantor, a case opened on it, the pack's first drive
 * launched on 03-09; on 03-11 each template renders through POST /notices/preview (the
 * person's path: figures from the ledger, params and rule from the pack) without error and
 * prints no 'undefined' or 'NaN'.
 */
describe('every template of every pack in policies/ previews with a real case', () => {
  let api: CollectionTestApi;
  const loader = new PackLoader(new PackRegistry(POLICIES));
  const tenants = new Map<string, { caseId: string; boss: Member; pack: ResolvedPack }>();

  beforeAll(async () => {
    api = await startEngineApi('2026-03-11T10:00:00+08:00');
    for (const id of PACKS) {
      const params = REQUIRED_PARAMS[id] ?? {};
      const loaded = loader.load(id, undefined, { mode: 'install', params });
      if (!loaded.ok) throw new Error(`${id}: ${JSON.stringify(loaded.problems)}`);
      const pack = loaded.pack;
      const { tenantId, users } = await tenantWithUsers(api, `all-${id}`, { boss: ['manager'] });
      await api.commands.execute(new InstallPack(meta(tenantId), tenantId, id, undefined, params));
      const made = await loan(api, tenantId, {
        name: '张欠款',
        type: (pack.spec.accountTypes?.[0] ?? 'loan') as never,
        principal: '10000.00',
        annualRate: '0.072',
        startDate: '2025-09-02',
        dueOn: '2026-03-02',
        // One installment overdue, one still to come (the maturity reminders print it).
        installments: [
          { dueDate: '2026-03-02', principal: '5000.00' },
          { dueDate: '2026-09-02', principal: '5000.00' },
        ],
        guarantor: '李担保',
      });
      const caseId = await openCase(api, tenantId, users.boss.id, made.debtorId);
      const drive = pack.spec.drives?.[0];
      if (drive)
        await api.commands.execute(new LaunchDrive(meta(tenantId), drive.id, '2026-03-09'));
      tenants.set(id, { caseId, boss: users.boss, pack });
    }
  }, 300_000);
  afterAll(async () => api?.close());

  it('finds the packs and their templates', () => {
    expect(PACKS).toEqual(expect.arrayContaining(['leasing-dealer-arrears', 'student-loan']));
    const count = [...tenants.values()].reduce(
      (n, t) => n + Object.keys(t.pack.templates).length,
      0,
    );
    expect(count).toBeGreaterThanOrEqual(17);
  });

  it.each(PACKS)('%s: every template renders with no undefined or NaN', async (id) => {
    const { caseId, boss, pack } = tenants.get(id)!;
    const failures: string[] = [];
    for (const [name, template] of Object.entries(caseLetters(pack.templates))) {
      const input = Object.fromEntries((template.input ?? []).map((f) => [f.name, sample(f)]));
      const response = await api
        .http()
        .post('/api/v1/notices/preview')
        .set(bearer(boss.token))
        .send({ caseId, templateId: `${id}/${name}`, input });
      if (response.status !== 200) {
        failures.push(`${name}: ${response.status} ${JSON.stringify(response.body)}`);
        continue;
      }
      const html = String(response.body.html);
      if (/undefined|NaN/.test(html)) failures.push(`${name}: prints undefined/NaN`);
      if (!html.includes('张欠款')) failures.push(`${name}: does not name the debtor`);
    }
    expect(failures).toEqual([]);
  });
});
