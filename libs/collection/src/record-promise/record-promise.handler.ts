import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates } from '@qingshou/calendar';
import { ConflictError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus } from '../domain/vocabulary';
import { PromiseToPay } from '../entities/promise.entity';
import { dateArg, invalidArgument, moneyArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { RecordPromise } from './record-promise.command';

@CommandHandler(RecordPromise)
export class RecordPromiseHandler implements ICommandHandler<RecordPromise, { id: string }> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: RecordPromise): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'promise.record');
    const input = command.input;
    const amount = moneyArg(input.amount, 'amount');
    const dueOn = dateArg(input.dueOn, 'dueOn');
    const notes = textArg(input.notes, 'notes', 2000);
    return this.tx.run(command, async (w) => {
      const promisedOn = input.promisedOn ? dateArg(input.promisedOn, 'promisedOn') : w.today;
      if (compareLocalDates(promisedOn, w.today) > 0)
        invalidArgument('promisedOn', 'must not be after today');
      if (compareLocalDates(dueOn, promisedOn) < 0)
        invalidArgument('dueOn', 'must not be before promisedOn');
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      if (input.accountId) {
        const rows = await w.em.execute(
          `select 1 from case_accounts where tenant_id = ? and case_id = ? and account_id = ?`,
          [w.tenantId, found.id, input.accountId],
        );
        if (rows.length === 0) invalidArgument('accountId', 'is not an account of this case');
      }
      const id = randomUUID();
      w.em.create(PromiseToPay, {
        tenantId: w.tenantId,
        id,
        caseId: found.id,
        accountId: input.accountId ?? null,
        promisedOn,
        dueOn,
        amount,
        status: 'pending',
        notes,
        recordedBy: command.actorId,
        recordedAt: w.now,
      });
      const before = found.snapshot();
      // A paused or legal case keeps its status; the promise is tracked either way.
      if (found.status === 'open') found.status = 'promised';
      const promise = {
        promiseId: id,
        amount,
        promisedOn,
        dueOn,
        accountId: input.accountId ?? null,
      };
      await w.append([
        w.caseEvent('PromiseRecorded', found.id, promise, before, { ...found.snapshot(), promise }),
      ]);
      return { id };
    });
  }
}
