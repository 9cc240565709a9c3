import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { addDays } from '@qingshou/calendar';
import { ConflictError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { DISPUTE_PARTIES } from '../domain/disputes';
import { isClosedStatus } from '../domain/vocabulary';
import { Dispute } from '../entities/dispute.entity';
import { DisputePolicy } from '../ports/dispute-policy';
import { FileStorage } from '../storage/file-storage';
import { storeCaseAttachment } from '../storage/store-attachment';
import { invalidArgument, oneOf, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { RaiseDispute, RaiseDisputeResult } from './raise-dispute.command';

/** At most this many documents per dispute (a receipt, an ID copy, a bank slip …). */
const MAX_FILES = 10;

/**
 * Anyone who works the case may record a dispute (篇八: the collector hears it first); the
 * collector sees only their own cases (loadCase). The pack's rules are copied onto the row,
 * so the account stays paused as raised even if the pack changes before the decision.
 */
@CommandHandler(RaiseDispute)
export class RaiseDisputeHandler implements ICommandHandler<RaiseDispute, RaiseDisputeResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly storage: FileStorage,
    private readonly policy: DisputePolicy,
  ) {}

  async execute(command: RaiseDispute): Promise<RaiseDisputeResult> {
    requirePermission(viewerOf(command), 'dispute.raise');
    const input = command.input;
    const rules = await this.policy.rules(command.tenantId);
    const kind = oneOf(input.kind, rules.kinds, 'kind');
    const raisedByParty = oneOf(input.raisedBy ?? 'debtor', DISPUTE_PARTIES, 'raisedBy');
    const note = textArg(input.note, 'note', 4000);
    const files = input.files ?? [];
    if (files.length > MAX_FILES) invalidArgument('files', `at most ${MAX_FILES} documents`);
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const onCase = await w.em.execute(
        `select 1 from case_accounts where tenant_id = ? and case_id = ? and account_id = ?`,
        [w.tenantId, found.id, input.accountId],
      );
      if (onCase.length === 0) invalidArgument('accountId', 'is not an account of this case');
      const open = await w.em.findOne(Dispute, {
        tenantId: w.tenantId,
        accountId: input.accountId,
        status: 'open',
      });
      if (open) throw new ConflictError('此账户已有未决异议 (this account has an open dispute)');
      const attachmentIds: string[] = [];
      for (const file of files) {
        attachmentIds.push((await storeCaseAttachment(w, this.storage, found.id, file)).id);
      }
      const id = randomUUID();
      const dueOn = rules.maxDays === null ? null : addDays(w.today, rules.maxDays);
      w.em.create(Dispute, {
        tenantId: w.tenantId,
        id,
        caseId: found.id,
        accountId: input.accountId,
        kind,
        raisedByParty,
        pause: rules.pause,
        decidedByRole: rules.decidedBy,
        note,
        attachmentIds,
        raisedOn: w.today,
        dueOn,
        status: 'open',
        raisedBy: command.actorId,
        createdAt: w.now,
      });
      const before = found.snapshot();
      const payload = {
        disputeId: id,
        accountId: input.accountId,
        kind,
        raisedBy: raisedByParty,
        pause: rules.pause,
        decidedByRole: rules.decidedBy,
        raisedOn: w.today,
        dueOn,
        note,
        attachmentIds,
      };
      await w.append([w.caseEvent('DisputeRaised', found.id, payload, before, found.snapshot())]);
      return { id, decidedByRole: rules.decidedBy, dueOn, attachmentIds };
    });
  }
}
