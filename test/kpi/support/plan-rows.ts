import type { CollectionTestApi } from '../../collection/support/collection-api';
import { ownerQuery } from '../../collection/support/fixtures';

const STATUSES = ['active', 'kept', 'broken', 'proposed', 'cancelled', 'active'] as const;

/**
 * 还款计划 rows on a generated book for the plan metrics' parity and independent-SQL specs
 * (the books' test packs agree no plans, so no command can make them): one plan on each of
 * the first cases, signed 20·n days before `asOf`, each status in turn, kept or broken 45
 * days after signing (some after `asOf`, so an earlier cut still counts them live), four
 * monthly instalments with the states the nightly run would have left.
 */
export async function seedPlanRows(
  api: CollectionTestApi,
  tenantId: string,
  asOf: string,
  plans = 12,
): Promise<void> {
  const cases = await ownerQuery<{ id: string }>(
    api,
    `select id from cases where tenant_id = $1 order by opened_on, id limit $2`,
    [tenantId, plans],
  );
  for (const [index, { id: caseId }] of cases.entries()) {
    const n = index + 1;
    const status = STATUSES[index % STATUSES.length];
    const total = `${1000 + 250 * n}.00`;
    const [plan] = await ownerQuery<{ id: string; agreed_on: string | null }>(
      api,
      `insert into repayment_plans (tenant_id, id, case_id, status, arrears, penalty, waiver, total,
         down_payment, instalment_count, start_on, grace_days, proposed_by, proposed_at,
         agreed_on, kept_on, broken_on)
       select $1, gen_random_uuid(), $2, $3, $4::numeric, 0, 0, $4::numeric, 0, 4, d, 5, 'seed',
              d::timestamptz,
              case when $3 in ('proposed') then null else d end,
              case when $3 = 'kept' then d + 45 end,
              case when $3 = 'broken' then d + 45 end
       from (select $5::date - $6::int as d) x
       returning id, agreed_on::text`,
      [tenantId, caseId, status, total, asOf, 20 * n],
    );
    await ownerQuery(
      api,
      `insert into plan_instalments (tenant_id, plan_id, seq, due_on, amount, paid, status, kept_on)
       select $1, $2, j, p.start_on + 30 * (j - 1), p.total / 4,
              case when s = 'kept' then p.total / 4 else 0 end, s,
              case when s = 'kept' then p.start_on + 30 * (j - 1) end
       from repayment_plans p cross join generate_series(1, 4) j
       cross join lateral (select case
         when $3 = 'kept' then 'kept'
         when $3 = 'broken' then (case when j = 1 then 'kept' when j = 2 then 'missed' else 'pending' end)
         when p.start_on + 30 * (j - 1) + 5 < $4::date and (j + $5::int) % 3 <> 0 then 'kept'
         when p.start_on + 30 * (j - 1) + 5 < $4::date then 'missed'
         else 'pending' end as s) st
       where p.tenant_id = $1 and p.id = $2`,
      [tenantId, plan.id, status, asOf, n],
    );
  }
}
