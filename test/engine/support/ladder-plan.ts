import { addDays } from '../../../libs/calendar/src';
import type { CollectionTestApi } from '../../collection/support/collection-api';
import { ownerQuery } from '../../collection/support/fixtures';

/** Day 0 is the due date of A, B and C: Monday 2026-03-02. */
export const D0 = '2026-03-02';
export const day = (n: number) => addDays(D0, n);
export const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

type Kind = 'visit' | 'call' | 'contact-guarantor' | 'notice' | 'approval';
export type Counts = Record<string, Partial<Record<Kind, number>>>;

/**
 * The days on which each case gets each thing, from the test-engine-ladder pack (篇六):
 * day 0 visit; days 1-3 a call a day; day 4 visit + guarantor; day 7 notice, then a call
 * a day until paid; ≥ 90 → a legal-referral approval.
 *  A: due day 0.   B: due day 0, pays in full on day 2.   C: due day 0, paused days 2-6.
 *  D: due 30 days before day 0, imported on day 10 at DPD 40.   E: imported on day 0 at DPD 88.
 */
export const PLAN: Record<string, Partial<Record<Kind, number[]>>> = {
  A: { visit: [0, 4], call: [1, 2, 3, ...range(7, 30)], 'contact-guarantor': [4], notice: [7] },
  B: { visit: [0], call: [1, 2] },
  C: { visit: [0, 9], call: [1, 7, 8, ...range(12, 30)], 'contact-guarantor': [9], notice: [12] },
  D: { call: range(10, 30), notice: [10] },
  E: { call: range(0, 30), notice: [0], approval: [2] },
};

/** What PLAN says each case has by the end of day n (created, whatever became of it). */
export function expectedBy(n: number): Counts {
  const out: Counts = {};
  for (const [name, kinds] of Object.entries(PLAN)) {
    for (const [kind, days] of Object.entries(kinds) as [Kind, number[]][]) {
      const count = days.filter((d) => d <= n).length;
      if (count > 0) (out[name] ??= {})[kind] = count;
    }
  }
  return out;
}

/**
 * What the tenant's tables hold: task instances by kind, notices and approvals, per named
 * case. A repeating task is one row per case and kind rolled forward each day (issue 11 §4),
 * so a row counts once plus the days it rolled (missed_count).
 */
export async function createdByCase(
  api: CollectionTestApi,
  tenantId: string,
  cases: Record<string, string>,
): Promise<Counts> {
  const name = Object.fromEntries(Object.entries(cases).map(([k, v]) => [v, k]));
  const rows = await ownerQuery<{ case_id: string; kind: Kind; n: number }>(
    api,
    `select case_id, kind, sum(1 + missed_count)::int as n from tasks where tenant_id = $1
     group by 1, 2
     union all
     select case_id, 'notice', count(*)::int from notices where tenant_id = $1 group by 1
     union all
     select case_id, 'approval', count(*)::int from approvals where tenant_id = $1 group by 1`,
    [tenantId],
  );
  const out: Counts = {};
  for (const r of rows) (out[name[r.case_id]] ??= {})[r.kind] = r.n;
  return out;
}

export async function stageOf(api: CollectionTestApi, caseId: string): Promise<string | null> {
  const rows = await ownerQuery<{ stage: string | null }>(
    api,
    `select stage from cases where id = $1`,
    [caseId],
  );
  return rows[0].stage;
}
