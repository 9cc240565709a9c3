import { CommandBus } from '@nestjs/cqrs';
import type { ActorMeta } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { RecordKpiInput } from '@qingshou/outcomes';
import { COOP_DRIVE } from './portfolios/coop.portfolio';

/**
 * 篇三 清收计划 per village: the drive's goal (COOP_DRIVE.plan) split among the villages by
 * their NPL balance when the drive began (rounded to 1,000; the largest takes the remainder),
 * recorded as the leader would enter them, with the whole unit's own plan — so each village's
 * 清收计划完成率 has its denominator from the first day of the drive.
 */
export async function recordCoopPlans(
  tx: TenantTx,
  commands: CommandBus,
  meta: ActorMeta,
  tenantId: string,
): Promise<void> {
  const { drive, villages } = await tx.run(tenantId, async (em) => {
    const [d] = await em.execute<{ launch_date: string; ends_on: string }[]>(
      `select launch_date::text, ends_on::text from drives
       where tenant_id = ? order by launch_date desc limit 1`,
      [tenantId],
    );
    const rows = await em.execute<{ id: string; npl: string }[]>(
      `select g.id, coalesce(sum(ab.outstanding_principal)
                filter (where ab.loan_class in ('substandard', 'doubtful', 'loss')), 0)::text as npl
       from debtor_groups g
       left join debtor_group_members m on m.tenant_id = g.tenant_id and m.group_id = g.id
       left join accounts a on a.tenant_id = m.tenant_id and a.debtor_id = m.debtor_id
       left join account_balances ab on ab.tenant_id = a.tenant_id and ab.account_id = a.id
       where g.tenant_id = ? and g.type = 'village'
       group by g.id, g.code order by g.code`,
      [tenantId],
    );
    return { drive: d, villages: rows };
  });
  if (!drive) return;
  const total = Math.round(Number(COOP_DRIVE.plan));
  const npl = villages.reduce((sum, v) => sum + Number(v.npl), 0);
  if (npl <= 0) return;
  const plans = villages.map((v) => ({
    id: v.id,
    amount: Math.round(((Number(v.npl) / npl) * total) / 1000) * 1000,
  }));
  const largest = plans.reduce((a, b) => (b.amount > a.amount ? b : a));
  largest.amount += total - plans.reduce((sum, p) => sum + p.amount, 0);
  const period = { periodStart: drive.launch_date, periodEnd: drive.ends_on };
  const note = '清收计划（演示）';
  await commands.execute(
    new RecordKpiInput(meta, { input: 'recovery-plan', ...period, amount: COOP_DRIVE.plan, note }),
  );
  for (const p of plans.filter((x) => x.amount > 0)) {
    await commands.execute(
      new RecordKpiInput(meta, {
        input: 'recovery-plan',
        groupType: 'village',
        groupId: p.id,
        ...period,
        amount: p.amount.toFixed(2),
        note,
      }),
    );
  }
}
