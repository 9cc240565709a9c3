import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, NotFoundError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { DISPUTE_OUTCOMES, type DisputeOutcome } from '../domain/disputes';
import { Dispute } from '../entities/dispute.entity';
import { oneOf, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { DecideDispute } from './decide-dispute.command';

/**
 * Only the role the dispute names (copied from the pack when raised) decides, or a manager
 * (组长/经理 over everyone); whoever raised it may not decide it. From today the account's
 * days count again: `decidedOn` ends the paused span (effectiveDpd's `endedOn`).
 */
@CommandHandler(DecideDispute)
export class DecideDisputeHandler implements ICommandHandler<
  DecideDispute,
  { outcome: DisputeOutcome; decidedOn: string }
> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: DecideDispute): Promise<{ outcome: DisputeOutcome; decidedOn: string }> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'dispute.decide');
    const input = command.input;
    const outcome = oneOf(input.outcome, DISPUTE_OUTCOMES, 'outcome');
    const decisionNote = textArg(input.note, 'note', 4000);
    const adjustmentHint = textArg(input.adjustmentHint, 'adjustmentHint', 1000);
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(input.caseId);
      const dispute = await w.em.findOne(Dispute, {
        tenantId: w.tenantId,
        id: input.disputeId,
        caseId: found.id,
      });
      if (!dispute) throw new NotFoundError('dispute', input.disputeId);
      if (dispute.status !== 'open') throw new ConflictError(`异议已决定 (${dispute.status})`);
      if (!viewer.system) {
        const mayDecide = viewer.roles.some((r) => r === dispute.decidedByRole || r === 'manager');
        if (!mayDecide) throw new ForbiddenError(`此异议由 ${dispute.decidedByRole} 决定`);
        if (dispute.raisedBy === command.actorId)
          throw new ForbiddenError('The person who raised a dispute cannot decide it');
      }
      dispute.status = outcome;
      dispute.decidedOn = w.today;
      dispute.decidedBy = command.actorId;
      dispute.decisionNote = decisionNote;
      dispute.adjustmentHint = adjustmentHint;
      const before = found.snapshot();
      const payload = {
        disputeId: dispute.id,
        accountId: dispute.accountId,
        kind: dispute.kind,
        outcome,
        raisedOn: dispute.raisedOn,
        decidedOn: w.today,
        note: decisionNote,
        adjustmentHint,
      };
      await w.append([w.caseEvent('DisputeDecided', found.id, payload, before, found.snapshot())]);
      return { outcome, decidedOn: w.today };
    });
  }
}
