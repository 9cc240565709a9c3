/** Roles from the seeds (DESIGN §3) plus the platform operator. */
export const ROLES = [
  'platform-admin',
  'tenant-admin',
  'manager', // 组长 / 经理
  'supervisor', // 催收主管
  'phone-collector', // 电话催收
  'field-collector', // 外访催收
  'legal', // 法务
  'finance', // 财务
  'auditor', // 内审
  'clerk', // 内勤 / 辅助行政
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The authenticated caller, as every edge hands it to commands. */
export interface Principal {
  readonly userId: string;
  readonly tenantId: string;
  readonly tenantSlug: string;
  readonly username: string;
  readonly roles: readonly Role[];
}
