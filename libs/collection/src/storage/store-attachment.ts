import { createHash, randomUUID } from 'node:crypto';
import type { UploadedFile } from '../log-contact/log-contact.command';
import { Attachment } from '../entities/contact.entity';
import { textArg } from '../support/args';
import type { CaseWork } from '../support/collection-tx';
import type { FileStorage } from './file-storage';

export interface StoredAttachment {
  readonly id: string;
  readonly sha256: string;
  readonly sizeBytes: number;
}

/**
 * A case's file under <tenant>/cases/<case>/<id>, as LogContact stores a recording. Bytes
 * first, row second: if the transaction then fails, an unreferenced file remains (harmless,
 * sweepable); the reverse order could leave a row pointing at nothing.
 */
export async function storeCaseAttachment(
  w: CaseWork,
  storage: FileStorage,
  caseId: string,
  file: UploadedFile,
): Promise<StoredAttachment> {
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.data).digest('hex');
  const storageKey = `${w.tenantId}/cases/${caseId}/${id}`;
  await storage.put(storageKey, file.data);
  w.em.create(Attachment, {
    tenantId: w.tenantId,
    id,
    storageKey,
    sha256,
    sizeBytes: file.data.length,
    contentType: textArg(file.contentType, 'file.contentType', 200) ?? 'application/octet-stream',
    originalName: textArg(file.originalName, 'file.originalName', 255) ?? 'unnamed',
    uploadedBy: w.command.actorId,
    uploadedAt: w.now,
  });
  return { id, sha256, sizeBytes: file.data.length };
}
