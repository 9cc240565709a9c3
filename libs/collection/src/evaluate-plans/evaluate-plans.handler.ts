import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { compareLocalDates } from '@qingshou/calendar';
import { requirePermission, visibleCasesSql } from '@qingshou/core';
import { addDays, dec } from '@qingshou/ledger';
import { viewerOf } from '../domain/collection-command';
import { judgePlan, type PlanJudgement } from '../domain/plan-judgement';
import { PlanRules } from '../ports/plan-rules';
import { dateArg, invalidArgument } from '../support/args';
import { CaseWork, CollectionTx } from '../support/collection-tx';
import { money } from '../support/sql-values';
import { EvaluatePlans, EvaluatePlansResult } from './evaluate-plans.command';

const CHUNK = 200;

interface PlanRow {
  id: string;
  case_id: string;
  grace_days: number;
  start_on: string;
  pause_id: string | null;
  waiver: string;
  instalments: { seq: number; due_on: string; amount: string }[];
  receipts: { paid_on: string; amount: string }[] | null;
}

/**
 * Set-based reads in chunks of active plans, one transaction each (DESIGN §2). A plan's
 * receipts are the payments to its case's accounts from its start (reversals net out);
 * judgePlan dates each outcome from the ledger. A broken plan ends its ladder pause on the
 * day it broke and, where the pack says so, withdraws its conditional waiver.
 */
@CommandHandler(EvaluatePlans)
export class EvaluatePlansHandler implements ICommandHandler<EvaluatePlans, EvaluatePlansResult> {
  constructor(
    private readonly tx: CollectionTx,
    private readonly rules: PlanRules,
  ) {}

