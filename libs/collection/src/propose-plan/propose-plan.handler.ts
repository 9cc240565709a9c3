import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConflictError, requirePermission } from '@qingshou/core';
import { dec } from '@qingshou/ledger';
import { randomUUID } from 'node:crypto';
import { viewerOf } from '../domain/collection-command';
import { splitPlan } from '../domain/plan-split';
import { isClosedStatus } from '../domain/vocabulary';
import { Approval } from '../entities/approval.entity';
import { PlanRules } from '../ports/plan-rules';
import { dateArg, moneyArg, textArg } from '../support/args';
import { CollectionTx } from '../support/collection-tx';
import { checkPlanRules } from './plan-access';
import { ProposePlan, ProposePlanResult } from './propose-plan.command';

/** The approval kind a plan above the pack's threshold waits on. */
export const PLAN_APPROVAL_KIND = 'repayment-plan';

const amountOrZero = (value: string | undefined, path: string) =>
  value === undefined || value === null || /^\s*0*(\.0*)?\s*$/.test(String(value))
    ? '0.00'
    : moneyArg(value, path);

@CommandHandler(ProposePlan)
export class ProposePlanHandler implements ICommandHandler<ProposePlan, ProposePlanResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly port: PlanRules,
  ) {}

  async execute(command: ProposePlan): Promise<ProposePlanResult> {
    const viewer = viewerOf(command);
    requirePermission(viewer, 'promise.record');
    const foundRules = await this.port.rulesFor(command.tenantId);
    const input = command.input;
    const arrears = moneyArg(input.arrears, 'arrears');
    const penalty = amountOrZero(input.penalty, 'penalty');
    const waiver = amountOrZero(input.waiver, 'waiver');
    const downPayment = amountOrZero(input.downPayment, 'downPayment');
    const firstDueOn = dateArg(input.firstDueOn, 'firstDueOn');
    const notes = textArg(input.notes, 'notes');
    return this.tx.run(command, async (w) => {
      const startOn = input.startOn ? dateArg(input.startOn, 'startOn') : w.today;
      const found = await w.loadCase(input.caseId);
      if (isClosedStatus(found.status))
        throw new ConflictError(`Case ${found.id} is ${found.status}`);
      const rules = checkPlanRules(foundRules, viewer);
      const split = splitPlan(
        {
          arrears,
          penalty,
          waiver,
          downPayment,
          count: input.count,
          startOn,
          firstDueOn,
          intervalMonths: input.intervalMonths,
        },
        rules,
      );
      const [live] = await w.em.execute<{ id: string }[]>(
        `select id from repayment_plans where tenant_id = ? and case_id = ?
           and status in ('proposed', 'active')`,
        [w.tenantId, found.id],
      );
      if (live) throw new ConflictError(`Case ${found.id} already has a live plan ${live.id}`);
      const id = randomUUID();
      const needsApproval =
        rules.approvalAbove !== null && dec(split.total).gt(rules.approvalAbove);
      const approvalId = needsApproval ? randomUUID() : null;
      await w.em.execute(
        `insert into repayment_plans (tenant_id, id, case_id, status, arrears, penalty, waiver,
           total, down_payment, instalment_count, start_on, grace_days, approval_id,
           proposed_by, proposed_at, notes)
         values (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          w.tenantId,
          id,
          found.id,
          arrears,
          penalty,
          waiver,
          split.total,
          downPayment,
          input.count,
          startOn,
          rules.graceDays,
          approvalId,
          command.actorId,
          w.now,
          notes,
        ],
      );
      await w.em.execute(
        `insert into plan_instalments (tenant_id, plan_id, seq, due_on, amount)
         select ?, ?, v.seq, v.due_on, v.amount
         from jsonb_to_recordset(?::jsonb) as v(seq int, due_on date, amount numeric)`,
        [
          w.tenantId,
          id,
          JSON.stringify(
            split.instalments.map((i) => ({ seq: i.seq, due_on: i.dueOn, amount: i.amount })),
          ),
        ],
      );
      const plan = { planId: id, total: split.total, arrears, penalty, waiver, downPayment };
      const events = [
        w.caseEvent('PlanProposed', found.id, { ...plan, instalments: split.instalments }, null, {
          status: 'proposed',
        }),
      ];
      if (approvalId) {
        // The approver weighs the instalments themselves (the inbox lists them).
        const payload = {
          ...plan,
          count: input.count,
          startOn,
          firstDueOn,
          instalments: split.instalments,
        };
        w.em.create(Approval, {
          tenantId: w.tenantId,
          id: approvalId,
          caseId: found.id,
          kind: PLAN_APPROVAL_KIND,
          approverRole: rules.approverRole,
          status: 'pending',
          payload,
          reason: notes,
          requestedBy: command.actorId,
          requestedAt: w.now,
        });
        const after = {
          approvalId,
          kind: PLAN_APPROVAL_KIND,
          approverRole: rules.approverRole,
          status: 'pending',
          payload,
          reason: notes,
        };
        events.push(w.caseEvent('ApprovalRequested', found.id, after, null, after));
      }
      await w.append(events);
      return { id, total: split.total, approvalId };
    });
  }
}
