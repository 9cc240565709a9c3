import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import type { CaseStatus } from '../domain/vocabulary';
import { CasePause } from '../entities/pause.entity';
import { textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { ResumeCase } from './resume-case.command';

@CommandHandler(ResumeCase)
export class ResumeCaseHandler implements ICommandHandler<ResumeCase, { status: CaseStatus }> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: ResumeCase): Promise<{ status: CaseStatus }> {
    requirePermission(viewerOf(command), 'case.pause');
    const notes = textArg(command.notes, 'notes');
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(command.caseId);
      if (found.status !== 'paused') throw new ConflictError(`Case ${found.id} is not paused`);
      const pause = await w.em.findOne(
        CasePause,
        { tenantId: w.tenantId, caseId: found.id, endedOn: null },
        { orderBy: { createdAt: 'desc' } },
      );
      if (pause) pause.endedOn = w.today;
      let status = pause?.statusBefore ?? 'open';
      // Promises may have been settled while paused: 'promised' only if one is still pending.
      if (status === 'promised') {
        const pending = await w.em.execute(
          `select 1 from promises where tenant_id = ? and case_id = ? and status = 'pending' limit 1`,
          [w.tenantId, found.id],
        );
        if (pending.length === 0) status = 'open';
      }
      const before = found.snapshot();
      found.status = status;
      found.pausedUntil = null;
      const payload = { pauseId: pause?.id ?? null, endedOn: w.today, notes };
      await w.append([w.caseEvent('CaseResumed', found.id, payload, before, found.snapshot())]);
      return { status };
    });
  }
}
