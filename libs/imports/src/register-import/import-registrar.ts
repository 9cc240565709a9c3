import { Injectable } from '@nestjs/common';
import { CalendarService } from '@qingshou/calendar';
import { CommandMeta, ValidationFailedError } from '@qingshou/core';
import { detectEncoding } from '../support/tabular';
import { EventLog, TenantTx } from '@qingshou/db';
import { createHash, randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { IMPORT_ENCODINGS, IMPORT_EVENTS, IMPORT_KINDS } from '../domain/import-vocabulary';
import type { ImportKind } from '../domain/import-vocabulary';
import { resolveMapping } from '../mappings/mapping-registry';
import { ImportFiles } from '../storage/import-files';
import { loadImport, viewOf } from '../support/import-rows';
import type { ImportFileInput, RegisteredImport } from './register-import.command';

/** Shared by RegisterImport (CLI) and SubmitImport (API): validate, store, record. */
@Injectable()
export class ImportRegistrar {
  constructor(
    private readonly tx: TenantTx,
    private readonly events: EventLog,
    private readonly files: ImportFiles,
    private readonly calendar: CalendarService,
  ) {}

  async register(
    meta: CommandMeta,
    input: ImportFileInput,
    options: { dedupe: boolean },
  ): Promise<RegisteredImport> {
    try {
      return await this.registerFile(meta, input, options);
    } catch (error) {
      // A refused upload must not linger in the incoming directory.
      if (input.moveFile) await rm(input.filePath, { force: true });
      throw error;
    }
  }

  private async registerFile(
    meta: CommandMeta,
    input: ImportFileInput,
    options: { dedupe: boolean },
  ): Promise<RegisteredImport> {
    if (!(IMPORT_KINDS as readonly string[]).includes(input.kind)) {
      throw new ValidationFailedError('Unknown import kind', [
        { path: 'kind', reason: `must be one of ${IMPORT_KINDS.join(', ')}` },
      ]);
    }
    const mapping = resolveMapping(input.kind, input.mapping);
    const encoding = input.encoding?.trim().toLowerCase() || undefined;
    if (encoding && !(IMPORT_ENCODINGS as readonly string[]).includes(encoding)) {
      throw new ValidationFailedError('Unknown encoding', [
        { path: 'encoding', reason: `must be one of ${IMPORT_ENCODINGS.join(', ')}` },
      ]);
    }
    const stored = await this.files.store(
      meta.tenantId,
      input.filePath,
      input.fileName,
      input.moveFile ?? false,
    );
    const detected =
      stored.format === 'xlsx'
        ? null
        : (encoding ?? (await describeEncoding(this.files.pathOf(stored.key))));
    const mappingJson = JSON.stringify(mapping);
    const digest = createHash('sha256').update(mappingJson).digest('hex').slice(0, 12);
    const jobId = `import_${meta.tenantId}_${input.kind}_${stored.sha256}_${digest}`;
    return this.tx.run(meta.tenantId, async (em) => {
      const now = this.calendar.now();
      if (options.dedupe) {
        // Serialises two simultaneous submits of the same file; released at commit.
        await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [jobId]);
        const [found] = await em.execute<{ id: string }[]>(
          `select id from imports
           where tenant_id = ? and file_sha256 = ? and kind = ? and mapping = ?::jsonb
           order by requested_at desc limit 1`,
          [meta.tenantId, stored.sha256, input.kind, mappingJson],
        );
        if (found) {
          // A failed import is queued again and resumes after its last committed chunk.
          await em.execute(
            `update imports set status = 'queued', error = null, error_zh = null, updated_at = ?
             where tenant_id = ? and id = ? and status = 'failed'`,
            [now, meta.tenantId, found.id],
          );
          const existing = await loadImport(em, meta.tenantId, found.id);
          return { import: viewOf(existing), created: false, jobId };
        }
      }
      const id = randomUUID();
      await em.execute(
        `insert into imports (tenant_id, id, kind, mapping_name, mapping, source, file_name,
           file_sha256, file_size, file_format, storage_key, encoding, encoding_requested, status,
           requested_by, requested_at, updated_at)
         values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`,
        [
          meta.tenantId,
          id,
          input.kind,
          mapping.name,
          mappingJson,
          mapping.source,
          input.fileName.slice(0, 255),
          stored.sha256,
          stored.size,
          stored.format,
          stored.key,
          detected,
          encoding ?? null,
          meta.actorId,
          now,
          now,
        ],
      );
      await this.events.append(em, { ...meta, occurredAt: now }, [
        {
          type: IMPORT_EVENTS.requested,
          aggregateType: 'import',
          aggregateId: id,
          payload: {
            importId: id,
            kind: input.kind as ImportKind,
            mapping: mapping.name,
            fileName: input.fileName,
            sha256: stored.sha256,
            size: stored.size,
          },
        },
      ]);
      const created = await loadImport(em, meta.tenantId, id);
      return { import: viewOf(created), created: true, jobId };
    });
  }
}

/** 'utf8', 'utf8-bom' or 'gb18030' (GBK and GB2312 files decode as their superset). */
async function describeEncoding(path: string): Promise<string> {
  const found = await detectEncoding(path);
  return found.bom ? 'utf8-bom' : found.encoding;
}
