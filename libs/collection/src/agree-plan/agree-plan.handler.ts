import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, NotFoundError, requirePermission } from '@qingshou/core';
import { addDays } from '@qingshou/ledger';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { isClosedStatus } from '../domain/vocabulary';
import { PlanRules } from '../ports/plan-rules';
import { checkPlanRules } from '../propose-plan/plan-access';
import { CollectionTx } from '../support/collection-tx';
import { AgreePlan } from './agree-plan.command';

interface PlanRow {
  id: string;
  case_id: string;
  status: string;
  grace_days: number;
  approval_status: string | null;
  last_due: string;
}

/** The plan's pause marks itself in the notes so people reading the case see why. */
export const PLAN_PAUSE_NOTE = '还款计划履行中';

@CommandHandler(AgreePlan)
export class AgreePlanHandler implements ICommandHandler<AgreePlan, { id: string }> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly port: PlanRules,
  ) {}

  async execute(command: AgreePlan): Promise<{ id: string }> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'promise.record');
    const known = await this.port.rulesFor(command.tenantId);
    return this.tx.run(command, async (w) => {
      const [plan] = await w.em.execute<PlanRow[]>(
        `select p.id, p.case_id, p.status, p.grace_days, a.status as approval_status,
                (select max(i.due_on)::text from plan_instalments i
                 where i.tenant_id = p.tenant_id and i.plan_id = p.id) as last_due
         from repayment_plans p
         left join approvals a on a.tenant_id = p.tenant_id and a.id = p.approval_id
         where p.tenant_id = ? and p.id = ? for update of p`,
        [w.tenantId, command.planId],
      );
      if (!plan) throw new NotFoundError('plan', command.planId);
      const found = await w.loadCase(plan.case_id);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const rules = checkPlanRules(known, viewer);
      if (plan.status !== 'proposed') throw new ConflictError(`Plan ${plan.id} is ${plan.status}`);
      if (plan.approval_status !== null && plan.approval_status !== 'approved') {
        throw new ConflictError(`Plan ${plan.id} waits for its approval (${plan.approval_status})`);
      }
      let pauseId: string | null = null;
      if (rules.whileKept === 'pause-ladder') {
        pauseId = randomUUID();
        await w.em.execute(
          `insert into pauses (tenant_id, id, case_id, reason, from_on, until_on, status_before,
             notes, created_by, created_at)
           values (?, ?, ?, 'other', ?, ?, ?, ?, ?, ?)`,
          [
            w.tenantId,
            pauseId,
            found.id,
            w.today,
            addDays(plan.last_due, plan.grace_days),
            found.status,
            PLAN_PAUSE_NOTE,
            command.actorId,
            w.now,
          ],
        );
      }
      await w.em.execute(
        `update repayment_plans set status = 'active', agreed_by = ?, agreed_on = ?, pause_id = ?
         where tenant_id = ? and id = ?`,
        [command.actorId, w.today, pauseId, w.tenantId, plan.id],
      );
      await w.append([
        w.caseEvent(
          'PlanAgreed',
          found.id,
          { planId: plan.id, agreedOn: w.today, pauseId },
          { status: 'proposed' },
          { status: 'active' },
        ),
      ]);
      return { id: plan.id };
    });
  }
}
