import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { viewerOf } from '../domain/collection-command';
import { invalidArgument } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { FileStorage } from '../storage/file-storage';
import { storeCaseAttachment } from '../storage/store-attachment';
import { RecordSignedPlan, RecordSignedPlanResult } from './record-signed-plan.command';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Whoever may record promises on the case may file the signed agreement; the case is loaded
 * first, so a plan on a case the caller may not see is a 404. A cancelled plan takes none.
 */
@CommandHandler(RecordSignedPlan)
export class RecordSignedPlanHandler implements ICommandHandler<
  RecordSignedPlan,
  RecordSignedPlanResult
> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly storage: FileStorage,
  ) {}

  async execute(command: RecordSignedPlan): Promise<RecordSignedPlanResult> {
    requirePermission(viewerOf(command), 'promise.record');
    const file = command.file;
    if (!file?.data?.length) invalidArgument('file', 'is required');
    if (file.data.length > MAX_BYTES) invalidArgument('file', 'must be at most 20 MB');
    return this.tx.run(command, async (w) => {
      const [plan] = await w.em.execute<{ id: string; case_id: string; status: string }[]>(
        `select id, case_id, status from repayment_plans where tenant_id = ? and id = ? for update`,
        [w.tenantId, command.planId],
      );
      if (!plan) throw new NotFoundError('plan', command.planId);
      const found = await w.loadCase(plan.case_id);
      if (plan.status === 'cancelled') throw new ConflictError(`Plan ${plan.id} is cancelled`);
      const stored = await storeCaseAttachment(w, this.storage, found.id, file);
      await w.em.execute(
        `update repayment_plans set signed_attachment_id = ?, signed_by = ?, signed_at = ?
         where tenant_id = ? and id = ?`,
        [stored.id, command.actorId, w.now, w.tenantId, plan.id],
      );
      await w.append([
        w.caseEvent(
          'PlanSigned',
          found.id,
          { planId: plan.id, attachmentId: stored.id, sha256: stored.sha256 },
          null,
          null,
        ),
      ]);
      return { planId: plan.id, attachmentId: stored.id, sha256: stored.sha256 };
    });
  }
}
