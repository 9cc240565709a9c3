import { QueryBus } from '@nestjs/cqrs';
import { Job, Queue } from 'bullmq';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { list } from 'tar';
import { RecordingsArchiveProcessor } from '../../apps/worker/src/processors/recordings.processor';
import type { RecordingsArchiveRun } from '../../libs/collection/src';
import { CollectionTestApi, startCollectionApi } from '../collection/support/collection-api';
import {
  assign,
  debtorWithOverdueAccount,
  Member,
  openCase,
  tenantWithUsers,
} from '../collection/support/fixtures';

describe('篇八: call recordings are archived daily; a second run archives nothing new; the last run is visible', () => {
  let api: CollectionTestApi;
  let tenantId: string;
  let users: Record<'admin' | 'clerk' | 'manager' | 'wang', Member>;
  let caseId: string;
  let processor: RecordingsArchiveProcessor;
  const folder = () => join(api.db.config.RECORDINGS_ARCHIVE_DIR, tenantId);

  const runJob = (correlationId: string) =>
    processor.process({
      data: { kind: 'tenant', tenantId, correlationId },
    } as Job) as Promise<RecordingsArchiveRun>;

  const logCall = (file: Buffer, contentType: string, name: string) =>
    api
      .http()
      .post(`/api/v1/cases/${caseId}/contacts`)
      .set('Authorization', `Bearer ${users.wang.token}`)
      .field('channel', 'call')
      .field('party', 'debtor')
      .field('outcomeCode', 'promised-to-pay')
      .attach('file', file, { filename: name, contentType })
      .expect(201);

  beforeAll(async () => {
    api = await startCollectionApi({ now: '2026-03-11T02:10:00Z' });
    const tenant = await tenantWithUsers(api, 'recordings-co', {
      admin: ['tenant-admin'],
      clerk: ['clerk'],
      manager: ['manager'],
      wang: ['phone-collector'],
    });
    tenantId = tenant.tenantId;
    users = tenant.users;
    const { debtorId } = await debtorWithOverdueAccount(api, tenantId, {
      name: '褚十一',
      principal: '5000.00',
      dueOn: '2026-03-01',
      startDate: '2026-02-01',
    });
    caseId = await openCase(api, users.manager, debtorId);
    await assign(api, users.manager, caseId, users.wang);
    processor = new RecordingsArchiveProcessor(
      api.commands,
      api.app.get(QueryBus),
      api.clock,
      {} as Queue,
    );
  }, 120_000);
  afterAll(async () => api.close());

  it('before any run: GET /backups/recordings/last answers lastRun null to the clerk', async () => {
    const response = await api
      .http()
      .get('/api/v1/backups/recordings/last')
      .set('Authorization', `Bearer ${users.clerk.token}`)
      .expect(200);
    expect(response.body).toEqual({ lastRun: null });
  });

  it('the first run archives the 2 audio recordings (not the photo) into one tar with a manifest', async () => {
    await logCall(Buffer.from('RIFF 通话录音 一'), 'audio/wav', 'call-1.wav');
    await logCall(Buffer.from('ID3 通话录音 二'), 'audio/mpeg', 'call-2.mp3');
    await logCall(Buffer.from('JPEG 外访照片'), 'image/jpeg', 'visit.jpg');
    const run = await runJob('day-1');
    expect(run).toMatchObject({ files: 2, mismatched: [], archive: expect.any(String) });
    expect(run.bytes).toBe(
      Buffer.byteLength('RIFF 通话录音 一') + Buffer.byteLength('ID3 通话录音 二'),
    );
    const entries: string[] = [];
    await list({
      file: join(folder(), run.archive as string),
      onReadEntry: (e) => void entries.push(e.path),
    });
    expect(entries).toHaveLength(3);
    expect(entries[0]).toBe('manifest.json');
    expect(entries.slice(1).every((p) => p.startsWith('recordings/'))).toBe(true);
  });

  it('the second run archives nothing new and writes no tar; a later recording goes in the third', async () => {
    const first = (
      await api
        .http()
        .get('/api/v1/backups/recordings/last')
        .set('Authorization', `Bearer ${users.admin.token}`)
        .expect(200)
    ).body.lastRun as RecordingsArchiveRun;
    api.clock.advance(60_000);
    const second = await runJob('day-2');
    expect(second).toMatchObject({ files: 0, bytes: 0, archive: null, through: first.through });
    const visible = await api
      .http()
      .get('/api/v1/backups/recordings/last')
      .set('Authorization', `Bearer ${users.clerk.token}`)
      .expect(200);
    expect(visible.body.lastRun).toEqual(second);

    // The next day: the contact rules allow only so many calls a day.
    api.clock.advance(86_400_000);
    await logCall(Buffer.from('RIFF 通话录音 三'), 'audio/wav', 'call-3.wav');
    const third = await runJob('day-3');
    expect(third.files).toBe(1);
    expect(existsSync(join(folder(), third.archive as string))).toBe(true);
  });

  it("a recording stamped before the last run's newest (committed late) is archived by the next run, once", async () => {
    api.clock.advance(-30 * 60_000);
    await logCall(Buffer.from('RIFF 通话录音 迟到'), 'audio/wav', 'call-late.wav');
    api.clock.advance(2 * 60 * 60_000);
    const next = await runJob('day-4');
    expect(next.files).toBe(1);
    const after = await runJob('day-5');
    expect(after.files).toBe(0);
  });

  it("the console's imports page shows the last run to the clerk, not to the manager", async () => {
    const clerkPage = await api
      .http()
      .get('/console/admin/imports')
      .set('Cookie', `qs_session=${users.clerk.token}`)
      .expect(200);
    expect(clerkPage.text).toMatch(/录音备份：上次运行 [^，]+，归档 0 个新录音/);
    const managerPage = await api
      .http()
      .get('/console/admin/imports')
      .set('Cookie', `qs_session=${users.manager.token}`)
      .expect(200);
    expect(managerPage.text).not.toContain('录音备份');
  });

  it('a collector may not read the backup status (403)', async () => {
    await api
      .http()
      .get('/api/v1/backups/recordings/last')
      .set('Authorization', `Bearer ${users.wang.token}`)
      .expect(403);
  });
});
