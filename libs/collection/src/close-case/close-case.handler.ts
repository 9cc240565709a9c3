import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, DomainError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { CLOSE_OUTCOMES, isClosedStatus } from '../domain/vocabulary';
import { oneOf, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { CaseClosing } from '../ports/case-closing';
import { CloseCase, CloseCaseResult } from './close-case.command';
import { cancelOpenTasks } from '../writers/task-writers';

/**
 * Closes the case with its outcome: open tasks are cancelled, an active pause and an open
 * legal matter end today, and what other libs end with it (CaseClosing: the debtor's links). Pending promises stay as they are: the evaluation skips closed
 * cases, and their history is kept.
 */
@CommandHandler(CloseCase)
export class CloseCaseHandler implements ICommandHandler<CloseCase, CloseCaseResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly closing: CaseClosing,
  ) {}

  execute(command: CloseCase): Promise<CloseCaseResult> {
    requirePermission(viewerOf(command), 'case.close');
    const outcome = oneOf(command.outcome, CLOSE_OUTCOMES, 'outcome');
    const reason = textArg(command.reason, 'reason', 1000);
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(command.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is already ${found.status}`);
      if (outcome === 'written-off') {
        const approved = await w.em.execute(
          `select 1 from approvals where tenant_id = ? and case_id = ? and kind = 'write-off'
             and status = 'approved' limit 1`,
          [w.tenantId, found.id],
        );
        if (approved.length === 0) {
          throw new DomainError(
            'write-off-approval-required',
            'Writing off needs an approved write-off for this case',
          );
        }
      }
      const cancelled = await cancelOpenTasks(
        w.em,
        w.tenantId,
        { caseIds: [found.id] },
        { note: 'case closed', completedAt: w.now },
      );
      await w.em.execute(
        `update pauses set ended_on = ? where tenant_id = ? and case_id = ? and ended_on is null`,
        [w.today, w.tenantId, found.id],
      );
      await w.em.execute(
        `update legal_matters set status = 'closed' where tenant_id = ? and case_id = ? and status = 'open'`,
        [w.tenantId, found.id],
      );
      const before = found.snapshot();
      found.status = outcome;
      found.closedOn = w.today;
      found.closeReason = reason;
      found.pausedUntil = null;
      const payload = { outcome, reason, tasksCancelled: cancelled.length };
      await w.append([w.caseEvent('CaseClosed', found.id, payload, before, found.snapshot())]);
      // The debtor's page links end with the case (issue 16 §3), in this transaction.
      await this.closing.closed(
        w.em,
        {
          tenantId: w.tenantId,
          actorId: command.actorId,
          correlationId: command.correlationId,
          occurredAt: w.now,
        },
        found.id,
      );
      return { status: outcome, closedOn: w.today, tasksCancelled: cancelled.length };
    });
  }
}
