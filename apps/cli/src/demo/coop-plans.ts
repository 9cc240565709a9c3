import { CommandBus } from '@nestjs/cqrs';
import type { ActorMeta } from '@qingshou/core';
import { TenantTx } from '@qingshou/db';
import { RecordKpiInput } from '@qingshou/outcomes';
import { COOP_DRIVE } from './portfolios/coop.portfolio';

/**
 * 篇三 清收计划 per village, recorded as the leader would enter them, with the whole unit's own
 * plan, so each village's 清收计划完成率 has its denominator from the first day of the drive.
 * The drive's goal (COOP_DRIVE.plan) is split so the villages read like a drive under way
 * (issue 13 §5): each village that has recovered something is given a plan it has done a
 * set share of (COMPLETION, mostly 40–85%, one ahead of its plan), the villages that have
 * recovered nothing share the rest by their NPL balance; all scaled to the goal and rounded
 * to 1,000 (the largest takes the remainder). Split by NPL alone, a village's share of the
 * recoveries was luck: completion ran from 0 to 149%.
 */
const COMPLETION = [0.64, 0.47, 0.78, 0.56, 0.86, 0.42, 0.7, 1.18, 0.52, 0.73, 0.6, 0.83];

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
    // What each village's overdue accounts have repaid since the drive began, from the ledger.
    const rows = await em.execute<{ id: string; npl: string; recovered: string }[]>(
      `select g.id, coalesce(sum(ab.outstanding_principal)
                filter (where ab.loan_class in ('substandard', 'doubtful', 'loss')), 0)::text as npl,
              coalesce(sum((select sum(p.amount) from payments p
                            where p.tenant_id = a.tenant_id and p.account_id = a.id
                              and p.paid_on >= ?::date))
                filter (where ab.dpd > 0), 0)::text as recovered
       from debtor_groups g
       left join debtor_group_members m on m.tenant_id = g.tenant_id and m.group_id = g.id
       left join accounts a on a.tenant_id = m.tenant_id and a.debtor_id = m.debtor_id
       left join account_balances ab on ab.tenant_id = a.tenant_id and ab.account_id = a.id
       where g.tenant_id = ? and g.type = 'village'
       group by g.id, g.code order by g.code`,
      [d?.launch_date ?? '9999-12-31', tenantId],
    );
    return { drive: d, villages: rows };
  });
  if (!drive) return;
  const total = Math.round(Number(COOP_DRIVE.plan));
  const wanted = villages.map((v, i) =>
    Number(v.recovered) > 0 ? Number(v.recovered) / COMPLETION[i % COMPLETION.length] : 0,
  );
  const idle = villages.filter((v) => Number(v.recovered) <= 0);
  const idleNpl = idle.reduce((sum, v) => sum + Number(v.npl), 0);
  const rest = Math.max(total * 0.1, total - wanted.reduce((sum, w) => sum + w, 0));
  villages.forEach((v, i) => {
    if (Number(v.recovered) > 0) return;
    wanted[i] = idleNpl > 0 ? (Number(v.npl) / idleNpl) * rest : rest / idle.length;
  });
  const sum = wanted.reduce((a, b) => a + b, 0);
  if (sum <= 0) return;
  const plans = villages.map((v, i) => ({
    id: v.id,
    amount: Math.round(((wanted[i] / sum) * total) / 1000) * 1000,
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
