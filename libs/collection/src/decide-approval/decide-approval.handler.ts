import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, ForbiddenError, NotFoundError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { APPROVAL_DECISIONS, ApprovalDecision } from '../domain/vocabulary';
import { oneOf, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { visibleCasesSql } from '@qingshou/core';
import { DecideApproval } from './decide-approval.command';

interface ApprovalRow {
  id: string;
  case_id: string;
  kind: string;
  approver_role: string;
  status: string;
  requested_by: string;
}

/**
 * Only the role the approval names may decide it, or a manager (组长/经理 over everyone);
 * never the person who asked (four eyes). Deciding is a conditional update on
 * status = 'pending', so two deciders racing get one success and one 409.
 */
@CommandHandler(DecideApproval)
export class DecideApprovalHandler implements ICommandHandler<
  DecideApproval,
  { status: ApprovalDecision }
> {
  constructor(private readonly tx: CollectionTx) {}

  execute(command: DecideApproval): Promise<{ status: ApprovalDecision }> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'approval.decide');
    const decision = oneOf(command.decision, APPROVAL_DECISIONS, 'decision');
    const note = textArg(command.note, 'note');
    return this.tx.run(command, async (w) => {
      const visible = visibleCasesSql(viewer);
      const rows = await w.em.execute<ApprovalRow[]>(
        `select a.id, a.case_id, a.kind, a.approver_role, a.status, a.requested_by
         from approvals a join cases c on c.tenant_id = a.tenant_id and c.id = a.case_id
         where a.tenant_id = ? and a.id = ? and ${visible.sql}`,
        [w.tenantId, command.approvalId, ...visible.params],
      );
      const approval = rows[0];
      if (!approval) throw new NotFoundError('approval', command.approvalId);
      const mayDecide = viewer.roles.some((r) => r === approval.approver_role || r === 'manager');
      if (!mayDecide) {
        throw new ForbiddenError(
          `This ${approval.kind} approval is decided by the ${approval.approver_role} role`,
        );
      }
      if (approval.requested_by === command.actorId) {
        throw new ForbiddenError('The person who asked for an approval cannot decide it');
      }
      const updated = await w.em.execute<{ id: string }[]>(
        `update approvals set status = ?, decided_by = ?, decided_at = ?, decision_note = ?
         where tenant_id = ? and id = ? and status = 'pending' returning id`,
        [decision, command.actorId, w.now, note, w.tenantId, approval.id],
      );
      if (updated.length === 0) {
        throw new ConflictError(
          `This approval was already ${approval.status === 'pending' ? 'decided' : approval.status}`,
        );
      }
      const payload = { approvalId: approval.id, kind: approval.kind, decision, note };
      await w.append([
        w.caseEvent(
          'ApprovalDecided',
          approval.case_id,
          payload,
          { status: 'pending' },
          {
            status: decision,
            decidedBy: command.actorId,
          },
        ),
      ]);
      return { status: decision };
    });
  }
}
