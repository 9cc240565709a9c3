import { EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { requirePermission, viewerOf } from '@qingshou/core';
import { CalendarService } from '@qingshou/calendar';
import { TabularError } from '../support/tabular';
import { EventContext, EventLog, TenantTx } from '@qingshou/db';
import { QUEUES } from '@qingshou/jobs';
import { activeTerms, LedgerTerms, type PackTerms } from '@qingshou/ledger';
import { IMPORT_EVENTS, ImportStatus } from '../domain/import-vocabulary';
import { ImportPipeline } from '../pipeline/import-pipeline';
import { ImportFiles } from '../storage/import-files';
import { ImportJob, ImportView, loadImport, viewOf } from '../support/import-rows';
import { writeImportErrorsCsv } from '../get-import-errors/import-errors-csv';
import { RunImport } from './run-import.command';

const FINISHED: readonly ImportStatus[] = ['succeeded', 'partially-succeeded', 'failed'];

@CommandHandler(RunImport)
export class RunImportHandler implements ICommandHandler<RunImport, ImportView> {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly calendar: CalendarService,
    private readonly pipeline: ImportPipeline,
    private readonly files: ImportFiles,
    private readonly terms: LedgerTerms,
  ) {}

  async execute(command: RunImport): Promise<ImportView> {
    requirePermission(viewerOf(command), 'import.start');
    const start = await this.tx.run(command.tenantId, (em) => this.start(em, command));
    if (!start.job) return start.view;
    const job = start.job;
    try {
      await this.pipeline.run(
        job,
        {
          tenantId: command.tenantId,
          actorId: command.actorId,
          correlationId: command.correlationId,
          today: start.today,
          filePath: this.files.pathOf(job.storageKey),
          terms: start.terms,
        },
        command.options,
      );
    } catch (error) {
      // A file that cannot be read as promised (headers, broken CSV/XLSX, encoding) will not
      // get better on retry: the import fails, the chunks before the fault stay committed.
      if (error instanceof TabularError) {
        return this.finish(command, job.id, { message: error.message, messageZh: error.messageZh });
      }
      await this.recordError(command, job.id, error as Error, command.options.finalAttempt);
      throw error;
    }
    return this.finish(command, job.id);
  }

  private async start(
    em: EntityManager,
    command: RunImport,
  ): Promise<{ view: ImportView; job?: ImportJob; today: string; terms?: PackTerms }> {
    const job = await loadImport(em, command.tenantId, command.importId, true);
    const [tenant] = await em.execute<{ time_zone: string }[]>(
      `select time_zone from tenants where id = ?`,
      [command.tenantId],
    );
    const today = this.calendar.today(tenant?.time_zone);
    if (FINISHED.includes(job.status)) return { view: viewOf(job), today };
    const now = this.calendar.now();
    await em.execute(
      `update imports set status = 'running', attempts = attempts + 1, error = null,
         error_zh = null, started_at = coalesce(started_at, ?), updated_at = ?
       where tenant_id = ? and id = ?`,
      [now, now, command.tenantId, job.id],
    );
    await this.events.append(em, eventContext(command, now), [
      {
        type: IMPORT_EVENTS.started,
        aggregateType: 'import',
        aggregateId: job.id,
        payload: { importId: job.id, attempt: job.attempts + 1, resumeAfterRow: job.lastRow },
      },
    ]);
    // The pack's terms as of the start bind every new account of the file (one read).
    const terms = activeTerms(await this.terms.of(em, command.tenantId));
    return { view: viewOf(job), job: { ...job, attempts: job.attempts + 1 }, today, terms };
  }

  /** Final status from the counts; the per-row report is also written to storage. */
  private async finish(
    command: RunImport,
    id: string,
    fault?: { message: string; messageZh: string },
  ): Promise<ImportView> {
    const reportKey = `imports/${command.tenantId}/${id}.errors.csv`;
    const failedRows = await this.tx.run(
      command.tenantId,
      async (em) => (await loadImport(em, command.tenantId, id)).rowsFailed,
    );
    if (failedRows > 0) {
      await this.files.write(reportKey, (out) =>
        writeImportErrorsCsv(this.tx, command.tenantId, id, out),
      );
    }
    return this.tx.run(command.tenantId, async (em) => {
      const job = await loadImport(em, command.tenantId, id, true);
      const status: ImportStatus =
        fault || (job.rowsFailed > 0 && job.rowsOk === 0)
          ? 'failed'
          : job.rowsFailed > 0
            ? 'partially-succeeded'
            : 'succeeded';
      const now = this.calendar.now();
      await em.execute(
        `update imports set status = ?, finished_at = ?, updated_at = ?, error = ?, error_zh = ?,
           error_report_key = ?
         where tenant_id = ? and id = ?`,
        [
          status,
          now,
          now,
          fault?.message ?? null,
          fault?.messageZh ?? null,
          failedRows > 0 ? reportKey : null,
          command.tenantId,
          id,
        ],
      );
      const summary = {
        importId: id,
        kind: job.kind,
        status,
        rowsTotal: job.rowsTotal,
        rowsOk: job.rowsOk,
        rowsFailed: job.rowsFailed,
        counts: job.counts,
        ...(fault ? { error: fault.message } : {}),
      };
      await this.events.append(em, eventContext(command, now), [
        {
          type: IMPORT_EVENTS.finished,
          aggregateType: 'import',
          aggregateId: id,
          payload: summary,
          after: summary,
          publish: [QUEUES.domainEvents],
        },
      ]);
      return viewOf(await loadImport(em, command.tenantId, id));
    });
  }

  /** Kept on the row for GET /imports/{id}; the job's retry clears it when it starts. */
  private async recordError(
    command: RunImport,
    id: string,
    error: Error,
    final = false,
  ): Promise<void> {
    await this.tx
      .run(command.tenantId, (em) =>
        em.execute(
          `update imports set error = ?, updated_at = ?${final ? `, status = 'failed', finished_at = ?` : ''}
           where tenant_id = ? and id = ?`,
          final
            ? [
                error.message.slice(0, 1000),
                this.calendar.now(),
                this.calendar.now(),
                command.tenantId,
                id,
              ]
            : [error.message.slice(0, 1000), this.calendar.now(), command.tenantId, id],
        ),
      )
      .catch(() => undefined);
  }
}

function eventContext(command: RunImport, occurredAt: Date): EventContext {
  const { tenantId, actorId, correlationId } = command;
  return { tenantId, actorId, correlationId, occurredAt };
}
