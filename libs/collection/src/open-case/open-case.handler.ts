import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { CASE_SCOPES } from '../domain/vocabulary';
import { Case, CaseAccount } from '../entities/case.entity';
import { knownReason, OverdueReasonCatalog } from '../ports/overdue-reason-catalog';
import { invalidArgument, oneOf, priorityArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { OpenCase } from './open-case.command';

@CommandHandler(OpenCase)
export class OpenCaseHandler implements ICommandHandler<OpenCase, { id: string }> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly reasons: OverdueReasonCatalog,
  ) {}

  async execute(command: OpenCase): Promise<{ id: string }> {
    requirePermission(viewerOf(command), 'case.open');
    const input = command.input;
    const scope = oneOf(input.scope, CASE_SCOPES, 'scope');
    if ((scope === 'account') !== Boolean(input.accountId)) {
      invalidArgument(
        'accountId',
        'is required for an account case and not allowed for a debtor case',
      );
    }
    const priority = priorityArg(input.priority, 'priority');
    const reason = input.overdueReasonCode
      ? await knownReason(this.reasons, command.tenantId, input.overdueReasonCode)
      : null;
    const id = randomUUID();
    try {
      await this.tx.run(command, async (w) => {
        const debtors = await w.em.execute<{ id: string }[]>(
          `select id from debtors where tenant_id = ? and id = ?`,
          [w.tenantId, input.debtorId],
        );
        if (!debtors[0]) throw new NotFoundError('debtor', input.debtorId);
        const accounts = await w.em.execute<{ id: string }[]>(
          `select id from accounts where tenant_id = ? and debtor_id = ? order by created_at, id`,
          [w.tenantId, input.debtorId],
        );
        const accountIds =
          scope === 'account' ? [input.accountId as string] : accounts.map((a) => a.id);
        if (scope === 'account' && !accounts.some((a) => a.id === input.accountId)) {
          throw new NotFoundError('account of this debtor', String(input.accountId));
        }
        if (accountIds.length === 0) invalidArgument('debtorId', 'has no account to collect');
        const entity = w.em.create(Case, {
          tenantId: w.tenantId,
          id,
          debtorId: input.debtorId,
          scope,
          accountId: scope === 'account' ? (input.accountId as string) : null,
          status: 'open',
          stage: textArg(input.stage, 'stage', 64),
          packVersion: textArg(input.packVersion, 'packVersion', 64),
          priority,
          overdueReasonCode: reason,
          openedOn: w.today,
          version: 1,
          createdAt: w.now,
          updatedAt: w.now,
        });
        for (const accountId of accountIds) {
          w.em.create(CaseAccount, { tenantId: w.tenantId, caseId: id, accountId });
        }
        const after = { ...entity.snapshot(), debtorId: input.debtorId, scope, accountIds };
        await w.append([
          w.caseEvent(
            'CaseOpened',
            id,
            { debtorId: input.debtorId, scope, accountIds },
            null,
            after,
          ),
        ]);
      });
    } catch (error) {
      // The partial unique index on live cases is the guard; a concurrent open lands here.
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError(
          scope === 'debtor'
            ? 'This debtor already has a live case; close it before opening another'
            : 'This account already has a live case; close it before opening another',
        );
      }
      throw error;
    }
    return { id };
  }
}
