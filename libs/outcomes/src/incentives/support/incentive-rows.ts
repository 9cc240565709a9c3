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
  const states = await approvalStatesOf(em, tenantId, [accountId], kinds);
  return states.get(accountId) as Map<string, ApprovalState>;
}

/**
 * approvalStates for many accounts in one statement (a balance chunk, a notice's case):
 * account id → kind → state, every account and kind present ('none' when nothing was
 * asked). An approval granted on any covering case wins; else the latest request's status.
 */
export async function approvalStatesOf(
  em: EntityManager,
  tenantId: string,
  accountIds: readonly string[],
  kinds: readonly string[],
): Promise<Map<string, Map<string, ApprovalState>>> {
  const out = new Map<string, Map<string, ApprovalState>>(
    accountIds.map((id) => [id, new Map<string, ApprovalState>(kinds.map((k) => [k, 'none']))]),
  );
  if (kinds.length === 0 || accountIds.length === 0) return out;
  const rows = await em.execute<{ account_id: string; kind: string; status: ApprovalState }[]>(
    `select distinct on (ca.account_id, ap.kind) ca.account_id, ap.kind, ap.status
     from case_accounts ca
     join approvals ap on ap.tenant_id = ca.tenant_id and ap.case_id = ca.case_id
     where ca.tenant_id = ? and ca.account_id = any(?::uuid[]) and ap.kind = any(?::text[])
     order by ca.account_id, ap.kind, (ap.status = 'approved') desc, ap.requested_at desc`,
    [tenantId, pgTextArray([...new Set(accountIds)]), pgTextArray(kinds)],
  );
  // PostgreSQL answers uuids in lower case; the caller's ids are the keys.
  const given = new Map(accountIds.map((id) => [id.toLowerCase(), id]));
  rows.forEach((r) => out.get(given.get(r.account_id) ?? r.account_id)?.set(r.kind, r.status));
  return out;
}

export function approvalKinds(rules: readonly IncentiveRule[]): string[] {
  return [...new Set(rules.map((r) => r.approvalKind).filter((k): k is string => k !== null))];
}
