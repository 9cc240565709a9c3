import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus } from '../domain/vocabulary';
import { SettlementInKind } from '../entities/cost.entity';
import { dateArg, invalidArgument, moneyArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { RecordSettlementInKind } from './record-settlement-in-kind.command';

/**
 * Records the asset and its appraisal. Crediting the appraisal value to the accounts is a
 * ledger payment (source 'settlement-in-kind'), posted by finance through the ledger.
 */
@CommandHandler(RecordSettlementInKind)
export class RecordSettlementInKindHandler implements ICommandHandler<
  RecordSettlementInKind,
  { id: string }
> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: RecordSettlementInKind): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'settlement-in-kind.record');
    const input = command.input;
    const asset = textArg(input.asset, 'asset', 500);
    if (!asset) invalidArgument('asset', 'must describe the asset');
    const appraisalValue = moneyArg(input.appraisalValue, 'appraisalValue');
    const appraisedOn = input.appraisedOn ? dateArg(input.appraisedOn, 'appraisedOn') : null;
    const titleTransferOn = input.titleTransferOn
      ? dateArg(input.titleTransferOn, 'titleTransferOn')
      : null;
    const notes = textArg(input.notes, 'notes');
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const id = randomUUID();
      w.em.create(SettlementInKind, {
        tenantId: w.tenantId,
        id,
        caseId: found.id,
        asset,
        appraisalValue,
        appraisedOn,
        titleTransferOn,
        notes,
        recordedBy: command.actorId,
        recordedAt: w.now,
      });
      const after = { settlementId: id, asset, appraisalValue, appraisedOn, titleTransferOn };
      await w.append([w.caseEvent('SettlementInKindRecorded', found.id, after, null, after)]);
      return { id };
    });
  }
}
