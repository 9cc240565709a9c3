import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { RegisteredImport, RegisterImport, RunImport } from '../../libs/imports/src';
import type { CollectionTestApi } from '../collection/support/collection-api';
import { bearer, Member, ownerQuery, packTenant } from '../packs/support/pack-scenario';
import { EngineWorker, startEngineWorker } from './support/engine-worker';

/**
 * 篇八 "接收银行案件数据后2小时内录入…催收主管一个工作日内分配": a bank batch of 30 cards
 * (test/fixtures/card-agency-cases.gbk.csv) imported Monday 2026-03-02 10:00. batchReceived
 * fires once (the assistant's enter-batch task, no case); caseImported fires for the 30 cases
 * the import opened, found by cases.import_id in one statement per 500 cases.
 */
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;
const FIXTURE = resolve(__dirname, '../fixtures/card-agency-cases.gbk.csv');

describe('pack rules on an import batch (篇八): batchReceived once, caseImported for every case, set-based', () => {
  let api: CollectionTestApi;
  let worker: EngineWorker;
  let tenantId: string;
  let users: Record<'sup' | 'clerk' | 'phone', Member>;
  const count = async (where: string) => {
    const [row] = await ownerQuery<{ n: number }>(
      api,
      `select count(*)::int as n from tasks where tenant_id = $1 and ${where}`,
      [tenantId],
    );
    return row.n;
  };
  const worklist = async (member: Member) =>
    (await api.http().get('/api/v1/worklist?limit=100').set(bearer(member.token)).expect(200)).body
      .items as { kind: string; role: string | null; case: { id: string } | null }[];

  beforeAll(async () => {
    ({ api, tenantId, users } = await packTenant(
      'card-collection-agency',
      local('2026-03-02', '10:00'),
      { sup: ['supervisor'], clerk: ['clerk'], phone: ['phone-collector'] },
    ));
    worker = await startEngineWorker(api);
    const meta = {
      tenantId,
      actorId: users.clerk.id,
      correlationId: randomBytes(4).toString('hex'),
      roles: ['clerk' as const],
    };
    const registered: RegisteredImport = await api.commands.execute(
      new RegisterImport(meta, {
        kind: 'cases',
        filePath: FIXTURE,
        fileName: 'card-agency-cases.gbk.csv',
      }),
    );
    const view = await api.commands.execute(new RunImport(meta, registered.import.id, {}));
    expect(view).toMatchObject({ status: 'succeeded', rowsOk: 30 });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('the import opened 30 cases that remember it', async () => {
    const [row] = await ownerQuery<{ n: number; imports: number }>(
      api,
      `select count(*)::int as n, count(distinct import_id)::int as imports from cases
       where tenant_id = $1 and import_id is not null`,
      [tenantId],
    );
    expect(row).toEqual({ n: 30, imports: 1 });
  });

  it('ImportFinished → 1 enter-batch task for the assistant (SLA 2 working hours: 12:00) and 30 assign tasks for the supervisor (SLA 1 working day: Tuesday 10:00)', async () => {
    const [finished] = await worker.take(tenantId, ['ImportFinished']);
    const fired = await worker.deliver(finished);
    expect(fired.rules?.outcome.tasks).toHaveLength(31);
    expect(await count(`case_id is null and role = 'clerk' and assignee_id is null`)).toBe(1);
    expect(await count(`case_id is not null and role = 'supervisor' and assignee_id is null`)).toBe(
      30,
    );
    const slas = await ownerQuery<{ role: string; sla: string; n: number }>(
      api,
      `select role, to_char(sla_due_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as sla,
              count(*)::int as n
       from tasks where tenant_id = $1 group by 1, 2 order by 1`,
      [tenantId],
    );
    expect(slas).toEqual([
      { role: 'clerk', sla: '2026-03-02 12:00', n: 1 },
      { role: 'supervisor', sla: '2026-03-03 10:00', n: 30 },
    ]);
  });

  it('the batch delivered again — and a second event naming the same import — creates nothing', async () => {
    const [finished] = await ownerQuery<{ payload: never }>(
      api,
      `select payload from outbox where tenant_id = $1 and payload->>'type' = 'ImportFinished'`,
      [tenantId],
    );
    expect((await worker.deliver(finished.payload)).rules).toBeNull();
    const copy = {
      ...(finished.payload as object),
      eventId: '00000000-0000-4000-8000-000000000001',
    };
    const second = await worker.deliver(copy as never);
    expect(second.rules?.outcome.tasks).toEqual([]);
    expect(await count('true')).toBe(31);
  });

  it("worklists: the supervisor's shows the 30 unassigned assign tasks, the assistant's the batch entry, a collector's none", async () => {
    api.clock.set(local('2026-03-02', '11:00'));
    const sup = await worklist(users.sup);
    expect(sup.filter((i) => i.role === 'supervisor' && i.case)).toHaveLength(30);
    const clerk = await worklist(users.clerk);
    expect(clerk.map((i) => [i.kind, i.role, i.case])).toEqual([['other', 'clerk', null]]);
    expect(await worklist(users.phone)).toEqual([]);
  });
});
