import type { PackData } from '@qingshou/policy';

/** A pack report as pinned in the tenant's snapshot (parameters already substituted). */
export type ReportData = PackData['reports'][number];
export type RetentionData = PackData['retention'][number];

/** Breakdowns that are not debtor group types (a list groups by a group type only). */
export const BREAKDOWN_KINDS_FOR_LIST = ['tenant', 'collector', 'team'] as const;
