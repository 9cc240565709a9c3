import { hasPermission, type Permission, type Role } from '@qingshou/core';

export interface NavEntry {
  /** Message key of the link text. */
  readonly key: string;
  readonly href: string;
  /**
   * The permission of the page's controller (@ConsoleController(path, permission)): whoever
   * holds it sees the link, so no link leads to a 403 (one matrix, core's PERMISSIONS).
   */
  readonly permission: Permission;
  /** Pages shown as tabs on the admin pages (催收方案 / 导入 / 用户). */
  readonly section?: 'admin' | null;
  /** Only these roles land here (others who see the link have their own home further on). */
  readonly homeOf?: readonly Role[];
}

/**
 * The console's navigation, in display order. The first entry a user may see is their home
 * page (`/console` redirects there), so put each role's main page before the others it sees.
 */
export const CONSOLE_NAV: NavEntry[] = [
  // 组长/经理 land on the dashboard; the supervisor reads it but lands on the workbench.
  {
    key: 'nav.dashboard',
    href: '/console/dashboard',
    permission: 'dashboard.read',
    homeOf: ['manager', 'tenant-admin', 'finance', 'auditor'],
  },
  { key: 'nav.supervisor', href: '/console/supervisor', permission: 'console.supervisor' },
  // 法务 lands on its matters (before the worklist it also holds).
  { key: 'nav.legal', href: '/console/legal', permission: 'legal-step.record' },
  { key: 'nav.work', href: '/console/work', permission: 'console.work' },
  // 案件查询: every role that reads cases, after its home page.
  { key: 'nav.cases', href: '/console/cases', permission: 'case.read' },
  // 审批 for whoever decides approvals (财务 对账, 法务 起诉, 主管 外访方案, 经理 减免).
  { key: 'nav.approvals', href: '/console/approvals', permission: 'approval.decide' },
  // 财务: 还款登记 and 冲正 (finance, and the clerks and leaders who record payments).
  { key: 'nav.finance', href: '/console/finance', permission: 'payment.record' },
  { key: 'nav.reports', href: '/console/reports', permission: 'report.read' },
  { key: 'nav.notices', href: '/console/notices', permission: 'notice.read' },
  { key: 'nav.recordings', href: '/console/recordings', permission: 'recordings.read' },
  { key: 'nav.audit', href: '/console/audit', permission: 'audit.read' },
  {
    key: 'nav.imports',
    href: '/console/admin/imports',
    permission: 'import.read',
    section: 'admin',
  },
  { key: 'nav.pack', href: '/console/admin/pack', permission: 'console.pack', section: 'admin' },
  { key: 'nav.users', href: '/console/admin/users', permission: 'user.manage', section: 'admin' },
];

export function navFor(roles: readonly Role[]): NavEntry[] {
  const viewer = { userId: 'nav', roles };
  // Views are strict: every entry carries `section` (null outside the admin tabs).
  return CONSOLE_NAV.filter((entry) => hasPermission(viewer, entry.permission)).map((entry) => ({
    ...entry,
    section: entry.section ?? null,
  }));
}

export function homeFor(roles: readonly Role[]): string | null {
  const home = navFor(roles).find((e) => !e.homeOf || e.homeOf.some((r) => roles.includes(r)));
  return home?.href ?? null;
}
