import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { FileStorage, RecordingsArchiveStore } from '@qingshou/collection';
import {
  AppConfig,
  NotFoundError,
  requirePermission,
  viewerOf,
  visibleCasesSql,
} from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import {
  GetRecordingFile,
  ListRecordings,
  RecordingFile,
  RecordingsPage,
} from './list-recordings.query';

/** Recordings are the audio attachments of logged contacts (as the archive job reads them). */
const FROM = `from contact_attempts ca
  join attachments a on a.tenant_id = ca.tenant_id and a.id = ca.attachment_id
  join cases c on c.tenant_id = ca.tenant_id and c.id = ca.case_id
  join debtors d on d.tenant_id = c.tenant_id and d.id = c.debtor_id
  left join users u on u.tenant_id = ca.tenant_id and u.id::text = ca.recorded_by
  where ca.tenant_id = ? and a.content_type like 'audio/%'`;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/;

@QueryHandler(ListRecordings)
export class ListRecordingsHandler implements IQueryHandler<ListRecordings, RecordingsPage> {
  private readonly archive: RecordingsArchiveStore;

  constructor(
    private readonly tx: TenantTx,
    config: AppConfig,
  ) {
    this.archive = new RecordingsArchiveStore(config);
  }

  async execute(query: ListRecordings): Promise<RecordingsPage> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'recordings.read');
    const visible = visibleCasesSql(viewer);
    const size = Math.min(Math.max(1, Math.trunc(query.pageSize)), 200);
    const cursor = query.after ? CURSOR.exec(query.after) : null;
    const lastRun = await this.archive.lastRun(query.tenantId);
    const recent = new Set((await this.archive.recent(query.tenantId)).map((r) => r.id));
    const through = lastRun?.through?.uploadedAt ?? null;
    return this.tx.run(query.tenantId, async (em) => {
      const rows = await em.execute<Record<string, unknown>[]>(
        `select a.id, ca.case_id, d.name as debtor_name, u.display_name, ca.recorded_by,
                a.size_bytes, a.original_name,
                to_char(ca.attempted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as attempted_at,
                (?::timestamptz is not null and a.uploaded_at <= ?::timestamptz) as archived
         ${FROM} and ${visible.sql}
           and (?::timestamptz is null or (ca.attempted_at, a.id) < (?::timestamptz, ?::uuid))
         order by ca.attempted_at desc, a.id desc
         limit ${size + 1}`,
        [
          through,
          through,
          query.tenantId,
          ...visible.params,
          cursor?.[1] ?? null,
          cursor?.[1] ?? null,
          cursor?.[2] ?? null,
        ],
      );
      const [{ total }] = await em.execute<{ total: string }[]>(
        `select count(*) as total ${FROM} and ${visible.sql}`,
        [query.tenantId, ...visible.params],
      );
      const page = rows.slice(0, size).map((r) => ({
        attachmentId: String(r.id),
        caseId: String(r.case_id),
        debtorName: String(r.debtor_name),
        attemptedAt: String(r.attempted_at),
        collector: r.display_name === null ? null : String(r.display_name),
        sizeBytes: Number(r.size_bytes),
        originalName: String(r.original_name),
        archived: r.archived === true || recent.has(String(r.id)),
      }));
      const last = page[page.length - 1];
      return {
        rows: page,
        total: Number(total),
        next: rows.length > size && last ? `${last.attemptedAt}|${last.attachmentId}` : null,
        lastRunAt: lastRun?.ranAt ?? null,
      };
    });
  }
}

@QueryHandler(GetRecordingFile)
export class GetRecordingFileHandler implements IQueryHandler<GetRecordingFile, RecordingFile> {
  constructor(
    private readonly tx: TenantTx,
    private readonly storage: FileStorage,
  ) {}

  async execute(query: GetRecordingFile): Promise<RecordingFile> {
    const viewer = viewerOf(query);
    requirePermission(viewer, 'recordings.read');
    const visible = visibleCasesSql(viewer);
    const rows = await this.tx.run(query.tenantId, (em) =>
      em.execute<{ storage_key: string; content_type: string; original_name: string }[]>(
        `select a.storage_key, a.content_type, a.original_name ${FROM} and ${visible.sql}
           and a.id = ?::uuid`,
        [query.tenantId, ...visible.params, query.attachmentId],
      ),
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('recording', query.attachmentId);
    return {
      data: await this.storage.get(row.storage_key),
      contentType: row.content_type,
      originalName: row.original_name,
    };
  }
}
