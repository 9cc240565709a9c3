import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomUUID } from 'node:crypto';
import type { ScheduledPeriod } from '../support/report-schedule';

export type ReportFormat = 'xlsx' | 'html' | 'pdf';
export const REPORT_FORMATS: readonly ReportFormat[] = ['xlsx', 'html', 'pdf'];
/** The nightly run files XLSX and HTML; a PDF is printed when someone asks for one. */
export const SCHEDULED_FORMATS: readonly ReportFormat[] = ['xlsx', 'html'];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface NewRun {
  readonly tenantId: string;
  readonly reportId: string;
  readonly period: ScheduledPeriod;
  readonly asOf: string;
  readonly format: ReportFormat;
  readonly trigger: 'schedule' | 'demand';
  readonly pack: { readonly id: string; readonly version: string };
  readonly fileName: string;
  readonly content: Buffer | null;
  readonly error?: string;
  readonly requestedBy: string;
  readonly createdAt: Date;
  /** Card and ID numbers whole: only a reveal role downloads the file. */
  readonly revealed?: boolean;
}

/** A run as lists show it: no bytes. */
export interface ReportRunView {
  readonly id: string;
  readonly reportId: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly asOf: string;
  readonly format: ReportFormat;
  readonly trigger: string;
  readonly state: 'done' | 'failed';
  readonly packVersion: string;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly sha256: string | null;
  readonly error: string | null;
  readonly requestedBy: string;
  readonly createdAt: string;
  /** Shows card numbers whole: only a role of the personal-data policy downloads it. */
  readonly revealed: boolean;
}

export const RUN_COLUMNS = `id, report_id, period, period_start::text, period_end::text, as_of::text,
  format, trigger, state, pack_version, file_name, size_bytes, sha256, error, requested_by, created_at,
  revealed`;

export function runView(r: Record<string, unknown>): ReportRunView {
  return {
    id: String(r.id),
    reportId: String(r.report_id),
    period: String(r.period),
    periodStart: String(r.period_start),
    periodEnd: String(r.period_end),
    asOf: String(r.as_of),
    format: r.format as ReportFormat,
    trigger: String(r.trigger),
    state: r.state as 'done' | 'failed',
    packVersion: String(r.pack_version),
    fileName: String(r.file_name),
    sizeBytes: Number(r.size_bytes),
    sha256: (r.sha256 as string | null) ?? null,
    error: (r.error as string | null) ?? null,
    requestedBy: String(r.requested_by),
    createdAt: new Date(r.created_at as string).toISOString(),
    revealed: r.revealed === true,
  };
}

/**
 * Stores a run. `replace`: an on-demand run of the same date overwrites the earlier file
 * (the figures may have moved since); otherwise only a failed run is replaced, so the
 * scheduled generation of a period happens once. Returns null when nothing was written.
 */
export async function saveRun(
  em: EntityManager,
  run: NewRun,
  replace: boolean,
): Promise<ReportRunView | null> {
  const sha256 = run.content ? createHash('sha256').update(run.content).digest('hex') : null;
  const rows = await em.execute<Record<string, unknown>[]>(
    `insert into report_runs (tenant_id, id, report_id, period, period_start, period_end, as_of,
       format, trigger, state, pack_id, pack_version, file_name, content_type, content, size_bytes,
       sha256, error, requested_by, created_at, revealed)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (tenant_id, report_id, period, format) do update set
       period_start = excluded.period_start, period_end = excluded.period_end,
       revealed = excluded.revealed,
       as_of = excluded.as_of, state = excluded.state, pack_id = excluded.pack_id,
       pack_version = excluded.pack_version, file_name = excluded.file_name,
       content = excluded.content, size_bytes = excluded.size_bytes, sha256 = excluded.sha256,
       error = excluded.error, requested_by = excluded.requested_by,
       created_at = excluded.created_at
     where ${replace ? 'true' : `report_runs.state = 'failed'`}
     returning ${RUN_COLUMNS}`,
    [
      run.tenantId,
      randomUUID(),
      run.reportId,
      run.period.key,
      run.period.start,
      run.period.end,
      run.asOf,
      run.format,
      run.trigger,
      run.content ? 'done' : 'failed',
      run.pack.id,
      run.pack.version,
      run.fileName,
      CONTENT_TYPES[run.format],
      run.content,
      run.content?.length ?? 0,
      sha256,
      run.error ?? null,
      run.requestedBy,
      run.createdAt,
      run.revealed ?? false,
    ],
  );
  return rows[0] ? runView(rows[0]) : null;
}

/** The periods already generated (state done) for a report, by format. */
export async function donePeriods(
  em: EntityManager,
  tenantId: string,
  reportId: string,
  period: string,
): Promise<Set<ReportFormat>> {
  const rows = await em.execute<{ format: ReportFormat }[]>(
    `select format from report_runs
     where tenant_id = ? and report_id = ? and period = ? and state = 'done'`,
    [tenantId, reportId, period],
  );
  return new Set(rows.map((r) => r.format));
}
