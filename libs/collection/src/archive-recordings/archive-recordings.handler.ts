import { CommandHandler, ICommandHandler, IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '@qingshou/calendar';
import { AppConfig, requirePermission } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import { viewerOf } from '../domain/collection-command';
import { FileStorage } from '../storage/file-storage';
import {
  ArchiveRecordings,
  GetLastRecordingsArchive,
  RecordingsArchiveRun,
} from './archive-recordings.command';
import { RecordingsArchiveStore } from './recordings-archive-store';

interface RecordingRow {
  id: string;
  storage_key: string;
  sha256: string;
  uploaded_at: string;
}

/**
 * Call recordings are the audio attachments (contacts logged with their 全程录音). A row's
 * uploaded_at is taken before its transaction commits, so a row can appear after a run with
 * an earlier time than rows that run saw: each run looks back an hour before the newest one
 * archived and skips the ids it already holds from that hour.
 */
const NEW_RECORDINGS = `
  select id, storage_key, sha256, to_char(uploaded_at at time zone 'UTC',
           'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as uploaded_at
    from attachments
   where content_type like 'audio/%'
     and uploaded_at > ?::timestamptz - interval '1 hour'
     and not (id = any(?::uuid[]))
   order by uploaded_at, id`;
const LOOK_BACK_MS = 3_600_000;
const BEFORE_ANY = '1900-01-01T00:00:00Z';

@CommandHandler(ArchiveRecordings)
export class ArchiveRecordingsHandler implements ICommandHandler<ArchiveRecordings> {
  private readonly store: RecordingsArchiveStore;

  constructor(
    private readonly tx: TenantTx,
    private readonly files: FileStorage,
    private readonly clock: Clock,
    config: AppConfig,
  ) {
    this.store = new RecordingsArchiveStore(config);
  }

  async execute(command: ArchiveRecordings): Promise<RecordingsArchiveRun> {
    requirePermission(viewerOf(command), 'recordings.archive');
    const { tenantId } = command;
    const last = await this.store.lastRun(tenantId);
    const recent = await this.store.recent(tenantId);
    const rows = await this.tx.run(tenantId, (em) =>
      em.execute<RecordingRow[]>(NEW_RECORDINGS, [
        last?.through?.uploadedAt ?? BEFORE_ANY,
        // A PostgreSQL array literal: the driver would spread a JS array into a list.
        `{${recent.map((r) => r.id).join(',')}}`,
      ]),
    );
    const ranAt = this.clock.now().toISOString();
    if (rows.length === 0) {
      const run = { ...emptyRun(ranAt), through: last?.through ?? null };
      await this.store.saveRun(tenantId, run, recent);
      return run;
    }
    const name = `recordings-${ranAt.replace(/[-:.]/g, '')}.tar`;
    const staging = await mkdtemp(join(tmpdir(), 'qingshou-recordings-'));
    try {
      const manifest = [];
      const mismatched: string[] = [];
      let bytes = 0;
      for (const row of rows) {
        const data = await this.files.get(row.storage_key);
        const sha256 = createHash('sha256').update(data).digest('hex');
        if (sha256 !== row.sha256) mismatched.push(row.storage_key);
        const path = `recordings/${row.storage_key}`;
        await mkdir(dirname(join(staging, path)), { recursive: true });
        await writeFile(join(staging, path), data);
        manifest.push({
          path,
          attachmentId: row.id,
          size: data.length,
          sha256,
          uploadedAt: row.uploaded_at,
        });
        bytes += data.length;
      }
      await writeFile(
        join(staging, 'manifest.json'),
        JSON.stringify({ tenantId, ranAt, files: manifest }, null, 2),
      );
      const folder = this.store.folder(tenantId);
      await mkdir(folder, { recursive: true });
      await create({ file: join(folder, `${name}.part`), cwd: staging, portable: true }, [
        'manifest.json',
        ...manifest.map((m) => m.path),
      ]);
      await rename(join(folder, `${name}.part`), join(folder, name));
      const archived = [...recent, ...rows.map((r) => ({ id: r.id, uploadedAt: r.uploaded_at }))];
      const newest = archived.reduce((a, b) => (b.uploadedAt > a.uploadedAt ? b : a));
      const since = Date.parse(newest.uploadedAt) - LOOK_BACK_MS;
      const run: RecordingsArchiveRun = {
        ranAt,
        archive: name,
        files: rows.length,
        bytes,
        mismatched,
        through: newest,
      };
      // Saved after the archive is in place: a crash in between archives these again, never skips them.
      const stillRecent = archived.filter((r) => Date.parse(r.uploadedAt) > since);
      await this.store.saveRun(tenantId, run, stillRecent);
      return run;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
  }
}

const emptyRun = (ranAt: string) => ({ ranAt, archive: null, files: 0, bytes: 0, mismatched: [] });

@QueryHandler(GetLastRecordingsArchive)
export class GetLastRecordingsArchiveHandler implements IQueryHandler<
  GetLastRecordingsArchive,
  RecordingsArchiveRun | null
> {
  private readonly store: RecordingsArchiveStore;

  constructor(config: AppConfig) {
    this.store = new RecordingsArchiveStore(config);
  }

  execute(query: GetLastRecordingsArchive): Promise<RecordingsArchiveRun | null> {
    requirePermission(viewerOf(query), 'backup.read');
    return this.store.lastRun(query.tenantId);
  }
}
