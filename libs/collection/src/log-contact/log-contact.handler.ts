import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { createHash, randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { CONTACT_CHANNELS, CONTACT_PARTIES, isClosedStatus } from '../domain/vocabulary';
import { Attachment, ContactAttempt } from '../entities/contact.entity';
import { ContactNotAllowedError, ContactPolicy } from '../ports/contact-policy';
import { knownReason, OverdueReasonCatalog } from '../ports/overdue-reason-catalog';
import { FileStorage } from '../storage/file-storage';
import { codeArg, instantArg, invalidArgument, oneOf, textArg } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { LogContact, LogContactResult, UploadedFile } from './log-contact.command';

/** Clocks on phones drift; a contact "in the future" by more than this is a typo. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

@CommandHandler(LogContact)
export class LogContactHandler implements ICommandHandler<LogContact, LogContactResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly policy: ContactPolicy,
    private readonly reasons: OverdueReasonCatalog,
    private readonly storage: FileStorage,
  ) {}

  async execute(command: LogContact): Promise<LogContactResult> {
    requirePermission(viewerOf(command), 'case.work');
    const input = command.input;
    const channel = oneOf(input.channel, CONTACT_CHANNELS, 'channel');
    const party = oneOf(input.party, CONTACT_PARTIES, 'party');
    const outcomeCode = codeArg(input.outcomeCode, 'outcomeCode');
    const notes = textArg(input.notes, 'notes', 4000);
    const reason = input.overdueReasonCode
      ? await knownReason(this.reasons, command.tenantId, input.overdueReasonCode)
      : null;
    return this.tx.run(command, async (w) => {
      const attemptedAt = input.attemptedAt ? instantArg(input.attemptedAt, 'attemptedAt') : w.now;
      if (attemptedAt.getTime() > w.now.getTime() + FUTURE_TOLERANCE_MS) {
        invalidArgument('attemptedAt', 'must not be in the future');
      }
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      if (input.relatedPartyId)
        await this.checkRelatedParty(w, found.debtorId, input.relatedPartyId);
      const decision = await this.policy.check({
        tenantId: w.tenantId,
        caseId: found.id,
        debtorId: found.debtorId,
        actorId: command.actorId,
        channel,
        party,
        at: attemptedAt,
      });
      if (!decision.allowed) throw new ContactNotAllowedError(decision);
      const attachment = input.file ? await this.store(w, found.id, input.file) : null;
      const id = randomUUID();
      w.em.create(ContactAttempt, {
        tenantId: w.tenantId,
        id,
        caseId: found.id,
        channel,
        party,
        relatedPartyId: input.relatedPartyId ?? null,
        outcomeCode,
        notes,
        attemptedAt,
        recordedBy: command.actorId,
        recordedAt: w.now,
        attachmentId: attachment?.id ?? null,
      });
      const before = found.snapshot();
      if (reason) found.overdueReasonCode = reason;
      const contact = {
        contactId: id,
        channel,
        party,
        outcomeCode,
        attemptedAt: attemptedAt.toISOString(),
        attachment,
      };
      await w.append([
        w.caseEvent('ContactLogged', found.id, contact, reason ? before : null, {
          ...contact,
          ...(reason ? found.snapshot() : {}),
        }),
      ]);
      return { id, attachment };
    });
  }

  private async checkRelatedParty(w: CaseWork, debtorId: string, partyId: string): Promise<void> {
    const rows = await w.em.execute<{ id: string }[]>(
      `select id from related_parties where tenant_id = ? and id = ? and debtor_id = ?`,
      [w.tenantId, partyId, debtorId],
    );
    if (!rows[0]) throw new NotFoundError("related party of this case's debtor", partyId);
  }

  /**
   * Bytes first, row second: if the transaction then fails, an unreferenced file remains
   * (harmless, sweepable); the reverse order could leave a row pointing at nothing.
   */
  private async store(w: CaseWork, caseId: string, file: UploadedFile) {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const storageKey = `${w.tenantId}/cases/${caseId}/${id}`;
    await this.storage.put(storageKey, file.data);
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
}
