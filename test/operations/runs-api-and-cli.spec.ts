import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { RunCliModule, RunEscalationCommand } from '../../apps/cli/src/commands/run.command';
import { AppConfigModule } from '../../libs/core/src';
import { DbModule, RedisModule } from '../../libs/db/src';
import { QUEUES } from '../../libs/jobs/src';
import { InstallPack } from '../../libs/policy/src';
import { TenancyModule } from '../../libs/tenancy/src';
import { createTenant, createUser, login, startTestApi, TestApi } from '../support/test-app';
import { connect } from '../support/test-db';
import { writeMicroloanBook } from './support/portfolio';
import { meta } from './support/run-kit';

describe('POST /api/v1/runs/escalation, GET /runs/{id}, GET /runs?asOf= and `cli run escalation`', () => {
  let api: TestApi;
  let cli: INestApplicationContext;
  let tenantId: string;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${tokens[who]}` });

  beforeAll(async () => {
    api = await startTestApi();
    tenantId = await createTenant(api, 'ops-api', 'microloan');
    await api.commands.execute(
      new InstallPack(meta(tenantId), tenantId, 'microloan-overdue', undefined, {}),
    );
    for (const [name, role] of [
      ['boss', 'manager'],
      ['lead', 'supervisor'],
      ['auditor', 'auditor'],
      ['caller', 'phone-collector'],
    ] as const) {
      await createUser(api, tenantId, name, [role]);
      tokens[name] = await login(api, 'ops-api', name);
    }
    const owner = await connect(api.db.ownerUrl);
    try {
      await writeMicroloanBook(owner, tenantId, '2026-03-02', 30);
    } finally {
      await owner.end();
    }
    cli = await (
      await Test.createTestingModule({
        imports: [
          AppConfigModule.forRoot(api.db.config),
          CqrsModule.forRoot(),
          DbModule,
          RedisModule,
          TenancyModule,
          RunCliModule,
        ],
      }).compile()
    ).init();
  }, 120_000);
  afterAll(async () => {
    await cli?.close();
    await api?.close();
  });

  it('a supervisor requests the 2026-03-01 backfill: 202, queued, job id = run id; the same request again returns it', async () => {
    const first = await api
      .http()
      .post('/api/v1/runs/escalation')
      .set(as('lead'))
      .send({ asOf: '2026-03-01' })
      .expect(202);
    expect(first.body).toMatchObject({
      kind: 'escalation',
      asOf: '2026-03-01',
      state: 'queued',
      created: true,
    });
    expect(first.headers.location).toBe(`/api/v1/runs/${first.body.id}`);
    const job = await api.app.get<Queue>(getQueueToken(QUEUES.runs)).getJob(first.body.id);
    expect(job).toMatchObject({ name: 'run', data: { tenantId, runId: first.body.id } });

    const second = await api
      .http()
      .post('/api/v1/runs/escalation')
      .set(as('boss'))
      .send({ asOf: '2026-03-01' })
      .expect(202);
    expect(second.body).toMatchObject({ id: first.body.id, created: false });

    const read = await api
      .http()
      .get(`/api/v1/runs/${first.body.id}`)
      .set(as('auditor'))
      .expect(200);
    expect(read.body).toMatchObject({ id: first.body.id, state: 'queued', counts: {} });
    const list = await api.http().get('/api/v1/runs?asOf=2026-03-01').set(as('boss')).expect(200);
    expect(list.body.map((r: { id: string }) => r.id)).toEqual([first.body.id]);
  });

  it('refuses a collector (403), an auditor’s POST (403), a bad date and a date after today (400)', async () => {
    await api.http().post('/api/v1/runs/escalation').set(as('caller')).send({}).expect(403);
    await api.http().post('/api/v1/runs/escalation').set(as('auditor')).send({}).expect(403);
    const bad = await api
      .http()
      .post('/api/v1/runs/escalation')
      .set(as('boss'))
      .send({ asOf: '2026-02-30' })
      .expect(400);
    expect(bad.body.errors[0].path).toContain('asOf');
    await api
      .http()
      .post('/api/v1/runs/escalation')
      .set(as('boss'))
      .send({ asOf: '2999-01-01' })
      .expect(400);
  });

  it('`run escalation --tenant ops-api --as-of 2026-03-02` runs in-process; GET then shows it succeeded with its counts', async () => {
    const lines: string[] = [];
    const log = jest
      .spyOn(console, 'log')
      .mockImplementation((line: string) => void lines.push(line));
    try {
      await cli
        .get(RunEscalationCommand)
        .run([], { tenant: 'ops-api', asOf: '2026-03-02', json: true });
    } finally {
      log.mockRestore();
    }
    const printed = JSON.parse(lines[0]);
    expect(printed.run).toMatchObject({ asOf: '2026-03-02', state: 'succeeded' });
    // 30 accounts, DPD (i mod 10) − 2 on 2026-03-02: 21 overdue → 21 cases.
    expect(printed.run.counts).toMatchObject({ accountsRecomputed: 30, casesOpened: 21 });
    expect(process.exitCode).toBe(0);
    const read = await api.http().get(`/api/v1/runs/${printed.run.id}`).set(as('boss')).expect(200);
    expect(read.body).toMatchObject({ state: 'succeeded', counts: printed.run.counts });
    expect(read.body.steps.map((s: { name: string }) => s.name)).toEqual([
      'recompute-balances',
      'open-cases',
      'evaluate-promises',
      'evaluate-plans',
      'evaluate-cases',
      'evaluate-flags',
      'recompute-ratings',
      'snapshot-kpis',
      'publish-drive-progress',
      'monitor-slas',
      'queue-notice-dispatch',
      'run-due-reports',
      'apply-retention',
    ]);
  });
});
