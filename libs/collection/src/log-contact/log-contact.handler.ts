import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { instantOf, localDateOf } from '@qingshou/calendar';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { createHash, randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { CONTACT_CHANNELS, CONTACT_PARTIES, isClosedStatus } from '../domain/vocabulary';
import { Attachment, ContactAttempt } from '../entities/contact.entity';
import { ContactNotAllowedError, ContactPolicy } from '../ports/contact-policy';
import { OverdueReasonCatalog } from '../ports/overdue-reason-catalog';
import { addPromise } from '../record-promise/add-promise';
import { FileStorage } from '../storage/file-storage';
import { codeArg, instantArg, oneOf, textArg } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { scheduleFollowUp } from '../writers/follow-up-task';
import { checkAttemptedAt, checkContactFields, followUpDate } from './contact-fields';
import { LogContact, LogContactResult, UploadedFile } from './log-contact.command';

/** A follow-up call is due at the start of the office day. */
const FOLLOW_UP_TIME = '09:00';

@CommandHandler(LogContact)
export class LogContactHandler implements ICommandHandler<LogContact, LogContactResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly policy: ContactPolicy,
    private readonly reasons: OverdueReasonCatalog,
    private readonly storage: FileStorage,
  ) {}

  /**
   * One contact, its promise and its follow-up in one transaction and one flush: a refused
   * contact (a field the pack requires, or the time rules at the contact's own time) saves
   * nothing, not even the promise typed beside it.
   */
  async execute(command: LogContact): Promise<LogContactResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'case.work');
    const input = command.input;
    if (input.promise?.amount || input.promise?.dueOn) requirePermission(viewer, 'promise.record');
    const channel = oneOf(input.channel, CONTACT_CHANNELS, 'channel');
    const party = oneOf(input.party, CONTACT_PARTIES, 'party');
    const outcomeCode = codeArg(input.outcomeCode, 'outcomeCode');
    const notes = textArg(input.notes, 'notes', 4000);
    const terms = await this.policy.terms(command.tenantId);
    const reasonList = terms.reasons ?? (await this.reasons.reasons(command.tenantId));
    const fields = checkContactFields({ ...input, channel }, terms, reasonList);
    return this.tx.run(command, async (w) => {
      const attemptedAt = input.attemptedAt ? instantArg(input.attemptedAt, 'attemptedAt') : w.now;
      checkAttemptedAt(attemptedAt, w.now, terms);
      const followUpOn = followUpDate(
        fields.followUpOn,
        fields.result,
        attemptedAt,
        w.timeZone,
        w.today,
      );
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      if (input.relatedPartyId)
        await this.checkRelatedParty(w, found.debtorId, input.relatedPartyId);
      // Asked on this transaction's connection: a second pooled one, taken while this one
      // holds the case's row lock, starves the pool under load (and deadlocks a pool of 1).
      const decision = await this.policy.check(
        {
          tenantId: w.tenantId,
          caseId: found.id,
          debtorId: found.debtorId,
          actorId: command.actorId,
          channel,
          party,
          at: attemptedAt,
        },
        w.em,
      );
      if (!decision.allowed) throw new ContactNotAllowedError(decision);
      const attachment = input.file ? await this.store(w, found.id, input.file) : null;
      const id = randomUUID();
      const before = found.snapshot();
      const promise = fields.promise
        ? await addPromise(
            w,
            found,
            {
              ...fields.promise,
              promisedOn: localDateOf(attemptedAt, w.timeZone),
              notes,
            },
            { dueOn: 'promiseDueOn', promisedOn: 'attemptedAt' },
          )
        : null;
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
        overdueReasonCode: fields.reason,
        followUpOn,
        promiseId: promise?.id ?? null,
      });
      if (fields.reason) found.overdueReasonCode = fields.reason;
      const followUp = followUpOn
        ? {
            on: followUpOn,
            ...(await scheduleFollowUp(w.em, w.tenantId, {
              caseId: found.id,
              contactId: id,
              dueAt: instantOf(followUpOn, FOLLOW_UP_TIME, w.timeZone),
              ...(await this.caller(w, found.assigneeId, terms.callRoles)),
              title: fields.result ? `跟进：${fields.result.zh}` : '跟进',
              createdBy: command.actorId,
              createdAt: w.now,
            })),
          }
        : null;
      const contact = {
        contactId: id,
        channel,
        party,
        outcomeCode,
        attemptedAt: attemptedAt.toISOString(),
        attachment,
        overdueReasonCode: fields.reason,
        promiseId: promise?.id ?? null,
        followUp,
      };
      const changed = fields.reason !== null && fields.reason !== before.overdueReasonCode;
      await w.append([
        w.caseEvent('ContactLogged', found.id, contact, changed ? before : null, {
          ...contact,
          ...(changed ? found.snapshot() : {}),
        }),
        ...(promise ? [promise.event] : []),
      ]);
      return { id, attachment, promiseId: promise?.id ?? null, followUp };
    });
  }

  /**
   * Who takes the follow-up call: the case's assignee if they hold a role the pack gives
   * its calls (after a hand-off to a field collector they do not), else nobody, waiting on
   * the pack's call role's worklist.
   */
  private async caller(
    w: CaseWork,
    assigneeId: string | null,
    callRoles: readonly string[],
  ): Promise<{ assigneeId: string | null; role: string | null }> {
    if (callRoles.length === 0) return { assigneeId, role: null };
    if (assigneeId) {
      const [user] = await w.em.execute<{ roles: string[] }[]>(
        `select roles from users where tenant_id = ? and id = ?`,
        [w.tenantId, assigneeId],
      );
      const held = callRoles.find((r) => user?.roles.includes(r));
      if (held) return { assigneeId, role: held };
    }
    return { assigneeId: null, role: callRoles[0] };
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
