import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { BlacklistEntry } from '../entities/cost.entity';
import { invalidArgument, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { BlacklistDebtor } from './blacklist-debtor.command';

@CommandHandler(BlacklistDebtor)
export class BlacklistDebtorHandler implements ICommandHandler<
  BlacklistDebtor,
  { debtorId: string; since: string }
> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: BlacklistDebtor): Promise<{ debtorId: string; since: string }> {
    requirePermission(viewerOf(command), 'debtor.blacklist');
    const reason = textArg(command.reason, 'reason', 500);
    if (!reason) invalidArgument('reason', 'must say why');
    return this.tx.run(command, async (w) => {
      const found = await w.loadCase(command.caseId);
      const existing = await w.em.findOne(BlacklistEntry, {
        tenantId: w.tenantId,
        debtorId: found.debtorId,
      });
      if (existing)
        throw new ConflictError(`The debtor is on the blacklist since ${existing.since}`);
      w.em.create(BlacklistEntry, {
        tenantId: w.tenantId,
        debtorId: found.debtorId,
        reason,
        since: w.today,
        caseId: found.id,
        addedBy: command.actorId,
        addedAt: w.now,
      });
      const after = { reason, since: w.today, caseId: found.id };
      await w.append([
        {
          type: 'DebtorBlacklisted',
          aggregateType: 'debtor',
          aggregateId: found.debtorId,
          payload: after,
          before: null,
          after,
          publish: ['domain-events'],
        },
      ]);
      return { debtorId: found.debtorId, since: w.today };
    });
  }
}
