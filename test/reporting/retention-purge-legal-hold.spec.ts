import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CloseCase } from '../../libs/collection/src';
import { systemMeta } from '../../libs/core/src';
import { ApplyRetention } from '../../libs/reporting/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { tenantWithUsers } from '../collection/support/fixtures';
import {
  bearer,
  borrower,
  installPack,
  meta,
  openCase,
  pay,
  startKpiApi,
} from '../kpi/support/kpi-fixtures';

/** Retention is applied by the nightly run (the system viewer); no person holds retention.apply. */
const nightly = (tenantId: string) => systemMeta(meta(tenantId, 'system:daily-run'));

/**
 * 篇八 三、资料备份保留的规定: case data is kept 5 years after the client agreement ends,
 * then purged — unless a legal hold (an open legal matter, or an explicit hold) keeps it.
 * The pack: retention client-data {years: 5, from: agreementEnded, then: purge}.
 */
describe('retention purges card-agency case data 5 years after 退案, skipping legal holds (篇八)', () => {
  let api: CollectionTestApi;
  let owner: Client;
  let tenantId: string;
  let managerId: string;
  let token: string;
  const cases: Record<'expired' | 'litigated' | 'held', { caseId: string; debtorId: string }> =
    {} as never;

  const count = async (sql: string, params: unknown[]) =>
    Number(Object.values((await owner.query(sql, params)).rows[0])[0]);

  beforeAll(async () => {
    api = await startKpiApi({ now: '2026-01-10T10:00:00+08:00' });
    const setup = await tenantWithUsers(api, 'agency-retention', {
      boss: ['manager'],
      counsel: ['legal'],
    });
    tenantId = setup.tenantId;
    managerId = setup.users.boss.id;
    token = setup.users.counsel.token;
    await installPack(api, tenantId, 'card-collection-agency');
    owner = new Client({ connectionString: api.db.ownerUrl });
    await owner.connect();
    for (const key of ['expired', 'litigated', 'held'] as const) {
      const { debtorId, accountId } = await borrower(api, tenantId, {
        name: `持卡人${key}`,
        type: 'card-account',
        principal: '5000.00',
        startDate: '2025-01-01',
        dueOn: '2025-06-30',
      });
      await pay(api, tenantId, accountId, '2026-01-05', '1200.00');
      await owner.query(
        `update debtors set phones = '{13800138000}', address = '北京市东城区某街1号' where id = $1`,
        [debtorId],
      );
      // The contact panel's copy (issue 11 §2), as the ledger's writers keep it.
      await owner.query(
        `insert into debtor_contact_points (tenant_id, id, debtor_id, kind, subtype, value, source,
           status, created_at, created_by, updated_at, updated_by)
         values ($1, gen_random_uuid(), $2, 'phone', 'mobile', '13800138000', 'contract', 'valid',
           now(), 'test', now(), 'test')`,
        [tenantId, debtorId],
      );
      const caseId = await openCase(api, tenantId, managerId, debtorId);
      const attachmentId = randomUUID();
      await owner.query(
        `insert into attachments (tenant_id, id, storage_key, sha256, size_bytes, content_type,
           original_name, uploaded_by, uploaded_at)
         values ($1, $2, $3, repeat('a', 64), 10, 'audio/mpeg', '录音.mp3', 'test', now())`,
        [tenantId, attachmentId, `recordings/${attachmentId}.mp3`],
      );
      await owner.query(
        `insert into contact_attempts (tenant_id, id, case_id, channel, party, outcome_code, notes,
           attempted_at, recorded_by, recorded_at, attachment_id)
         values ($1, $2, $3, 'call', 'debtor', 'promised-to-pay', '本人承认欠款', now(), 'test', now(), $4)`,
        [tenantId, randomUUID(), caseId, attachmentId],
      );
      // 退案: the client agreement ended and the case went back to the bank on 2026-01-10.
      await api.commands.execute(
        new CloseCase(meta(tenantId, managerId, ['manager']), caseId, 'returned', '协议终止退案'),
      );
      cases[key] = { caseId, debtorId };
    }
    await owner.query(
      `insert into legal_matters (tenant_id, id, case_id, status, filed_on, created_by, created_at)
       values ($1, $2, $3, 'open', '2026-01-10', 'test', now())`,
      [tenantId, randomUUID(), cases.litigated.caseId],
    );
    await api
      .http()
      .put(`/api/v1/cases/${cases.held.caseId}/legal-hold`)
      .set(bearer(token))
      .send({ hold: true, reason: '监管调查要求保留' })
      .expect(200);
  }, 120_000);
  afterAll(async () => {
    await owner?.end();
    await api.close();
  });

  const contactsOf = (caseId: string) =>
    count(`select count(*) from contact_attempts where case_id = $1`, [caseId]);

  it('no person applies retention: a manager is refused (retention.apply) and nothing is purged', async () => {
    await expect(
      api.commands.execute(new ApplyRetention(meta(tenantId), '2031-01-10')),
    ).rejects.toThrow('retention.apply');
    expect(await contactsOf(cases.expired.caseId)).toBe(1);
  });

  it('nothing is purged on 2031-01-09, a day before the 5 years are up', async () => {
    const result = await api.commands.execute(new ApplyRetention(nightly(tenantId), '2031-01-09'));
    expect(result.policies).toEqual([
      expect.objectContaining({ policyId: 'client-data', action: 'purge', cases: 0 }),
    ]);
    expect(await contactsOf(cases.expired.caseId)).toBe(1);
  });

  it('on 2031-01-10 the expired case is purged and its debtor anonymised; held cases stay whole', async () => {
    const result = await api.commands.execute(new ApplyRetention(nightly(tenantId), '2031-01-10'));
    expect(result.policies[0]).toMatchObject({
      cases: 1,
      heldBack: 2,
      debtorsAnonymised: 1,
      counts: { contacts: 1, attachments: 1 },
    });
    const { caseId, debtorId } = cases.expired;
    expect(await contactsOf(caseId)).toBe(0);
    expect(
      await count(`select count(*) from attachments where storage_key like 'recordings/%'`, []),
    ).toBe(2);
    const debtor = (
      await owner.query(`select name, id_number, phones, address from debtors where id = $1`, [
        debtorId,
      ])
    ).rows[0];
    expect(debtor).toMatchObject({ name: '已匿名', phones: [], address: null });
    expect(debtor.id_number).toMatch(/^A[0-9A-F]{17}$/);
    expect(
      await count(`select count(*) from debtor_contact_points where debtor_id = $1`, [debtorId]),
    ).toBe(0);
    // Amounts stay for statistics; the case row stays, closed.
    expect(
      await count(
        `select count(*) from payments p join accounts a on a.id = p.account_id where a.debtor_id = $1`,
        [debtorId],
      ),
    ).toBe(1);
    expect(await count(`select count(*) from cases where id = $1`, [caseId])).toBe(1);
    // Under hold: contacts, recordings and the debtor's name untouched.
    for (const key of ['litigated', 'held'] as const) {
      expect(await contactsOf(cases[key].caseId)).toBe(1);
      const name = (
        await owner.query(`select name from debtors where id = $1`, [cases[key].debtorId])
      ).rows[0].name;
      expect(name).toBe(`持卡人${key}`);
    }
    // The purge is in the audit log, naming the case.
    const events = await owner.query(
      `select payload from event_log where tenant_id = $1 and type = 'RetentionApplied'`,
      [tenantId],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].payload).toMatchObject({
      policyId: 'client-data',
      action: 'purge',
      caseIds: [caseId],
    });
  });

  it('a second run does nothing: no case, no event', async () => {
    const result = await api.commands.execute(new ApplyRetention(nightly(tenantId), '2031-01-10'));
    expect(result.policies[0]).toMatchObject({ cases: 0, debtorsAnonymised: 0, heldBack: 2 });
    expect(
      await count(
        `select count(*) from event_log where tenant_id = $1 and type = 'RetentionApplied'`,
        [tenantId],
      ),
    ).toBe(1);
  });
});
