import type { Role } from '@qingshou/core';

/** Reports: the leaders assessed on them (组长/经理), admins, supervisors and finance. */
export const REPORT_ROLES: Role[] = ['tenant-admin', 'manager', 'supervisor', 'finance', 'clerk'];

/** Legal holds: legal (法务) places them, managers and admins too. */
export const RETENTION_ROLES: Role[] = ['tenant-admin', 'manager', 'legal'];
