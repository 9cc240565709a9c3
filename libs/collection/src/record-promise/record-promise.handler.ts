import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus } from '../domain/vocabulary';
import { textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { addPromise, checkedPromise } from './add-promise';
import { RecordPromise } from './record-promise.command';

@CommandHandler(RecordPromise)
export class RecordPromiseHandler implements ICommandHandler<RecordPromise, { id: string }> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: RecordPromise): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'promise.record');
    const input = command.input;
    const { amount, dueOn } = checkedPromise(input, { amount: 'amount', dueOn: 'dueOn' });
    const notes = textArg(input.notes, 'notes', 2000);
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const { id, event } = await addPromise(w, found, {
        amount,
        dueOn,
        promisedOn: input.promisedOn,
        accountId: input.accountId,
        notes,
      });
      await w.append([event]);
      return { id };
    });
  }
}