  async execute(command: EvaluatePlans): Promise<EvaluatePlansResult> {
    requirePermission(viewerOf(command), 'promise.evaluate');
    const asOf = dateArg(command.asOf, 'asOf');
    // Without rules (no `plans:` in the pack any more) a plan still breaks; the waiver stays.
    const withdrawOnBreak =
      (await this.rules.rulesFor(command.tenantId))?.withdrawWaiverOnBreak ?? false;
    let kept = 0;
    let broken = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const chunk = await this.tx.run(command, async (w) => {
        if (compareLocalDates(asOf, w.today) > 0)
          invalidArgument('asOf', 'must not be after today: a plan cannot be broken in advance');
        const rows = await this.load(w, asOf, after, command.caseId);
        const judged = rows.map((r) => ({ row: r, j: this.judge(r, asOf) }));
        if (rows.length > 0) await this.apply(w, asOf, judged, withdrawOnBreak);
        return judged;
      });
      for (const { j } of chunk) {
        if (j.status === 'kept') kept += 1;
        if (j.status === 'broken') broken += 1;
      }
      if (chunk.length < CHUNK) break;
      after = chunk[chunk.length - 1].row.id;
    }
    return { asOf, kept, broken };
  }

  private judge(r: PlanRow, asOf: string): PlanJudgement {
    return judgePlan(
      r.instalments.map((i) => ({ seq: i.seq, dueOn: i.due_on, amount: String(i.amount) })),
      (r.receipts ?? []).map((p) => ({ paidOn: p.paid_on, amount: String(p.amount) })),
      r.grace_days,
      asOf,
    );
  }

  private load(w: CaseWork, asOf: string, after: string, caseId?: string) {
    const visible = visibleCasesSql(w.viewer);
    return w.em.execute<PlanRow[]>(
      `select p.id, p.case_id, p.grace_days, p.start_on::text, p.pause_id, p.waiver,
              (select jsonb_agg(jsonb_build_object('seq', i.seq, 'due_on', i.due_on::text,
                        'amount', i.amount::text) order by i.seq)
               from plan_instalments i where i.tenant_id = p.tenant_id and i.plan_id = p.id)
                as instalments,
              (select jsonb_agg(jsonb_build_object('paid_on', pm.paid_on::text,
                        'amount', pm.amount::text) order by pm.paid_on, pm.id)
               from payments pm
               where pm.tenant_id = p.tenant_id and pm.paid_on between p.start_on and ?::date
                 and pm.account_id in (select ca.account_id from case_accounts ca
                                       where ca.tenant_id = p.tenant_id and ca.case_id = p.case_id))
                as receipts
       from repayment_plans p
       join cases c on c.tenant_id = p.tenant_id and c.id = p.case_id
       where p.tenant_id = ? and p.status = 'active' and p.id > ? and p.agreed_on <= ?::date
         ${caseId ? 'and p.case_id = ?' : ''} and ${visible.sql}
       order by p.id
       limit ${CHUNK}
       for update of p`,
      [asOf, w.tenantId, after, asOf, ...(caseId ? [caseId] : []), ...visible.params],
    );
  }

  private async apply(
    w: CaseWork,
    asOf: string,
    judged: { row: PlanRow; j: PlanJudgement }[],
    withdrawOnBreak: boolean,
  ) {
    const instalments = judged.flatMap(({ row, j }) =>
      j.instalments.map((i) => ({ plan_id: row.id, ...i, kept_on: i.keptOn })),
    );
    await w.em.execute(
      `update plan_instalments i set paid = v.paid, status = v.status, kept_on = v.kept_on
       from jsonb_to_recordset(?::jsonb) as v(plan_id uuid, seq int, paid numeric, status text,
                                              kept_on date)
       where i.tenant_id = ? and i.plan_id = v.plan_id and i.seq = v.seq`,
      [JSON.stringify(instalments), w.tenantId],
    );
    const decided = judged
      .filter(({ j }) => j.status !== 'active')
      .map(({ row, j }) => ({
        id: row.id,
        pause_id: row.pause_id,
        status: j.status,
        kept_on: j.keptOn,
        broken_on: j.brokenOn,
        withdrawn: j.status === 'broken' && withdrawOnBreak && dec(row.waiver).gt(0),
        // The ladder resumes the day the plan broke, or the day after it was paid off.
        ends_on: j.brokenOn ?? (j.keptOn ? addDays(j.keptOn, 1) : null),
      }));
    await w.em.execute(
      `update repayment_plans p set evaluated_as_of = ?::date
       where p.tenant_id = ? and p.id = any(?::uuid[])`,
      [asOf, w.tenantId, `{${judged.map(({ row }) => row.id).join(',')}}`],
    );
    if (decided.length === 0) return;
    await w.em.execute(
      `update repayment_plans p set status = v.status, kept_on = v.kept_on,
         broken_on = v.broken_on, waiver_withdrawn = v.withdrawn
       from jsonb_to_recordset(?::jsonb) as v(id uuid, status text, kept_on date, broken_on date,
                                              withdrawn boolean)
       where p.tenant_id = ? and p.id = v.id and p.status = 'active'`,
      [JSON.stringify(decided), w.tenantId],
    );
    await w.em.execute(
      `update pauses x set ended_on = least(x.until_on, v.ends_on)
       from jsonb_to_recordset(?::jsonb) as v(pause_id uuid, ends_on date)
       where x.tenant_id = ? and x.id = v.pause_id and x.ended_on is null`,
      [JSON.stringify(decided.filter((d) => d.pause_id)), w.tenantId],
    );
    await w.append(
      judged
        .filter(({ j }) => j.status !== 'active')
        .map(({ row, j }) => {
          const withdrawn = decided.find((d) => d.id === row.id)?.withdrawn ?? false;
          const payload =
            j.status === 'broken'
              ? {
                  planId: row.id,
                  brokenOn: j.brokenOn,
                  missedInstalment: j.missedSeq,
                  waiverWithdrawn: withdrawn ? money(row.waiver) : null,
                  asOf,
                }
              : { planId: row.id, keptOn: j.keptOn, asOf };
          return w.caseEvent(
            j.status === 'broken' ? 'PlanBroken' : 'PlanKept',
            row.case_id,
            payload,
            { status: 'active' },
            { status: j.status },
          );
        }),
    );
  }
}
