import { ForbiddenError, Role } from '@qingshou/core';
import type { Viewer } from '../domain/collection-command';

/**
 * Which roles may perform which case action. The HTTP routes declare the same lists with
 * @Roles; handlers check again because the CLI and jobs dispatch commands too.
 */
export const ACTION_ROLES = {
  openCase: ['manager', 'supervisor', 'tenant-admin', 'clerk'],
  assignCase: ['manager', 'supervisor', 'tenant-admin'],
  workCase: [
    'phone-collector',
    'field-collector',
    'supervisor',
    'manager',
    'tenant-admin',
    'legal',
    'clerk',
  ],
  recordPromise: [
    'phone-collector',
    'field-collector',
    'supervisor',
    'manager',
    'tenant-admin',
    'legal',
  ],
  pauseCase: ['supervisor', 'manager', 'tenant-admin', 'legal'],
  requestApproval: [
    'phone-collector',
    'field-collector',
    'supervisor',
    'manager',
    'tenant-admin',
    'legal',
    'finance',
    'clerk',
  ],
  decideApproval: ['manager', 'supervisor', 'legal', 'finance', 'tenant-admin'],
  addCost: ['phone-collector', 'field-collector', 'supervisor', 'manager', 'legal', 'finance'],
  legal: ['legal', 'manager'],
  settlementInKind: ['legal', 'finance', 'manager'],
  blacklist: ['manager', 'supervisor', 'tenant-admin', 'legal'],
  closeCase: ['manager', 'supervisor', 'tenant-admin'],
  manageTasks: [
    'phone-collector',
    'field-collector',
    'supervisor',
    'manager',
    'tenant-admin',
    'legal',
    'clerk',
  ],
  evaluatePromises: ['manager', 'tenant-admin'],
  manageTeams: ['manager', 'tenant-admin'],
  readCases: [
    'tenant-admin',
    'manager',
    'supervisor',
    'phone-collector',
    'field-collector',
    'legal',
    'finance',
    'auditor',
    'clerk',
  ],
} as const satisfies Record<string, readonly Role[]>;

export type CaseAction = keyof typeof ACTION_ROLES;

export function requireRole(viewer: Viewer, action: CaseAction): void {
  const allowed: readonly Role[] = ACTION_ROLES[action];
  if (!viewer.roles.some((role) => allowed.includes(role))) {
    throw new ForbiddenError(`This action needs one of the roles: ${allowed.join(', ')}`);
  }
}
