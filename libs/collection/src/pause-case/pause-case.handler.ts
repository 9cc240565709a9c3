import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates } from '@qingshou/calendar';
import { ConflictError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus, PAUSE_REASONS } from '../domain/vocabulary';
import { CasePause } from '../entities/pause.entity';
import { dateArg, invalidArgument, oneOf, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { PauseCase } from './pause-case.command';

@CommandHandler(PauseCase)
export class PauseCaseHandler implements ICommandHandler<PauseCase, { id: string }> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: PauseCase): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'case.pause');
    const input = command.input;
    const reason = oneOf(input.reason, PAUSE_REASONS, 'reason');
    const untilOn = dateArg(input.untilOn, 'untilOn');
    const notes = textArg(input.notes, 'notes');
    return this.tx.run(command, async (w) => {
      const fromOn = input.fromOn ? dateArg(input.fromOn, 'fromOn') : w.today;
      // A pause starting later would leave the case 'paused' before it is; schedule it then.
      if (compareLocalDates(fromOn, w.today) > 0)
        invalidArgument('fromOn', 'must not be after today');
      if (compareLocalDates(untilOn, fromOn) < 0)
        invalidArgument('untilOn', 'must not be before fromOn');
      if (compareLocalDates(untilOn, w.today) < 0)
        invalidArgument('untilOn', 'must not be before today');
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      if (found.status === 'paused') throw new ConflictError(`Case ${found.id} is already paused`);
      if (compareLocalDates(fromOn, found.openedOn) < 0) {
        invalidArgument('fromOn', `must not be before the case was opened (${found.openedOn})`);
      }
      const id = randomUUID();
      w.em.create(CasePause, {
        tenantId: w.tenantId,
        id,
        caseId: found.id,
        reason,
        fromOn,
        untilOn,
        statusBefore: found.status,
        notes,
        createdBy: command.actorId,
        createdAt: w.now,
      });
      const before = found.snapshot();
      found.status = 'paused';
      found.pausedUntil = untilOn;
      await w.append([
        w.caseEvent(
          'CasePaused',
          found.id,
          { pauseId: id, reason, fromOn, untilOn },
          before,
          found.snapshot(),
        ),
      ]);
      return { id };
    });
  }
}
