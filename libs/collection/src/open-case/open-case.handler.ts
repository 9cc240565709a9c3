import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { CASE_SCOPES } from '../domain/vocabulary';
import { knownReason, OverdueReasonCatalog } from '../ports/overdue-reason-catalog';
import { invalidArgument, oneOf, priorityArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { listedAccounts, openCases } from '../writers/open-cases';
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
    const stage = textArg(input.stage, 'stage', 64);
    const packVersion = textArg(input.packVersion, 'packVersion', 64);
    const id = randomUUID();
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
      // The one rule the nightly run and the import merge share (writers/open-cases.ts): an
      // account a live case covers joins no second case, and a debtor with a live debtor
      // case gets no other. A person may open again after a write-off or 退案.
      const { cases } = await openCases(w.em, w.tenantId, {
        scope,
        source: listedAccounts(
          accountIds.map((accountId) => ({ debtorId: input.debtorId, accountId, caseId: id })),
          w.today,
        ),
        reopenAfterEnd: true,
        priority,
        stage,
        packVersion,
        overdueReasonCode: reason,
        now: w.now,
      });
      if (cases.length === 0) {
        throw new ConflictError(
          scope === 'debtor'
            ? 'This debtor already has a live case; close it before opening another'
            : 'This account already has a live case; close it before opening another',
        );
      }
      // In the debtor's account order, as the event always listed them.
      const covered = new Set(cases[0].accountIds);
      const opened = accountIds.filter((a) => covered.has(a));
      const after = {
        status: 'open',
        assigneeId: null,
        teamId: null,
        priority,
        stage,
        overdueReasonCode: reason,
        pausedUntil: null,
        closedOn: null,
        debtorId: input.debtorId,
        scope,
        accountIds: opened,
      };
      await w.append([
        w.caseEvent(
          'CaseOpened',
          id,
          { debtorId: input.debtorId, scope, accountIds: opened },
          null,
          after,
        ),
      ]);
    });
    return { id };
  }
}
