import { Injectable } from '@nestjs/common';
import { CalendarService } from '@qingshou/calendar';
import { CommandMeta, ValidationFailedError } from '@qingshou/core';
import { detectEncoding } from '../support/tabular';
import { EventLog, TenantTx } from '@qingshou/db';
import { createHash, randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
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
    // Refused before storing: every empty file hashes alike, so a stored one would be
    // "the same file" as any earlier empty upload.
    if ((await stat(input.filePath)).size === 0) {
      throw new ValidationFailedError('Empty import file', [
        { path: 'file', reason: `"${input.fileName}" is an empty file (0 bytes)` },
      ]);
    }
    const stored = await this.files.store(
      meta.tenantId,
      input.filePath,
      input.fileName,
      input.moveFile ?? false,
    );
    // The decoder that reads the file (null for XLSX): a requested one by its canonical
    // name, else what the bytes look like. Part of the duplicate key, so the same bytes
    // sent again with the right encoding are a new import, not the earlier failed one.
    const detected =
      stored.format === 'xlsx'
        ? null
        : encoding
          ? canonicalEncoding(encoding)
          : await describeEncoding(this.files.pathOf(stored.key));
    const mappingJson = JSON.stringify(mapping);
    const settings = JSON.stringify([mappingJson, stored.format, detected]);
    const digest = createHash('sha256').update(settings).digest('hex').slice(0, 12);
    const jobId = `import_${meta.tenantId}_${input.kind}_${stored.sha256}_${digest}`;
    return this.tx.run(meta.tenantId, async (em) => {
      const now = this.calendar.now();
      if (options.dedupe) {
        // Serialises two simultaneous submits of the same file; released at commit.
        await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [jobId]);
        const [found] = await em.execute<{ id: string }[]>(
          `select id from imports
           where tenant_id = ? and file_sha256 = ? and kind = ? and mapping = ?::jsonb
             and file_format = ? and encoding is not distinct from ?
           order by requested_at desc limit 1`,
          [meta.tenantId, stored.sha256, input.kind, mappingJson, stored.format, detected],
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

/** A forced encoding by the decoder it selects: GBK and GB2312 decode as GB18030. */
function canonicalEncoding(encoding: string): string {
  if (encoding === 'utf-8') return 'utf8';
  return encoding === 'gbk' || encoding === 'gb2312' ? 'gb18030' : encoding;
}

/** 'utf8', 'utf8-bom' or 'gb18030' (GBK and GB2312 files decode as their superset). */
async function describeEncoding(path: string): Promise<string> {
  const found = await detectEncoding(path);
  return found.bom ? 'utf8-bom' : found.encoding;
}
