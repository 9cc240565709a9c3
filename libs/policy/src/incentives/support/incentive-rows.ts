import { EntityManager } from '@mikro-orm/postgresql';
import { incentiveRule, IncentiveRule, PinnedIncentive } from '../relief/incentive-rules';
import { pgTextArray } from '../../kpi/sql/account-state.sql';

/** The incentives of the tenant's pinned pack (none without a pack). */
export async function pinnedIncentives(
  em: EntityManager,
  tenantId: string,
): Promise<IncentiveRule[]> {
  const rows = await em.execute<{ incentives: PinnedIncentive[] | null }[]>(
    `select resolved->'spec'->'incentives' as incentives from pack_installations
     where tenant_id = ? and status = 'active'`,
    [tenantId],
  );
  return (rows[0]?.incentives ?? []).map(incentiveRule);
}

export type ApprovalState = 'approved' | 'pending' | 'rejected' | 'none';

/**
 * The latest decision of each approval kind on the cases that cover the account
 * (第二篇 "经农村信用社认可同意后": the co-op's consent, asked on the debtor's case).
 */
export async function approvalStates(
  em: EntityManager,
  tenantId: string,
  accountId: string,
  kinds: readonly string[],
): Promise<Map<string, ApprovalState>> {
  const states = new Map<string, ApprovalState>(kinds.map((k) => [k, 'none']));
  if (kinds.length === 0) return states;
  const rows = await em.execute<{ kind: string; status: ApprovalState }[]>(
    `select distinct on (ap.kind) ap.kind, ap.status
     from approvals ap
     join case_accounts ca on ca.tenant_id = ap.tenant_id and ca.case_id = ap.case_id
     where ap.tenant_id = ? and ca.account_id = ? and ap.kind = any(?::text[])
     order by ap.kind, (ap.status = 'approved') desc, ap.requested_at desc`,
    [tenantId, accountId, pgTextArray(kinds)],
  );
  rows.forEach((r) => states.set(r.kind, r.status));
  return states;
}

export function approvalKinds(rules: readonly IncentiveRule[]): string[] {
  return [...new Set(rules.map((r) => r.approvalKind).filter((k): k is string => k !== null))];
}
