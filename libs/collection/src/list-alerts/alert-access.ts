import { ForbiddenError, Role } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';
import { visibleCasesSql } from '@qingshou/core';

/** Alerts are the supervisors' (催收主管) and managers' tools; tenant admins oversee. */
export const ALERT_ROLES = [
  'supervisor',
  'manager',
  'tenant-admin',
] as const satisfies readonly Role[];

export function requireAlertRole(viewer: Viewer): void {
  if (!viewer.roles.some((role) => (ALERT_ROLES as readonly Role[]).includes(role))) {
    throw new ForbiddenError(`Alerts need one of the roles: ${ALERT_ROLES.join(', ')}`);
  }
}

/**
 * Which alerts a viewer sees, on alias `a` joined to its case `c`: those addressed to them
 * by name, and those on cases they may see (a supervisor: their teams' cases; a manager or
 * admin: all). Anything else is not found.
 */
export function visibleAlertsSql(viewer: Viewer): { sql: string; params: unknown[] } {
  const cases = visibleCasesSql(viewer);
  return {
    sql: `(a.addressed_user_id = ? or ${cases.sql})`,
    params: [viewer.userId, ...cases.params],
  };
}
