import type { Role } from '@qingshou/core';

/**
 * Who may call the notice routes (deny by default: every route names its roles). Collectors
 * deliver letters on visits and log receipts (篇六: 送达逾期催收函); 内勤 mails statements and
 * logs replies (篇一); 法务 sends final notices and watches their deadlines (篇五).
 */
export const NOTICE_ROLES: Role[] = [
  'tenant-admin',
  'manager',
  'supervisor',
  'legal',
  'clerk',
  'phone-collector',
  'field-collector',
];

/** Previewing arbitrary template source is pack authoring: admins and managers. */
export const PREVIEW_ROLES: Role[] = ['tenant-admin', 'manager'];
