import { visibleCasesSql } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';

/**
 * Which alerts a viewer sees, on alias `a` joined to its case `c`: those addressed to them
 * by name, and those on cases they may see (a supervisor: their teams' cases; a manager or
 * admin: all). Anything else is not found. Who may read alerts at all is the core matrix's
 * `alert.read` (supervisors, managers, tenant admins).
 */
export function visibleAlertsSql(viewer: Viewer): { sql: string; params: unknown[] } {
  const cases = visibleCasesSql(viewer);
  return {
    sql: `(a.addressed_user_id = ? or ${cases.sql})`,
    params: [viewer.userId, ...cases.params],
  };
}
