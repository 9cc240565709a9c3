import { ForbiddenError, NotFoundError } from '../errors/domain-error';
import type { Role } from '../auth/role';
import type { Viewer } from './viewer';

/**
 * Who sees which cases (篇八: each collector logs in with their own id and sees the cases
 * assigned to them; the supervisor distributes and reviews; the manager sees the branch).
 * THE one rule: every query and command filters cases through `visibleCasesSql`, and
 * everything hanging off a case (notice, task, drive item, debtor, account) is visible only
 * through a visible case — an id outside it is "not found" (404, not 403: ids must not leak).
 *
 * - all:   manager, tenant-admin, legal, finance, auditor, clerk (内勤 keeps the ledger, 篇一/篇八),
 *          and the system viewer (jobs, CLI)
 * - teams: supervisor — cases of teams they belong to, or assigned to a member of them, and
 *          the pool nobody holds yet (no assignee and no team: an import's new cases, which
 *          the supervisor must assign within a working day, 篇八)
 * - own:   phone and field collectors — cases assigned to them
 * - none:  anyone else (a platform admin has no business in a tenant's cases)
 */
export type CaseScopeOfViewer =
  | { readonly kind: 'all' }
  | { readonly kind: 'teams'; readonly userId: string }
  | { readonly kind: 'own'; readonly userId: string }
  | { readonly kind: 'none' };

const SEE_ALL: readonly Role[] = [
  'manager',
  'tenant-admin',
  'legal',
  'finance',
  'auditor',
  'clerk',
];
/** Roles that may change case data. The auditor (内审) only reads. */
const MAY_WRITE: readonly Role[] = [
  'manager',
  'tenant-admin',
  'legal',
  'finance',
  'clerk',
  'supervisor',
  'phone-collector',
  'field-collector',
];

export function caseScopeOf(viewer: Viewer): CaseScopeOfViewer {
  if (viewer.system) return { kind: 'all' };
  if (viewer.roles.some((role) => SEE_ALL.includes(role))) return { kind: 'all' };
  if (viewer.roles.includes('supervisor')) return { kind: 'teams', userId: viewer.userId };
  if (viewer.roles.includes('phone-collector') || viewer.roles.includes('field-collector')) {
    return { kind: 'own', userId: viewer.userId };
  }
  return { kind: 'none' };
}

/**
 * A SQL condition on the case alias `c` with its parameters (`?` placeholders). Callers
 * also pin `c.tenant_id`; RLS would hide other tenants anyway.
 */
export function visibleCasesSql(viewer: Viewer, alias = 'c'): { sql: string; params: unknown[] } {
  const scope = caseScopeOf(viewer);
  switch (scope.kind) {
    case 'all':
      return { sql: 'true', params: [] };
    case 'own':
      return { sql: `${alias}.assignee_id = ?`, params: [scope.userId] };
    case 'teams':
      return {
        sql: `(${alias}.assignee_id = ?
               or (${alias}.assignee_id is null and ${alias}.team_id is null)
               or ${alias}.team_id in (select tm.team_id from team_members tm
                                        where tm.tenant_id = ${alias}.tenant_id and tm.user_id = ?)
               or ${alias}.assignee_id in (select peer.user_id from team_members peer
                                            join team_members me on me.tenant_id = peer.tenant_id
                                             and me.team_id = peer.team_id
                                           where peer.tenant_id = ${alias}.tenant_id and me.user_id = ?))`,
        params: [scope.userId, scope.userId, scope.userId],
      };
    case 'none':
      return { sql: 'false', params: [] };
  }
}

/** Commands call this before touching a case: reading is not acting (auditor). */
export function assertMayChangeCases(viewer: Viewer): void {
  if (viewer.system) return;
  if (!viewer.roles.some((role) => MAY_WRITE.includes(role))) {
    throw new ForbiddenError('This role may read cases but not change them');
  }
}

/** Whether the viewer works only their own cases (collectors), for rules about assignees. */
export function isCollectorOnly(viewer: Viewer): boolean {
  return caseScopeOf(viewer).kind === 'own';
}

/** What the visibility checks need of a connection: MikroORM's `em.execute` fits. */
export interface SqlRunner {
  execute(sql: string, params: unknown[]): Promise<unknown>;
}

/**
 * 404 unless the case exists in the tenant and the viewer may see it. `what`/`id` name the
 * object the caller asked for (a notice, a task), so the message does not reveal the case.
 */
export async function assertCaseVisible(
  db: SqlRunner,
  viewer: Viewer,
  tenantId: string,
  caseId: string,
  what = 'case',
  id = caseId,
): Promise<void> {
  const visible = visibleCasesSql(viewer);
  const rows = (await db.execute(
    `select 1 from cases c where c.tenant_id = ? and c.id = ? and ${visible.sql} limit 1`,
    [tenantId, caseId, ...visible.params],
  )) as unknown[];
  if (rows.length === 0) throw new NotFoundError(what, id);
}

/**
 * 404 unless the viewer may see at least one case of the debtor (a collector reaches a
 * debtor — guarantors, ledger — only through a case assigned to them).
 */
export async function assertDebtorVisible(
  db: SqlRunner,
  viewer: Viewer,
  tenantId: string,
  debtorId: string,
): Promise<void> {
  if (caseScopeOf(viewer).kind === 'all') return;
  const visible = visibleCasesSql(viewer);
  const rows = (await db.execute(
    `select 1 from cases c where c.tenant_id = ? and c.debtor_id = ? and ${visible.sql} limit 1`,
    [tenantId, debtorId, ...visible.params],
  )) as unknown[];
  if (rows.length === 0) throw new NotFoundError('Debtor', debtorId);
}

/**
 * 404 unless the viewer may see a case that carries the account (linked to the case, or the
 * case of its debtor). Roles that see every case see every account of the tenant.
 */
export async function assertAccountVisible(
  db: SqlRunner,
  viewer: Viewer,
  tenantId: string,
  accountId: string,
): Promise<void> {
  if (caseScopeOf(viewer).kind === 'all') return;
  const visible = visibleCasesSql(viewer);
  const rows = (await db.execute(
    `select 1 from cases c
      where c.tenant_id = ? and ${visible.sql}
        and (exists (select 1 from case_accounts ca
                      where ca.tenant_id = c.tenant_id and ca.case_id = c.id and ca.account_id = ?)
             or c.debtor_id = (select a.debtor_id from accounts a
                                where a.tenant_id = c.tenant_id and a.id = ?))
      limit 1`,
    [tenantId, ...visible.params, accountId, accountId],
  )) as unknown[];
  if (rows.length === 0) throw new NotFoundError('Account', accountId);
}
