import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError } from '@qingshou/core';
import type { ImportMapping } from '../domain/import-mapping';
import { emptyCounts, ImportCounts, ImportKind, ImportStatus } from '../domain/import-vocabulary';

/** The imports row as the API shows it (GET /imports/{id}) and the pipeline resumes from. */
export interface ImportView {
  readonly id: string;
  readonly kind: ImportKind;
  readonly mappingName: string;
  readonly source: string;
  readonly fileName: string;
  readonly fileSha256: string;
  readonly fileSize: number;
  readonly fileFormat: 'csv' | 'xlsx';
  readonly encoding: string | null;
  readonly status: ImportStatus;
  readonly rowsTotal: number;
  readonly rowsOk: number;
  readonly rowsFailed: number;
  /** Rows whose chunk committed, counted from the top of the file: where a retry resumes. */
  readonly lastRow: number;
  readonly rowsPerSecond: number | null;
  readonly counts: ImportCounts;
  readonly error: string | null;
  readonly errorZh: string | null;
  readonly errorReportKey: string | null;
  readonly attempts: number;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

/** What the pipeline needs besides the view: the stored file and the mapping that applies. */
export interface ImportJob extends ImportView {
  readonly storageKey: string;
  readonly mapping: ImportMapping;
  readonly encodingRequested: string | null;
}

type Row = Record<string, unknown>;

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export function toImportView(row: Row): ImportView {
  return {
    id: String(row.id),
    kind: row.kind as ImportKind,
    mappingName: String(row.mapping_name),
    source: String(row.source),
    fileName: String(row.file_name),
    fileSha256: String(row.file_sha256),
    fileSize: Number(row.file_size),
    fileFormat: row.file_format as 'csv' | 'xlsx',
    encoding: (row.encoding as string | null) ?? null,
    status: row.status as ImportStatus,
    rowsTotal: Number(row.rows_total),
    rowsOk: Number(row.rows_ok),
    rowsFailed: Number(row.rows_failed),
    lastRow: Number(row.last_row),
    rowsPerSecond: row.rows_per_second === null ? null : Number(row.rows_per_second),
    counts: { ...emptyCounts(), ...(row.counts as Partial<ImportCounts>) },
    error: (row.error as string | null) ?? null,
    errorZh: (row.error_zh as string | null) ?? null,
    errorReportKey: (row.error_report_key as string | null) ?? null,
    attempts: Number(row.attempts),
    requestedBy: String(row.requested_by),
    requestedAt: iso(row.requested_at) as string,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** Under RLS another tenant's import is simply not there: 404 either way. */
export async function loadImport(
  em: EntityManager,
  tenantId: string,
  id: string,
  lock = false,
): Promise<ImportJob> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  const rows = uuid
    ? await em.execute<Row[]>(
        `select * from imports where tenant_id = ? and id = ?${lock ? ' for update' : ''}`,
        [tenantId, id],
      )
    : [];
  if (!rows[0]) throw new NotFoundError('Import', id);
  const row = rows[0];
  return {
    ...toImportView(row),
    storageKey: String(row.storage_key),
    mapping: row.mapping as ImportMapping,
    encodingRequested: (row.encoding_requested as string | null) ?? null,
  };
}

export interface ChunkProgress {
  readonly rowsTotal: number;
  readonly rowsOk: number;
  readonly rowsFailed: number;
  readonly lastRow: number;
  readonly rowsPerSecond: number;
  readonly counts: ImportCounts;
}

/** Written in the chunk's own transaction: the row never claims rows that did not commit. */
export async function recordChunk(
  em: EntityManager,
  tenantId: string,
  id: string,
  progress: ChunkProgress,
  now: Date,
): Promise<void> {
  await em.execute(
    `update imports set rows_total = ?, rows_ok = ?, rows_failed = ?, last_row = ?,
       rows_per_second = ?, counts = ?::jsonb, updated_at = ?
     where tenant_id = ? and id = ?`,
    [
      progress.rowsTotal,
      progress.rowsOk,
      progress.rowsFailed,
      progress.lastRow,
      progress.rowsPerSecond.toFixed(1),
      JSON.stringify(progress.counts),
      now,
      tenantId,
      id,
    ],
  );
}

/** The public view of a loaded job: without the storage key and the mapping body. */
export function viewOf(job: ImportJob): ImportView {
  const { storageKey: _key, mapping: _mapping, encodingRequested: _encoding, ...view } = job;
  return view;
}
