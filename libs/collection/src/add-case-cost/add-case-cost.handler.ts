import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates } from '@qingshou/calendar';
import { NotFoundError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { CaseCost } from '../entities/cost.entity';
import { codeArg, dateArg, invalidArgument, moneyArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { AddCaseCost } from './add-case-cost.command';

@CommandHandler(AddCaseCost)
export class AddCaseCostHandler implements ICommandHandler<
  AddCaseCost,
  { id: string; approved: boolean }
> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: AddCaseCost): Promise<{ id: string; approved: boolean }> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'cost.add');
    const input = command.input;
    const category = codeArg(input.category, 'category');
    const amount = moneyArg(input.amount, 'amount');
    const voucherRef = textArg(input.voucherRef, 'voucherRef', 128);
    const notes = textArg(input.notes, 'notes');
    // 篇一 第四步: the leader reviews and signs off cost vouchers. Finance or a manager
    // entering a cost is that sign-off; anyone else's cost waits for it.
    const approved = viewer.roles.some((role) => role === 'finance' || role === 'manager');
    return this.tx.run(command, async (w) => {
      const incurredOn = input.incurredOn ? dateArg(input.incurredOn, 'incurredOn') : w.today;
      if (compareLocalDates(incurredOn, w.today) > 0)
        invalidArgument('incurredOn', 'must not be after today');
      // Costs are still booked on closed cases: court fees arrive after the settlement.
      const found = await w.loadCase(input.caseId);
      if (input.legalMatterId) {
        const matters = await w.em.execute(
          `select 1 from legal_matters where tenant_id = ? and id = ? and case_id = ?`,
          [w.tenantId, input.legalMatterId, found.id],
        );
        if (matters.length === 0)
          throw new NotFoundError('legal matter of this case', input.legalMatterId);
      }
      const id = randomUUID();
      w.em.create(CaseCost, {
        tenantId: w.tenantId,
        id,
        caseId: found.id,
        legalMatterId: input.legalMatterId ?? null,
        category,
        amount,
        voucherRef,
        incurredOn,
        approved,
        notes,
        recordedBy: command.actorId,
        recordedAt: w.now,
      });
      const after = { costId: id, category, amount, voucherRef, incurredOn, approved };
      await w.append([w.caseEvent('CaseCostAdded', found.id, after, null, after)]);
      return { id, approved };
    });
  }
}
