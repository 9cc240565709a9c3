import type { Role } from '@qingshou/core';

export interface NavEntry {
  /** Message key of the link text. */
  readonly key: string;
  readonly href: string;
  /** Who sees the link; keep it the same as the page controller's @ConsoleController roles. */
  readonly roles: readonly Role[];
}

/**
 * The console's navigation, in display order. The first entry a user may see is their home
 * page (`/console` redirects there), so put each role's main page before the others it sees.
 */
export const CONSOLE_NAV: NavEntry[] = [
  // 组长/经理 land on the dashboard (keep in step with DASHBOARD_ROLES).
  {
    key: 'nav.dashboard',
    href: '/console/dashboard',
    roles: ['manager', 'tenant-admin', 'finance', 'auditor'],
  },
  {
    key: 'nav.supervisor',
    href: '/console/supervisor',
    roles: ['supervisor', 'manager', 'tenant-admin'],
  },
  {
    key: 'nav.work',
    href: '/console/work',
    roles: ['phone-collector', 'field-collector', 'supervisor', 'manager', 'legal', 'clerk'],
  },
  // Same roles as their controllers: REPORT_ROLES, NOTICE_ROLES, IMPORT_READ_ROLES.
  {
    key: 'nav.reports',
    href: '/console/reports',
    roles: ['tenant-admin', 'manager', 'supervisor', 'finance'],
  },
  {
    key: 'nav.notices',
    href: '/console/notices',
    roles: [
      'tenant-admin',
      'manager',
      'supervisor',
      'legal',
      'clerk',
      'phone-collector',
      'field-collector',
    ],
  },
  {
    key: 'nav.imports',
    href: '/console/admin/imports',
    roles: ['tenant-admin', 'manager', 'supervisor', 'clerk', 'finance', 'auditor'],
  },
  { key: 'nav.pack', href: '/console/admin/pack', roles: ['tenant-admin', 'manager'] },
  { key: 'nav.users', href: '/console/admin/users', roles: ['tenant-admin'] },
];

export function navFor(roles: readonly Role[]): NavEntry[] {
  return CONSOLE_NAV.filter((entry) => entry.roles.some((role) => roles.includes(role)));
}

export function homeFor(roles: readonly Role[]): string | null {
  return navFor(roles)[0]?.href ?? null;
}
