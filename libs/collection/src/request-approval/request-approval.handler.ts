import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus } from '../domain/vocabulary';
import { Approval } from '../entities/approval.entity';
import { ApprovalPolicy } from '../ports/approval-policy';
import { invalidArgument, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { RequestApproval, RequestApprovalResult } from './request-approval.command';
import { checkWaiver } from './waiver-limit';

const MAX_PAYLOAD_BYTES = 16_384;
/** The shape approvals.kind allows (a slug); which slugs exist is the ApprovalPolicy's call. */
const KIND = /^[a-z][a-z0-9-]{0,47}$/;

@CommandHandler(RequestApproval)
export class RequestApprovalHandler implements ICommandHandler<
  RequestApproval,
  RequestApprovalResult
> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly policy: ApprovalPolicy,
  ) {}

  async execute(command: RequestApproval): Promise<RequestApprovalResult> {
    requirePermission(viewerOf(command), 'approval.request');
    const input = command.input;
    const kind = String(input.kind ?? '');
    if (!KIND.test(kind)) invalidArgument('kind', 'must be an approval kind code (a-z, 0-9, -)');
    const payload = input.payload ?? {};
    if (typeof payload !== 'object' || Array.isArray(payload))
      invalidArgument('payload', 'must be an object');
    if (Buffer.byteLength(JSON.stringify(payload)) > MAX_PAYLOAD_BYTES) {
      invalidArgument('payload', `must be at most ${MAX_PAYLOAD_BYTES} bytes of JSON`);
    }
    const reason = textArg(input.reason, 'reason');
    try {
      return await this.tx.run(command, async (w) => {
        const found = await w.loadCase(input.caseId);
        if (isClosedStatus(found.status))
          throw new ConflictError(`Case ${found.id} is ${found.status}`);
        const asked =
          kind === 'waiver' ? await checkWaiver(w.em, w.tenantId, found.id, payload) : payload;
        const approverRole = await this.policy.approverRole({
          tenantId: w.tenantId,
          caseId: found.id,
          kind,
          payload: asked,
        });
        const id = randomUUID();
        w.em.create(Approval, {
          tenantId: w.tenantId,
          id,
          caseId: found.id,
          kind,
          approverRole,
          status: 'pending',
          payload: asked,
          reason,
          requestedBy: command.actorId,
          requestedAt: w.now,
        });
        const after = {
          approvalId: id,
          kind,
          approverRole,
          status: 'pending',
          payload: asked,
          reason,
        };
        await w.append([w.caseEvent('ApprovalRequested', found.id, after, null, after)]);
        return { id, approverRole };
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new ConflictError(
          `A ${kind} request for this case is already waiting for a decision`,
        );
      }
      throw error;
    }
  }
}
