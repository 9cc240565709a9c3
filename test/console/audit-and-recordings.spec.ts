import { QueryBus } from '@nestjs/cqrs';
import { Job, Queue } from 'bullmq';
import type { ChainVerdict } from '../../libs/db/src';
import { RecordingsArchiveProcessor } from '../../apps/worker/src/processors/recordings.processor';
import {
  AuditPage,
  ListAuditEvents,
} from '../../apps/api/src/console/queries/list-audit-events/list-audit-events.query';
import {
  ListRecordings,
  RecordingsPage,
} from '../../apps/api/src/console/queries/list-recordings/list-recordings.query';
import { VerifyAuditChain } from '../../apps/api/src/console/queries/verify-audit-chain/verify-audit-chain.query';
import type { Role } from '../../libs/core/src';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  ownerQuery,
  tenantWithUsers,
} from '../collection/support/fixtures';

type Who = 'auditor' | 'clerk' | 'manager' | 'wang' | 'li';

describe('issue 11 §5: the auditor reads the event log and verifies it; recordings are listed for those who keep them', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<Who, Member>;
  const roles: Record<Who, Role[]> = {
    auditor: ['auditor'],
    clerk: ['clerk'],
    manager: ['manager'],
    wang: ['phone-collector'],
    li: ['phone-collector'],
  };
  const as = (who: Who) => ({
    tenantId,
    actorId: users[who].id,
    roles: roles[who],
    correlationId: `spec-${who}`,
  });
  const query = <R>(q: object) => api.app.get(QueryBus).execute<object, R>(q);
  const audit = (who: Who, filter: Partial<ConstructorParameters<typeof ListAuditEvents>[1]>) =>
    query<AuditPage>(
      new ListAuditEvents(as(who), {
        from: null,
        to: null,
        actorId: null,
        type: null,
        beforeSeq: null,
        ...filter,
      }),
    );

  beforeAll(async () => {
    // 10:10 in Shanghai on 2026-03-11 (02:10 UTC).
    api = await startCollectionApi({ now: '2026-03-11T02:10:00Z' });
    const tenant = await tenantWithUsers(api, 'audit-room', roles);
    tenantId = tenant.tenantId;
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
      name: '褚十二',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    const caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
    await api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .field('channel', 'call')
      .field('party', 'debtor')
      .field('outcomeCode', 'promised-to-pay')
      .attach('file', Buffer.alloc(3000, 7), { filename: 'call.mp3', contentType: 'audio/mpeg' })
      .expect(201);
  }, 120_000);
  afterAll(async () => api.close());

  it('the log, newest first, counts every event of the tenant; filters by action, actor and local day', async () => {
    const [{ n }] = await ownerQuery(
      api,
      `select count(*)::int as n from event_log where tenant_id = $1`,
      [tenantId],
    );
    const all = await audit('auditor', {});
    expect(all.total).toBe(n);
    expect(all.rows.map((r) => r.seq)).toEqual(
      [...all.rows.map((r) => r.seq)].sort((a, b) => b - a),
    );
    const opened = await audit('auditor', { type: 'CaseOpened' });
    expect(opened.total).toBe(1);
    expect(opened.rows[0].caseId).not.toBeNull();
    const byManager = await audit('auditor', { actorId: users.manager.id });
    expect(byManager.rows.every((r) => r.actorName === 'manager')).toBe(true);
    // 2026-03-11 in Shanghai holds today's events; the 10th holds none.
    expect((await audit('auditor', { from: '2026-03-11', to: '2026-03-11' })).total).toBe(n);
    expect((await audit('auditor', { from: '2026-03-10', to: '2026-03-10' })).total).toBe(0);
  });

  it('pages by seq: a page of 2, then the next from its last seq', async () => {
    const first = await query<AuditPage>(
      new ListAuditEvents(
        as('auditor'),
        { from: null, to: null, actorId: null, type: null, beforeSeq: null },
        2,
      ),
    );
    expect(first.rows).toHaveLength(2);
    const next = await audit('auditor', { beforeSeq: first.nextBeforeSeq });
    expect(next.rows[0].seq).toBe(first.rows[1].seq - 1);
  });

  it('校验: the chain verifies; after a row is altered it names the broken record', async () => {
    const ok = await query<ChainVerdict>(new VerifyAuditChain(as('auditor')));
    const [{ n }] = await ownerQuery(
      api,
      `select count(*)::int as n from event_log where tenant_id = $1`,
      [tenantId],
    );
    expect(ok).toEqual({ ok: true, events: n });
    await ownerQuery(api, `alter table event_log disable trigger event_log_no_update`);
    await ownerQuery(
      api,
      `update event_log set payload = '{"forged": true}' where tenant_id = $1 and seq = 2`,
      [tenantId],
    );
    await ownerQuery(api, `alter table event_log enable trigger event_log_no_update`);
    const broken = await query<ChainVerdict>(new VerifyAuditChain(as('manager')));
    expect(broken).toMatchObject({ ok: false, brokenAtSeq: 2, events: 1 });
  });

  it('a collector reads neither the log nor its verification (audit.read)', async () => {
    await expect(audit('wang', {})).rejects.toMatchObject({ status: 403 });
    await expect(query(new VerifyAuditChain(as('wang')))).rejects.toMatchObject({ status: 403 });
  });

  it('recordings: the clerk sees the call (3,000 bytes, by wang), not yet archived; archived after the daily job', async () => {
    const before = await query<RecordingsPage>(new ListRecordings(as('clerk'), null));
    expect(before.rows.map((r) => [r.sizeBytes, r.collector, r.archived])).toEqual([
      [3000, 'wang', false],
    ]);
    expect(before.lastRunAt).toBeNull();
    const processor = new RecordingsArchiveProcessor(
      api.commands,
      api.app.get(QueryBus),
      api.clock,
      {} as Queue,
    );
    await processor.process({
      data: { kind: 'tenant', tenantId, correlationId: 'spec-archive' },
    } as Job);
    const after = await query<RecordingsPage>(new ListRecordings(as('auditor'), null));
    expect(after.rows.map((r) => r.archived)).toEqual([true]);
    expect(after.lastRunAt).not.toBeNull();
  });

  it('recordings: a collector may not open the archive (recordings.read)', async () => {
    await expect(query(new ListRecordings(as('li'), null))).rejects.toMatchObject({
      status: 403,
    });
  });
});
